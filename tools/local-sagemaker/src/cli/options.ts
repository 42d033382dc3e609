import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LocalSageMakerOptions } from '../emulator';
import type { ImageMap } from '../runtime/image-map';
import type { RuntimeChoice } from '../runtime/select-runtime';
import { flag, intFlag, ParsedArgs, LocalSageMakerUsageError } from './args';

/** Flags shared by `start` and `run` (they both may start an emulator). */
export const EMULATOR_FLAGS = {
  'state-dir': 'value',
  port: 'value',
  runtime: 'value',
  region: 'value',
  s3: 'value',
  's3-port': 'value',
  bucket: 'value',
  'stop-grace': 'value',
  'image-map': 'value',
  'apps-root': 'value',
  'keep-work-dirs': 'switch',
} as const;

export function stateDirOf(args: ParsedArgs): string {
  return resolve(flag(args, 'state-dir') ?? process.env.LOCAL_SAGEMAKER_STATE_DIR ?? 'tmp/local-sagemaker');
}

export function emulatorOptions(args: ParsedArgs): LocalSageMakerOptions {
  const runtime = (flag(args, 'runtime') ?? 'auto') as RuntimeChoice;
  if (!['auto', 'docker', 'process'].includes(runtime))
    throw new LocalSageMakerUsageError(`--runtime must be auto, docker or process, got '${runtime}'`);
  const s3 = flag(args, 's3') ?? 'embedded';
  if (s3 !== 'embedded' && s3 !== 'none' && !/^https?:\/\//.test(s3))
    throw new LocalSageMakerUsageError(`--s3 must be embedded, none or an http(s) endpoint URL, got '${s3}'`);
  const mapFile = flag(args, 'image-map');
  return {
    stateDir: stateDirOf(args),
    port: intFlag(args, 'port'),
    runtime,
    region: flag(args, 'region'),
    stopGraceSeconds: intFlag(args, 'stop-grace'),
    imageMap: mapFile ? readImageMap(mapFile) : undefined,
    appsRoot: flag(args, 'apps-root'),
    keepWorkDirs: flag(args, 'keep-work-dirs') === 'true',
    s3:
      s3 === 'embedded'
        ? { embedded: true, port: intFlag(args, 's3-port'), buckets: args.flags.bucket }
        : s3 === 'none'
          ? {}
          : { endpoint: s3 },
  };
}

function readImageMap(file: string): ImageMap {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new LocalSageMakerUsageError(`--image-map ${file}: ${(err as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new LocalSageMakerUsageError(
      `--image-map ${file}: expected an object of image → { trainCommand, workdir }`,
    );
  for (const [image, m] of Object.entries(
    parsed as Record<string, { trainCommand?: unknown; workdir?: unknown }>,
  )) {
    if (!Array.isArray(m?.trainCommand) || typeof m?.workdir !== 'string')
      throw new LocalSageMakerUsageError(
        `--image-map ${file}: entry '${image}' needs trainCommand (string[]) and workdir (string)`,
      );
    m.workdir = resolve(dirname(resolve(file)), m.workdir); // relative to the map file
  }
  return parsed as ImageMap;
}
