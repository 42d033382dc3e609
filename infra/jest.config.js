/** Unit tests: template assertions, cdk-nag, IAM from the code; offline, no AWS account. */
module.exports = {
  displayName: 'infra',
  preset: '../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
};
