/** Integration tests: need a Docker daemon and the node:24-bookworm-slim base image (tools/ci/services.sh up). */
module.exports = {
  displayName: 'local-sagemaker-integration',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration.ts'],
  testTimeout: 180_000,
};
