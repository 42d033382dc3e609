import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { formatS3Uri, listObjectsArray, parseS3Uri } from '@mlops/aws';
import type { ModelRunData, Plot } from './report-data';

const MAX_PLOT_BYTES = 2 * 1024 * 1024;
const IMAGE = /\.(svg|png)$/i;

/**
 * The evaluation plots of each model: `plot` artifacts (an object, or a prefix holding SVG/PNG files);
 * without any, the SVG/PNG files beside the `evaluation-report` artifact. Failures are collected, not
 * thrown: a missing plot must not cost the user the rest of the report.
 */
export async function fetchPlots(
  s3: S3Client,
  models: readonly ModelRunData[],
): Promise<{ plots: Plot[]; errors: string[] }> {
  const plots: Plot[] = [];
  const errors: string[] = [];
  for (const m of models) {
    let uris: string[];
    try {
      uris = await plotUris(s3, m);
    } catch (err) {
      errors.push(`${m.model}: cannot list plots: ${message(err)}`);
      continue;
    }
    for (const uri of uris) {
      try {
        plots.push({ model: m.model, uri, ...(await fetchImage(s3, uri)) });
      } catch (err) {
        errors.push(`${m.model}: ${uri}: ${message(err)}`);
      }
    }
  }
  return { plots, errors };
}

async function plotUris(s3: S3Client, m: ModelRunData): Promise<string[]> {
  const plotArtifacts = m.artifacts.filter((a) => a.kind === 'plot').map((a) => a.uri);
  const sources =
    plotArtifacts.length > 0
      ? plotArtifacts
      : m.artifacts
          .filter((a) => a.kind === 'evaluation-report')
          .map((a) => (a.uri.endsWith('/') ? a.uri : dirnameUri(a.uri)));
  const uris: string[] = [];
  for (const source of sources) {
    if (!source.endsWith('/')) {
      if (IMAGE.test(source)) uris.push(source);
      continue;
    }
    const objects = await listObjectsArray(s3, source);
    uris.push(...objects.map((o) => o.uri).filter((u) => IMAGE.test(u)));
  }
  return [...new Set(uris)].sort();
}

/** `s3://b/a/evaluation.json` → `s3://b/a/`. */
function dirnameUri(uri: string): string {
  const { bucket, key } = parseS3Uri(uri);
  return formatS3Uri({ bucket, key: key.slice(0, key.lastIndexOf('/') + 1) });
}

async function fetchImage(s3: S3Client, uri: string): Promise<Pick<Plot, 'mimeType' | 'base64'>> {
  const { bucket, key } = parseS3Uri(uri);
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (res.ContentLength !== undefined && res.ContentLength > MAX_PLOT_BYTES)
    throw new Error(`too large to inline (${res.ContentLength} bytes > ${MAX_PLOT_BYTES})`);
  if (!res.Body) throw new Error('empty response body');
  const bytes = Buffer.from(await res.Body.transformToByteArray());
  if (bytes.length > MAX_PLOT_BYTES) throw new Error(`too large to inline (${bytes.length} bytes)`);
  return { mimeType: /\.svg$/i.test(key) ? 'image/svg+xml' : 'image/png', base64: bytes.toString('base64') };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
