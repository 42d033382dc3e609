import { execOk } from './exec';
import { PushPlan } from './push-plan';

export interface PushedRef {
  ref: string;
  digest: string;
}

/** Tags and pushes every ref of the plan; returns the registry digest of each. */
export function pushImage(plan: PushPlan, log: (line: string) => void = console.log): PushedRef[] {
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
