/** Integration tests: need PostgreSQL on 127.0.0.1:5432 (trust auth, database `test`). */
module.exports = {
  displayName: 'db-integration',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration.ts'],
  testTimeout: 60000,
};
