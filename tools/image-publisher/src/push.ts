import { execOk } from './exec';
import { PushPlan, PushRefusedError } from './push-plan';
import { remoteImageId } from './remote-image';

export interface PushedRef {
  ref: string;
  digest: string;
}

/**
 * Tags and pushes every ref of the plan; returns the registry digest of each. The immutable (SHA) tag is
 * checked first: when the registry already holds another image under it, nothing is pushed; when it
 * holds this very image, the push is a no-op that says so.
 */
export function pushImage(plan: PushPlan, log: (line: string) => void = console.log): PushedRef[] {
  const localId = execOk('docker', ['image', 'inspect', '--format', '{{.Id}}', plan.source]).trim();
  const remoteId = remoteImageId(plan.immutableRef);
  if (remoteId !== undefined && remoteId !== localId)
    throw new PushRefusedError(
      `${plan.immutableRef} already holds image ${remoteId}; this build is ${localId}. ` +
        'An immutable tag is never overwritten: rebuild from the same commit with a warm cache, or commit and push a new SHA',
    );
  if (remoteId === localId) log(`${plan.immutableRef} already holds this image (${localId})`);
  const pushed: PushedRef[] = [];
  for (const ref of plan.refs) {
    execOk('docker', ['tag', plan.source, ref]);
    log(`pushing ${ref}`);
    const out = execOk('docker', ['push', ref]);
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(out)?.[1];
    if (!digest) throw new Error(`docker push ${ref}: no digest in output:\n${out}`);
    log(`pushed ${ref}@${digest}`);
    pushed.push({ ref, digest });
  }
  return pushed;
}
