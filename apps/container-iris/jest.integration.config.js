/** Integration tests: the built image under real Docker (`nx run container-iris:integration`). */
module.exports = {
  displayName: 'container-iris:integration',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration.ts'],
};
