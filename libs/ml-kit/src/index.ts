// Model-independent building blocks of the container apps (no AWS SDK, no DB: container platform).
export * from './errors';
export * from './csv';
export * from './dataset';
export * from './files';
export * from './tar';
export * from './model-input';
export * from './prng';
export * from './split';
export * from './stats';
export * from './classification-metrics';
export * from './regression-metrics';
export * from './svg-escape';
export * from './confusion-matrix-svg';
export * from './scatter-svg';
export * from './container-main';
export * from './split-seed';
