/** Slow test: generates a model in a temp copy of the workspace and runs its targets for real. */
module.exports = {
  displayName: 'workspace-plugin:integration',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration.ts'],
  testTimeout: 30 * 60 * 1000,
};
