export { startLocalSageMaker } from './emulator';
export type { LocalSageMaker, LocalSageMakerOptions, LocalS3Options } from './emulator';
export type { ImageMap, ImageMapping } from './runtime/image-map';
export type { RuntimeChoice } from './runtime/select-runtime';
export { startEmbeddedS3 } from './s3/embedded-s3';
export type { EmbeddedS3, EmbeddedS3Options } from './s3/embedded-s3';
export { loadOrCreateCredentials, PROFILE, CREDENTIALS_FILE } from './auth/credentials';
export type { StackCredentials } from './auth/credentials';
