/**
 * The only part of `lib/configmap` that touches the file system: a {@link ReadPath} over `node:fs`, with
 * the semantics the Go tools see (`os.Stat` follows symlinks; directory entries are typed by `lstat`).
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { DirEntry, PathInfo, ReadPath } from './files';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTDIR: 'not a directory',
};

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? String((err as Error).message);
}

function entryType(d: fs.Dirent): DirEntry['type'] {
  if (d.isFile()) return 'file';
  if (d.isDirectory()) return 'directory';
  if (d.isSymbolicLink()) return 'symlink';
  return 'other';
}

/** Reads paths relative to `baseDir` (absolute paths as they are). */
export function readPathFromFs(baseDir = process.cwd()): ReadPath {
  return (path: string): PathInfo => {
    // resolve() drops a trailing '/', which makes the OS refuse a regular file (ENOTDIR), as Go's os.Stat does
    const full = nodePath.resolve(baseDir, path) + (path.endsWith('/') ? '/' : '');
    try {
      const stat = fs.statSync(full);
      if (stat.isDirectory()) {
        const entries = fs.readdirSync(full, { withFileTypes: true }).map((d): DirEntry => {
          const type = entryType(d);
          return type === 'file' ? { name: d.name, type, content: fs.readFileSync(nodePath.join(full, d.name)) } : { name: d.name, type };
        });
        return { type: 'directory', entries };
      }
      return { type: 'file', content: fs.readFileSync(full) };
    } catch (err) {
      return { type: 'missing', reason: reason(err) };
    }
  };
}
