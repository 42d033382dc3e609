// Test helpers for container apps: temp /opt/ml trees, running built bundles, running the image.
export * from './opt-ml';
export * from './docker';
