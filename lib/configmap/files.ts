/**
 * What the tools see of the file system, as plain data, so that the source semantics stay pure: the
 * loader (`loader.ts`) fills this in with `node:fs`, tests may write it by hand.
 */

/** A directory entry as `os.ReadDir` reports it (type from `lstat`: a symlink is not a regular file). */
export interface DirEntry {
  readonly name: string;
  readonly type: 'file' | 'directory' | 'symlink' | 'other';
  /** The bytes, for regular files. */
  readonly content?: Uint8Array;
}

/** What `os.Stat` (which follows symlinks) and a read of a path give. */
export type PathInfo =
  | { readonly type: 'file'; readonly content: Uint8Array }
  | { readonly type: 'directory'; readonly entries: readonly DirEntry[] }
  | { readonly type: 'missing'; readonly reason: string };

/** Looks up one path. */
export type ReadPath = (path: string) => PathInfo;
