export * from './archive-error';
export * from './limits';
export * from './pack-directory';
export * from './unpack-archive';
export * from './read-archive-files';
