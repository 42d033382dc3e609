// Test-only entry point, `@mlops/pipeline-core/testing`: what the batches' tests share (a stand-in AWS
// endpoint that records every call, a real S3 server, a temp SQLite, and the harness that runs a batch
// in-process). Nothing under src/ imports it, so it never reaches a batch bundle or image.
export { startRecordingServer } from './recording-server';
export type { RecordingServer } from './recording-server';
export { S3RVER_ENV, startS3 } from './s3-server';
export { tempDb } from './temp-db';
export { useBatchHarness } from './batch-harness';
export type { BatchHarness, BatchHarnessOptions, BatchRunResult } from './batch-harness';
