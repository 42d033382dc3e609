import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  // The shared base config is a workspace file, not a project import; the boundaries rule misreads it.
  { files: ['eslint.config.mjs'], rules: { '@nx/enforce-module-boundaries': 'off' } },
];
