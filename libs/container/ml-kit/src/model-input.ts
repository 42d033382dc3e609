/**
 * Reads model.json from a processing input dir that holds either the extracted model.json or the
 * training job's model.tar.gz (ModelArtifacts.S3ModelArtifacts as is), so the pipeline may pass either.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataError } from './errors';
import { listFiles } from './files';
import { ArchiveEntryError, readArchiveFiles } from '@mlops/archive';

export interface ModelSource {
  /** model.json text. */
  text: string;
  /** Where it came from, for messages: `<dir>/model.json` or `<dir>/model.tar.gz!model.json`. */
  source: string;
}

export function readModelFile(dir: string, modelFile: string): ModelSource {
  const files = listFiles(dir, 'model');
  const direct = files.find((f) => path.basename(f) === modelFile);
  if (direct) return { text: fs.readFileSync(direct, 'utf8'), source: direct };
  const archive = files.find((f) => /\.(tar\.gz|tgz|tar)$/.test(f));
  if (!archive) {
    throw new DataError(
      dir,
      `no ${modelFile} or model.tar.gz in the model input (found: ${files.map((f) => path.basename(f)).join(', ') || 'nothing'})`,
    );
  }
  const entry = readArchive(archive).find((e) => e.name === modelFile);
  if (!entry) throw new DataError(archive, `archive has no ${modelFile}`);
  return { text: entry.data.toString('utf8'), source: `${archive}!${modelFile}` };
}

/** The archive's files, within @mlops/archive's in-memory limits; a refusal becomes a DataError (the job's failure reason). */
function readArchive(archive: string) {
  try {
    return readArchiveFiles(fs.readFileSync(archive), archive);
  } catch (e) {
    if (e instanceof ArchiveEntryError) {
      throw new DataError(
        archive,
        e.entryPath ? `entry ${JSON.stringify(e.entryPath)}: ${e.reason}` : e.reason,
      );
    }
    throw e;
  }
}

/** The data's feature columns must be the model's, in order: anything else predicts from the wrong inputs. */
export function checkModelFeatures(
  dataFeatures: readonly string[],
  modelFeatures: readonly string[],
  file: string,
): void {
  if (JSON.stringify(dataFeatures) !== JSON.stringify(modelFeatures)) {
    throw new DataError(
      file,
      `features ${dataFeatures.join(',')} do not match the model's ${modelFeatures.join(',')}`,
    );
  }
}
