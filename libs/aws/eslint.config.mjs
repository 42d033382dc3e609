import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  // This file must import the root config by relative path; the boundary rule would flag it.
  { files: ['eslint.config.mjs'], rules: { '@nx/enforce-module-boundaries': 'off' } },
];
