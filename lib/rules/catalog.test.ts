/**
 * Every rule of the catalog is exercised by some test: a test file names its id, or the rule by its table key
 * (`volumeRules.mountNotFound`). The tests themselves assert rule id and path next to a passing twin; this
 * guards against a rule added with no test at all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_AREAS } from './areas';

const ROOT = path.join(__dirname, '..', '..');
const SKIP = new Set(['node_modules', 'dist', 'build', '.git', 'snapshots']);

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const p = path.join(dir, e.name);
    return e.isDirectory() ? testFiles(p) : e.name.endsWith('.test.ts') && p !== __filename ? [p] : [];
  });
}

describe('rule catalog', () => {
  const text = testFiles(ROOT)
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');

  it('has a test naming every rule', () => {
    const untested = Object.values(RULE_AREAS).flatMap((table) =>
      Object.entries(table as Record<string, { id: string }>)
        .filter(([key, rule]) => !text.includes(rule.id) && !new RegExp(`\\.${key}\\b`).test(text))
        .map(([, rule]) => rule.id),
    );
    expect(untested).toEqual([]);
  });

  it('has unique rule ids', () => {
    const ids = Object.values(RULE_AREAS).flatMap((table) => Object.values(table as Record<string, { id: string }>).map((r) => r.id));
    expect(ids.length).toBe(new Set(ids).size);
  });
});
