/**
 * The docs' own manifests through the linter: every whole manifest of snapshots/reference lints clean, except
 * where Kubernetes itself rejects it as written (then the finding is asserted here; the ledger has the reasons).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gmsaRules } from '../rules/gmsa';
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

const GMSA_POD = 'spec.template.spec.securityContext.windowsOptions.gmsaCredentialSpecName';
const GMSA_CONTAINER = 'spec.template.spec.containers[0].securityContext.windowsOptions.gmsaCredentialSpecName';

/** The manifests Kubernetes rejects as written, each linted alone: [rule, path] (the ledger has the reasons). */
const REJECTED: Record<string, [string, string][]> = {
  // A custom resource's name must be a DNS subdomain (apiextensions' customResourceValidator): no upper case.
  'manifests/configure-gmsa/inline-gmsa-webapp1-credspec.yaml': [[objectRules.nameInvalid.id, 'metadata.name']],
  // Linted alone, the credential spec these reference is not among the objects (the GMSA webhook would refuse the Pods).
  'manifests/configure-gmsa/inline-deployment-with-creds-pod-gmsa.yaml': [[gmsaRules.credentialSpecNotFound.id, GMSA_POD]],
  'manifests/configure-gmsa/inline-deployment-with-creds-container-gmsa.yaml': [[gmsaRules.credentialSpecNotFound.id, GMSA_CONTAINER]],
};

const read = (path: string) => readManifests({ file: path, text: readFileSync(join(REFERENCE, path), 'utf8') });

describe('the docs’ manifests', () => {
  it('are all found (the index lists 59 whole manifests)', () => {
    expect(WHOLE).toHaveLength(59);
  });

  it.each(WHOLE.filter((p) => !(p in REJECTED)))('%s lints clean', (path) => {
    const report = lintSourced(read(path));
    expect(report.findings.map((f) => [f.violation.rule, f.violation.path, f.violation.message])).toStrictEqual([]);
    expect(report.objects).toBeGreaterThan(0);
  });

  it.each(Object.entries(REJECTED))('fails when linting %s alone, as Kubernetes (API server or GMSA webhook) would', (path, expected) => {
    const report = lintSourced(read(path));
    expect(report.findings.map((f) => [f.violation.rule, f.violation.path])).toStrictEqual(expected);
  });

  it('all together: the credential spec is found across files, and its references differ from it only in case', () => {
    const report = lintSourced(WHOLE.flatMap(read));
    expect(report.findings.map((f) => [f.file, f.violation.rule, f.violation.path])).toStrictEqual([
      ['manifests/configure-gmsa/inline-deployment-with-creds-container-gmsa.yaml', gmsaRules.credentialSpecNameCase.id, GMSA_CONTAINER],
      ['manifests/configure-gmsa/inline-deployment-with-creds-pod-gmsa.yaml', gmsaRules.credentialSpecNameCase.id, GMSA_POD],
      ['manifests/configure-gmsa/inline-gmsa-webapp1-credspec.yaml', objectRules.nameInvalid.id, 'metadata.name'],
    ]);
  });
});
