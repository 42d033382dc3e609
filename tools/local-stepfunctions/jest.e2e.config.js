/**
 * e2e: infra's synthesized state machines run locally, every batch a container of its pipeline image,
 * jobs on the docker runtime, the DB on PostgreSQL (127.0.0.1:5432, db `test`). `npx nx run
 * local-stepfunctions:e2e` synthesizes infra and builds the images first.
 */
module.exports = {
  displayName: 'local-stepfunctions-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e.ts'],
  testTimeout: 900000,
};
