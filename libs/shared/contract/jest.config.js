/** Unit tests: no services needed (`npm test`). */
module.exports = {
  displayName: 'contract',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
