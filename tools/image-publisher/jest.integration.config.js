/** Push tests: need Docker and the registry on 127.0.0.1:5000 (`tools/ci/services.sh up`). */
module.exports = {
  displayName: 'image-publisher:integration',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration.ts'],
};
