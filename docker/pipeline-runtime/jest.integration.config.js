/** Image tests: need a Docker engine (`tools/ci/services.sh up`) and the built image. */
module.exports = {
  displayName: 'pipeline-runtime:integration',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration.ts'],
};
