// Shared Jest settings: swc for speed (type checking is the `typecheck` target's job),
// Nx's resolver so `@mlops/*` imports resolve through tsconfig.base.json paths.
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  coverageReporters: ['text-summary'],
  reporters: ['default', require.resolve('./tools/ci/jest-summary-reporter.js')],
};
