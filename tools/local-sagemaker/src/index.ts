export { startLocalSageMaker } from './emulator';
export type { LocalSageMaker, LocalSageMakerOptions, LocalS3Options } from './emulator';
export type { ImageMap, ImageMapping } from './runtime/image-map';
export type { RuntimeChoice } from './runtime/select-runtime';
