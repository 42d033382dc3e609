/** Integration tests: the built image under real Docker (`nx run container-mpg:integration`). */
module.exports = {
  displayName: 'container-mpg:integration',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration.ts'],
};
