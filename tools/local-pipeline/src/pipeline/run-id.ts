// The batches own the run-id rules (they build job names from it); reuse theirs so both agree.
export { assertRunId, newRunId } from '@mlops/pipeline-core';
