/** One way to run a job on an /opt/ml tree, whether from the built bundles or from the image. */
import { processingArguments } from '@mlops/contract';
import { runBundle } from './bundle';
import { dockerRun, dockerStop } from './docker';

export interface JobRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Whether `stopWhen` matched and the job was sent SIGTERM. */
  stopped: boolean;
}

export interface JobRunOptions {
  /** Send SIGTERM once stdout matches (as StopTrainingJob / `docker stop` does). */
  stopWhen?: RegExp;
}

export interface JobRunner {
  /** `train` (the image's training command) or a processing job name, on the /opt/ml tree at `base`. */
  run(base: string, job: string, options?: JobRunOptions): Promise<JobRun>;
}

/** `node main.js <job>` in the dist dir, as the local SageMaker's process runtime does. */
export function bundleRunner(dist: () => string): JobRunner {
  return {
    async run(base, job, options = {}) {
      let stopped = false;
      const r = await runBundle(dist(), base, [job], {
        onStdout: (out, kill) => {
          if (!stopped && options.stopWhen?.test(out)) {
            stopped = true;
            kill('SIGTERM');
          }
        },
      });
      return { code: r.code, stdout: r.stdout, stderr: r.stderr, stopped };
    },
  };
}

/**
 * As SageMaker runs the image: `docker run IMAGE train` for training; ContainerArguments
 * ["node", "main.js", job] under the image's ENTRYPOINT (tini) for processing. Containers are named `<prefix>-<n>`.
 */
export function imageRunner(image: string, prefix: string): JobRunner {
  let n = 0;
  return {
    async run(base, job, options = {}) {
      const name = `${prefix}-${++n}`;
      let stopped = false;
      const r = await dockerRun(image, base, job === 'train' ? [job] : processingArguments(job), {
        name,
        onStdout: (out) => {
          if (!stopped && options.stopWhen?.test(out)) {
            stopped = true;
            dockerStop(name);
          }
        },
      });
      return { ...r, stopped };
    },
  };
}
