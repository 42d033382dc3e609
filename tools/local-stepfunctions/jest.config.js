/** Unit tests: no services needed (`npm test`); tasks run through a fake container runner. */
module.exports = {
  displayName: 'local-stepfunctions',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
};
