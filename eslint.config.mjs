import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import angular from 'angular-eslint';
import prettier from 'eslint-config-prettier';

const typeChecked = [
  'api/src/**/*.ts',
  'web/src/**/*.ts',
  'libs/*/src/**/*.ts',
  'e2e/**/*.ts',
  'migrations/**/*.ts',
  'tools/**/*.ts',
  'tools/**/*.mjs',
  'tools/**/*.cjs',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      'tmp',
      'data',
      'coverage',
      '.nx',
      '.angular',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      // The test runner, its reporters and the benchmark's probe are plain JavaScript, type-checked through JSDoc.
      '!tools/**/*.mjs',
      '!tools/**/*.cjs',
      '*.config.ts',
      '**/jest.config.ts',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: typeChecked,
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // One project for all of tools/, JavaScript included (tools/bench/tsconfig.json serves the benchmark's runtime).
    files: ['tools/**'],
    languageOptions: {
      parserOptions: { projectService: false, project: './tools/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:migrations'] },
            { sourceTag: 'scope:migrations', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: [
                '@nestjs/*',
                '@angular/*',
                'typeorm',
                'express',
                'pg',
                'rxjs',
                'class-validator',
                'class-transformer',
              ],
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              bannedExternalImports: ['@nestjs/*', '@angular/*', 'typeorm', 'express', 'pg'],
            },
          ],
        },
      ],
    },
  },
  {
    // Contracts take the workflow's vocabulary as types only: the wire types follow the domain, and a
    // client importing contracts pulls in no domain code.
    files: ['libs/contracts/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@pu/workflow',
              allowTypeImports: true,
              message: 'Contracts use @pu/workflow for types only: write `import type`.',
            },
          ],
        },
      ],
    },
  },
  {
    // The API e2e tests boot the API from its sources on purpose.
    files: ['e2e/api/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Response bodies in tests are untyped JSON by nature; asserting on them is the point.
    files: ['e2e/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...angular.configs.tsRecommended.map((c) => ({ ...c, files: ['web/src/**/*.ts'] })),
  {
    files: ['web/src/**/*.ts'],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'pu', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'pu', style: 'kebab-case' }],
    },
  },
  ...[...angular.configs.templateRecommended, ...angular.configs.templateAccessibility].map((c) => ({
    ...c,
    files: ['web/src/**/*.html'],
  })),
  prettier,
);
