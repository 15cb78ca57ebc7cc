import type { Config } from 'jest';

const swc: [string, Record<string, unknown>] = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@pu/workflow$': '<rootDir>/libs/workflow/src/index.ts',
  '^@pu/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@pu/migrations$': '<rootDir>/migrations/index.ts',
};

/** Unit tests: no database, no browser. */
const config: Config = {
  // Every skipped test is listed; under CI=true a skip fails the run.
  reporters: ['default', '<rootDir>/tools/test-reporters/jest-skips.mjs'],
  projects: [
    {
      displayName: 'libs and api',
      testEnvironment: 'node',
      roots: ['<rootDir>/libs', '<rootDir>/api/src'],
      testMatch: ['**/*.spec.ts'],
      transform: { '^.+\\.(t|j)s$': swc },
      transformIgnorePatterns: [
        '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|load-esm)/)',
      ],
      moduleNameMapper,
    },
    {
      // The SPA's logic (view models, form models, date and label helpers) as plain functions: no TestBed.
      // Angular ships ES modules only, so its packages are compiled to CommonJS like the sources.
      displayName: 'web',
      testEnvironment: 'node',
      roots: ['<rootDir>/web/src'],
      testMatch: ['**/*.spec.ts'],
      moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
      transform: { '^.+\\.(t|j|mj)s$': swc },
      transformIgnorePatterns: ['/node_modules/(?!(@angular|@jsverse)/)'],
      setupFiles: ['<rootDir>/web/src/unit-test-setup.ts'],
      moduleNameMapper,
    },
  ],
};
export default config;
