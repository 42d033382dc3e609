/** Channel access with errors that name the channel and the problem (unknown channel, unreadable dir). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ChannelError } from './errors';
import type { TrainingEnv } from './training-env';

/** The data dir of a declared channel; a channel inputdataconfig.json does not declare is an error. */
export function channelDir(
  env: Pick<TrainingEnv, 'channelInputDirs' | 'inputDataConfigFile'>,
  channel: string,
): string {
  const dir = env.channelInputDirs[channel];
  if (dir === undefined) {
    const known = Object.keys(env.channelInputDirs);
    throw new ChannelError(
      channel,
      `not declared in ${env.inputDataConfigFile} (channels: ${known.length ? known.join(', ') : 'none'})`,
    );
  }
  return dir;
}

/** Files of a File/FastFile channel (relative paths, sorted, recursive). Missing or unreadable dirs throw. */
export function listChannelFiles(
  env: Pick<TrainingEnv, 'channelInputDirs' | 'inputDataConfigFile' | 'inputDataConfig'>,
  channel: string,
): string[] {
  const dir = channelDir(env, channel);
  const mode = env.inputDataConfig[channel]?.TrainingInputMode;
  if (mode === 'Pipe')
    throw new ChannelError(channel, `is a Pipe-mode channel; read it with openPipeChannel()`);
  try {
    return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((d) => d.isFile())
      .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
      .sort();
  } catch (e) {
    throw new ChannelError(
      channel,
      `cannot read data dir ${dir} (${(e as NodeJS.ErrnoException).code ?? e})`,
    );
  }
}
