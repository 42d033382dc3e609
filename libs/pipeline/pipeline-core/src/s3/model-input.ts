/**
 * The S3 prefix to mount as a processing job's `model` input for a `.../output/model.tar.gz` artifact:
 * its directory. SageMaker downloads an S3Prefix input keeping names relative to the prefix, so the
 * container finds `<input>/model.tar.gz` either way; a directory prefix also works on emulators that
 * treat every S3Prefix as a directory (tools/local-sagemaker does).
 */
export function modelInputPrefix(artifactUri: string): string {
  const slash = artifactUri.lastIndexOf('/');
  if (!artifactUri.startsWith('s3://') || slash < 's3://x/'.length || slash === artifactUri.length - 1)
    throw new Error(
      `modelInputPrefix: expected an s3:// URI of a model.tar.gz, got ${JSON.stringify(artifactUri)}`,
    );
  return artifactUri.slice(0, slash + 1);
}
