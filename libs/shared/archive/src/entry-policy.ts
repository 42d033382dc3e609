import * as path from 'node:path';

/** Entry types we extract; everything else (devices, FIFOs, sparse/volume GNU types) is refused. */
const ALLOWED_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory', 'SymbolicLink', 'Link']);

export interface EntryHeader {
  path: string;
  type: string;
  linkpath?: string;
}

type Kind = 'dir' | 'file' | 'symlink';

/** Splits an archive path into normalized segments, or returns an error reason. */
export function segmentsOf(p: string): string[] | string {
  if (p === '') return 'empty path';
  if (p.includes('\0')) return 'path contains a NUL byte';
  if (p.startsWith('/') || p.startsWith('\\') || /^[a-zA-Z]:/.test(p)) return 'absolute path';
  const parts = p.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (parts.includes('..')) return 'path contains ".."';
  return parts;
}

/** `./a//b/` → `a/b`; only for paths the policy has accepted (no `..`, not absolute). */
export const normalizePath = (p: string) =>
  p
    .split(/[\\/]+/)
    .filter((s) => s !== '' && s !== '.')
    .join('/');

/**
 * Paths are compared case- and normalization-insensitively, so `A` and `a` (or NFC/NFD spellings) are one
 * path on a macOS laptop's file system too: erring towards "same path" only ever refuses more.
 */
const keyOf = (segs: string[]) => segs.join('/').normalize('NFD').toLowerCase();

/**
 * Stateful checker fed the entries in archive order; its record of what each path is (directory, file,
 * symlink) is exact because extraction starts in an empty private directory. Its invariant: nothing is
 * ever written through a symbolic link, whatever the entry order. So it refuses
 * - absolute paths, `..`, device and other special files;
 * - any entry under a path that is a symlink (or a file) at that point of the archive;
 * - a directory entry where a symlink or file was (tar would follow or replace it), and any non-directory
 *   where a directory was (its children may already be written);
 * - symlinks whose target is absolute or climbs out lexically (later chains are caught on disk, before
 *   anything is moved into the target: see unpack-archive);
 * - hard links to anything but a regular file written earlier by this archive.
 */
export class EntryPolicy {
  private readonly kinds = new Map<string, Kind>();

  /** Returns a reason string if the entry is unsafe, undefined if it may be extracted. */
  check(entry: EntryHeader): string | undefined {
    if (!ALLOWED_TYPES.has(entry.type))
      return `entry type ${entry.type} is not allowed (only files, directories and links)`;
    const segs = segmentsOf(entry.path);
    if (typeof segs === 'string') return segs;
    if (segs.length === 0) return entry.type === 'Directory' ? undefined : 'empty path'; // "./" itself
    for (let i = 1; i < segs.length; i++) {
      const kind = this.kinds.get(keyOf(segs.slice(0, i)));
      if (kind && kind !== 'dir') {
        return `parent ${JSON.stringify(segs.slice(0, i).join('/'))} is a ${describe(kind)} in this archive`;
      }
    }
    const key = keyOf(segs);
    const before = this.kinds.get(key);
    const isDir = entry.type === 'Directory';
    if (before && (before === 'dir') !== isDir) {
      return `${isDir ? 'directory' : entry.type} replaces an earlier ${describe(before)} of the same name`;
    }
    const reason =
      entry.type === 'SymbolicLink'
        ? this.checkSymlinkTarget(segs, entry.linkpath ?? '')
        : entry.type === 'Link'
          ? this.checkHardLinkTarget(entry.linkpath ?? '')
          : undefined;
    if (reason) return reason;
    for (let i = 1; i < segs.length; i++) this.kinds.set(keyOf(segs.slice(0, i)), 'dir');
    this.kinds.set(key, isDir ? 'dir' : entry.type === 'SymbolicLink' ? 'symlink' : 'file');
    return undefined;
  }

  private checkSymlinkTarget(segs: string[], target: string): string | undefined {
    if (target === '' || path.posix.isAbsolute(target) || path.win32.isAbsolute(target)) {
      return `symbolic link target ${JSON.stringify(target)} is absolute`;
    }
    // Resolve lexically from the link's directory; popping above the root means escape.
    const stack = segs.slice(0, -1);
    for (const s of target.split(/[\\/]+/)) {
      if (s === '' || s === '.') continue;
      if (s === '..') {
        if (stack.length === 0)
          return `symbolic link target ${JSON.stringify(target)} escapes the extraction directory`;
        stack.pop();
      } else {
        stack.push(s);
        if (this.kinds.get(keyOf(stack)) === 'symlink') {
          return `symbolic link target ${JSON.stringify(target)} passes through another symbolic link`;
        }
      }
    }
    return undefined;
  }

  private checkHardLinkTarget(target: string): string | undefined {
    const tsegs = segmentsOf(target);
    if (typeof tsegs === 'string') return `hard link target ${JSON.stringify(target)}: ${tsegs}`;
    if (this.kinds.get(keyOf(tsegs)) !== 'file') {
      return `hard link target ${JSON.stringify(target)} is not a regular file earlier in this archive`;
    }
    return undefined;
  }
}

const describe = (kind: Kind) => (kind === 'dir' ? 'directory' : kind === 'file' ? 'file' : 'symbolic link');
