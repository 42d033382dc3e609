/** E2E: the bundled db code inside a Docker image against PostgreSQL (needs Docker + PostgreSQL). */
module.exports = {
  displayName: 'db-e2e',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e.ts'],
  testTimeout: 300000,
};
