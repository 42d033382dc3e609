/** Unit tests: template assertions, cdk-nag, IAM from the code; offline, no AWS account. */
module.exports = {
  displayName: 'infra',
  preset: '../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  // Each synth is CPU-bound (several seconds on a loaded 2-core machine); the default 5 s is too tight.
  testTimeout: 120_000,
};
