/**
 * The docs' own manifests through the linter: every whole manifest of snapshots/reference lints clean, except
 * where Kubernetes itself rejects it as written (then the finding is asserted here and in the deviation ledger).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectRules } from '../rules/objects';
import { lintSourced } from './lint';
import { readManifests } from './read';

const REFERENCE = join(__dirname, '..', '..', 'snapshots', 'reference');

interface IndexFile {
  readonly path: string;
  readonly object: string;
}
const index = JSON.parse(readFileSync(join(REFERENCE, 'index.json'), 'utf8')) as { files: IndexFile[] };
const WHOLE = index.files.filter((f) => f.object === 'whole').map((f) => f.path);

/** What the API server says about the manifests it rejects: [manifest, rule, path]. */
const REJECTED: Record<string, [string, string][]> = {
  // A custom resource's name must be a DNS subdomain (apiextensions' customResourceValidator): no upper case.
  'manifests/configure-gmsa/inline-gmsa-webapp1-credspec.yaml': [[objectRules.nameInvalid.id, 'metadata.name']],
};

describe('the docs’ manifests', () => {
  it('are all found (the index lists 59 whole manifests)', () => {
    expect(WHOLE).toHaveLength(59);
  });

  it.each(WHOLE.filter((p) => !(p in REJECTED)))('%s lints clean', (path) => {
    const report = lintSourced(readManifests({ file: path, text: readFileSync(join(REFERENCE, path), 'utf8') }));
    expect(report.findings.map((f) => [f.violation.rule, f.violation.path, f.violation.message])).toStrictEqual([]);
    expect(report.objects).toBeGreaterThan(0);
  });

  it.each(Object.entries(REJECTED))('fails when linting %s, as the API server would', (path, expected) => {
    const report = lintSourced(readManifests({ file: path, text: readFileSync(join(REFERENCE, path), 'utf8') }));
    expect(report.findings.map((f) => [f.violation.rule, f.violation.path])).toStrictEqual(expected);
  });

  it('lint clean all together too: cross-object rules see the whole corpus at once', () => {
    const all = WHOLE.filter((p) => !(p in REJECTED)).flatMap((path) => readManifests({ file: path, text: readFileSync(join(REFERENCE, path), 'utf8') }));
    expect(lintSourced(all).findings).toStrictEqual([]);
  });
});
