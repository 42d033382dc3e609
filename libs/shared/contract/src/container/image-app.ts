/** `registry.example.com:5000/team/container-iris:1.2` → `container-iris`: the app an image is built from. */
export function imageBaseName(image: string): string {
  const withoutDigest = image.split('@')[0];
  const last = withoutDigest.split('/').pop() ?? withoutDigest;
  return last.split(':')[0];
}

/**
 * Where the process runtime (no Docker) finds an image's built app, relative to the apps root:
 * `apps/<base name>/dist`. The local stack runs it from there; the pipeline's pre-flight checks it exists.
 */
export function appDistPath(image: string): string {
  return `apps/${imageBaseName(image)}/dist`;
}
