/** Unit tests: no services needed (`npm test`). They start real child processes and an in-process
 *  s3rver, so on a loaded shared machine a test can take seconds: the timeout is an upper bound only. */
module.exports = {
  displayName: 'local-sagemaker',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testTimeout: 90_000,
};
