import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appDistPath, imageBaseName } from '@mlops/contract';

export { imageBaseName };

/** How the process runtime runs an image without Docker. Paths in commands may use `/opt/ml/...`. */
export interface ImageMapping {
  /** argv for a training job without ContainerEntrypoint (the image's `train`). */
  trainCommand: string[];
  /**
   * argv that stands for the image's ENTRYPOINT in a processing job without ContainerEntrypoint; its
   * ContainerArguments follow. Default: trainCommand minus `train`.
   */
  processCommand?: string[];
  /** Working directory of the child (the image's WORKDIR); relative commands resolve against it. */
  workdir: string;
  env?: Record<string, string>;
}

export type ImageMap = Record<string, ImageMapping>;

/**
 * Resolves an image for the process runtime. Lookup order: `imageMap[image]`, `imageMap[<image without tag>]`,
 * `imageMap[<base name>]`, then the convention: `[<registry>/]<name>[:tag]` → `<appsRoot>/apps/<name>/dist`,
 * training runs `node main.js train`, processing runs its ContainerArguments (cwd = that dist dir).
 */
export function resolveImage(image: string, imageMap: ImageMap, appsRoot: string): ImageMapping {
  const noTag = image.replace(/:[^:/]+$/, '');
  const mapped = imageMap[image] ?? imageMap[noTag] ?? imageMap[imageBaseName(image)];
  if (mapped) return mapped;
  const workdir = join(appsRoot, appDistPath(image));
  if (!existsSync(workdir))
    throw new Error(
      `process runtime: image '${image}' maps to ${workdir}, which does not exist ` +
        `(build the app, or give an imageMap entry for '${imageBaseName(image)}')`,
    );
  // Processing jobs name their whole command in ContainerArguments under the image's ENTRYPOINT (tini),
  // which the process runtime does without: an empty processCommand.
  return { trainCommand: ['node', 'main.js', 'train'], processCommand: [], workdir };
}
