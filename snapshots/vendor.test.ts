/** The vendored reference corpus is a verbatim copy of ../shared/reference (skipped where that folder does not exist). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from './reference-corpus';

const SHARED = path.resolve(__dirname, '..', '..', 'shared', 'reference');

function files(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(root, p));
    }
  };
  walk(root);
  return out.sort();
}

describe.skipIf(!fs.existsSync(SHARED))('vendored reference', () => {
  it('has the same files as ../shared/reference', () => {
    expect(files(REFERENCE_DIR)).toEqual(files(SHARED));
  });

  it('has byte-identical contents', () => {
    const changed = files(SHARED).filter((f) => !fs.readFileSync(path.join(SHARED, f)).equals(fs.readFileSync(path.join(REFERENCE_DIR, f))));
    expect(changed).toEqual([]);
  });
});
