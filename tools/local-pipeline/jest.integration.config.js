/**
 * Integration tests: the whole pipeline on the process runtime (only Node needed, but the batch and
 * container bundles must be built: `npx nx run local-pipeline:integration` builds them first).
 */
module.exports = {
  displayName: 'local-pipeline-integration',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration.ts'],
  globalSetup: '<rootDir>/test/support/require-bundles.js',
  testTimeout: 300000,
};
