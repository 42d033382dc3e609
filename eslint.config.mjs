import nx from '@nx/eslint-plugin';
import { scopeConstraints } from './tools/ci/module-boundaries.mjs';

// Module boundaries are the architecture: container images never get the AWS SDK or TypeORM,
// pipelines never reach into container apps, and a model team's code stays in its own scope.
// Per-model scope rules are derived from project tags, so a generated model is covered at once.
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/coverage', '**/tmp', '**/test-output', '**/__fixtures__', '.nx'],
  },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
            {
              sourceTag: 'platform:container',
              onlyDependOnLibsWithTags: ['platform:container', 'platform:shared'],
              bannedExternalImports: ['@aws-sdk/*', '@smithy/*', 'typeorm', 'pg', 'better-sqlite3', 'aws-sdk'],
            },
            {
              sourceTag: 'platform:pipeline',
              onlyDependOnLibsWithTags: ['platform:pipeline', 'platform:shared'],
            },
            {
              sourceTag: 'platform:shared',
              onlyDependOnLibsWithTags: ['platform:shared'],
            },
            ...scopeConstraints(),
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
