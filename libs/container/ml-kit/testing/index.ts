// Test-only entry point, `@mlops/ml-kit/testing`: what the container apps' tests share (temp /opt/ml
// trees, the built bundles, the image under Docker, and one harness that chains the jobs through
// either). Nothing under src/ imports it, so it never reaches a job bundle or image.
export * from './opt-ml';
export * from './splits';
export * from './bundle';
export * from './metric-lines';
export * from './app-fixtures';
export * from './docker';
export * from './in-process';
export * from './job-runner';
export * from './job-harness';
export * from './expectations';
