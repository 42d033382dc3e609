/** Unit tests: no services needed (`npm test`). */
module.exports = {
  displayName: 'workspace-ci',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
