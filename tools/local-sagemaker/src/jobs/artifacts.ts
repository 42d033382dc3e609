import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packDirectory } from '@mlops/aws';
import { joinUri } from '../data/transfer';
import type { JobContext } from './context';

/**
 * Packs `/opt/ml/model` into model.tar.gz and `/opt/ml/output/data` into output.tar.gz (the platform tars
 * only output/data) and puts both at `<S3OutputPath>/<job>/output/`, for s3:// and file:// alike.
 * With several hosts the model dirs are merged; algo-1's files win on a name clash.
 */
export async function uploadTrainingArtifacts(
  ctx: JobContext,
  workDir: string,
  hostDirs: string[],
  outputPath: string,
  jobName: string,
): Promise<string> {
  const staging = join(workDir, 'artifacts');
  const model = mergeDirs(
    hostDirs.map((d) => join(d, 'model')),
    join(staging, 'model'),
  );
  const data = mergeDirs(
    hostDirs.map((d) => join(d, 'output/data')),
    join(staging, 'output-data'),
  );
  const modelTar = join(staging, 'model.tar.gz');
  const outputTar = join(staging, 'output.tar.gz');
  await Promise.all([pack(model, modelTar), pack(data, outputTar)]);
  const destination = joinUri(outputPath, jobName, 'output');
  await Promise.all([
    ctx.transfer.uploadFile(modelTar, `${destination}/model.tar.gz`),
    ctx.transfer.uploadFile(outputTar, `${destination}/output.tar.gz`),
  ]);
  return `${destination}/model.tar.gz`;
}

/** @mlops/aws packDirectory rejects an empty dir (tar: "no paths specified"); SageMaker still writes an
 *  archive then, so an empty one is produced here: a gzipped end-of-archive marker (two zero blocks). */
async function pack(dir: string, tarGz: string): Promise<void> {
  if (readdirSync(dir).length > 0) {
    await packDirectory(dir, tarGz);
    return;
  }
  mkdirSync(dirname(tarGz), { recursive: true });
  writeFileSync(tarGz, gzipSync(Buffer.alloc(1024)));
}

function mergeDirs(sources: string[], target: string): string {
  if (sources.length === 1) return sources[0];
  mkdirSync(target, { recursive: true });
  for (const source of [...sources].reverse())
    if (existsSync(source)) cpSync(source, target, { recursive: true, force: true });
  return target;
}

/** First existing file among the hosts, read as UTF-8 (failure, message). */
export function readFirst(files: string[]): string | undefined {
  for (const file of files) if (existsSync(file)) return readFileSync(file, 'utf8');
  return undefined;
}
