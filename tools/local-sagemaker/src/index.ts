export { startLocalSageMaker } from './emulator';
export type { LocalSageMaker, LocalSageMakerOptions, LocalS3Options } from './emulator';
export type { ImageMap, ImageMapping } from './runtime/image-map';
export type { RuntimeChoice } from './runtime/select-runtime';
export { launchDaemon, stopDaemon } from './daemon/daemon';
export { readDiscovery, DISCOVERY_FILE } from './state/discovery';
export type { Discovery } from './state/discovery';
