/** Unit tests: no services needed (`npm test`). */
module.exports = {
  displayName: 'pipeline-core',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  // Tests open real SQLite files and loopback servers; the shared 2-core machine can be slow.
  testTimeout: 30000,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
