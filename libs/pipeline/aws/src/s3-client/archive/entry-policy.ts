import * as path from 'node:path';

/** Entry types we extract; everything else (devices, FIFOs, sparse/volume GNU types) is refused. */
const ALLOWED_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory', 'SymbolicLink', 'Link']);

export interface EntryHeader {
  path: string;
  type: string;
  linkpath?: string;
}

/** Splits an archive path into normalized segments, or returns an error reason. */
function segmentsOf(p: string): string[] | string {
  if (p === '') return 'empty path';
  if (p.includes('\0')) return 'path contains a NUL byte';
  if (p.startsWith('/') || p.startsWith('\\') || /^[a-zA-Z]:/.test(p)) return 'absolute path';
  const parts = p.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (parts.includes('..')) return 'path contains ".."';
  return parts;
}

/**
 * Stateful checker fed the entries in archive order. Rejects: absolute paths, `..`, device and
 * other special files, links whose target leaves the extraction root, and any entry whose parent
 * path goes through a symlink from the same archive (the classic "symlink then write through it").
 */
export class EntryPolicy {
  private readonly symlinks = new Set<string>();

  /** Returns a reason string if the entry is unsafe, undefined if it may be extracted. */
  check(entry: EntryHeader): string | undefined {
    if (!ALLOWED_TYPES.has(entry.type))
      return `entry type ${entry.type} is not allowed (only files, directories and links)`;
    const segs = segmentsOf(entry.path);
    if (typeof segs === 'string') return segs;
    if (segs.length === 0) return undefined; // "./" itself
    const throughLink = this.firstSymlinkAncestor(segs, segs.length - 1);
    if (throughLink) return `parent ${JSON.stringify(throughLink)} is a symbolic link in this archive`;

    if (entry.type === 'SymbolicLink') {
      const target = entry.linkpath ?? '';
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
          if (this.symlinks.has(stack.join('/'))) {
            return `symbolic link target ${JSON.stringify(target)} passes through another symbolic link`;
          }
        }
      }
      this.symlinks.add(segs.join('/'));
    } else if (entry.type === 'Link') {
      const target = entry.linkpath ?? '';
      const tsegs = segmentsOf(target);
      if (typeof tsegs === 'string') return `hard link target ${JSON.stringify(target)}: ${tsegs}`;
      const via = this.firstSymlinkAncestor(tsegs, tsegs.length);
      if (via)
        return `hard link target ${JSON.stringify(target)} goes through symbolic link ${JSON.stringify(via)}`;
    } else {
      // A file or directory replacing an earlier symlink is fine: tar unlinks the symlink first.
      this.symlinks.delete(segs.join('/'));
    }
    return undefined;
  }

  private firstSymlinkAncestor(segs: string[], upTo: number): string | undefined {
    for (let i = 1; i <= upTo; i++) {
      const p = segs.slice(0, i).join('/');
      if (this.symlinks.has(p)) return p;
    }
    return undefined;
  }
}
