/**
 * e2e: the pipeline on the docker runtime with the DB on PostgreSQL (127.0.0.1:5432, db `test`).
 * Needs Docker, PostgreSQL and the images (`npx nx run local-pipeline:e2e` builds them first).
 */
module.exports = {
  displayName: 'local-pipeline-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e.ts'],
  globalSetup: '<rootDir>/test/support/require-bundles.js',
  testTimeout: 600000,
};
