import type { Config } from 'jest';

/** Unit tests of the pure libraries (no database, no browser). */
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/api/src'],
  // Every skipped test is listed; under CI=true a skip fails the run.
  reporters: ['default', '<rootDir>/tools/test-reporters/jest-skips.mjs'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|load-esm)/)',
  ],
  moduleNameMapper: {
    '^@pu/workflow$': '<rootDir>/libs/workflow/src/index.ts',
    '^@pu/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@pu/migrations$': '<rootDir>/migrations/index.ts',
  },
};
export default config;
