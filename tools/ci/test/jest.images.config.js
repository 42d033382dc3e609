/**
 * The image audit (`npx nx run workspace-ci:test:images`): every workspace image, after docker:build.
 * Needs Docker and the images; fails naming any image that is missing.
 */
const { join } = require('node:path');

module.exports = {
  displayName: 'workspace-ci-images',
  preset: '../../jest.preset.js',
  rootDir: join(__dirname, '..'),
  testMatch: ['<rootDir>/test/**/*.images.ts'],
  testTimeout: 120000,
};
