import type { Config } from 'jest';

/** API end-to-end tests: the real AppModule over HTTP against a real PostgreSQL (DATABASE_URL, else embedded). */
const config: Config = {
  displayName: 'api-e2e',
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e/api'],
  // Every skipped test is listed; under CI=true a skip fails the run.
  reporters: ['default', '<rootDir>/tools/test-reporters/jest-skips.mjs'],
  testMatch: ['**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/e2e/api/support/global-setup.ts',
  globalTeardown: '<rootDir>/e2e/api/support/global-teardown.ts',
  testTimeout: 60_000,
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
  // NestJS 12 and a few of its dependencies ship only ES modules; Jest runs CommonJS here.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|load-esm|@fastify/static/node_modules/content-disposition|content-disposition|@fastify/cookie|@fastify/cookie/node_modules/cookie|cookie)/)',
  ],
  moduleNameMapper: {
    '^@pu/workflow$': '<rootDir>/libs/workflow/src/index.ts',
    '^@pu/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@pu/migrations$': '<rootDir>/migrations/index.ts',
  },
};
export default config;
