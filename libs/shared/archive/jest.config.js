/** Unit tests: no services needed (`npm test`). */
module.exports = {
  displayName: 'archive',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
