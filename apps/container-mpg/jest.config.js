/** Unit + end-to-end tests on built bundles: Node only (`npm test`). */
module.exports = {
  displayName: 'container-mpg',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
