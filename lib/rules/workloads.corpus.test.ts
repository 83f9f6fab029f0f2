/**
 * The per-kind and Service rules on real manifests nobody on this project wrote: kubernetes/examples and
 * GoogleCloudPlatform/microservices-demo, read at test time (never committed). Every object of every YAML file is
 * checked (Helm templates, with `{{`, are left out: they are not manifests until rendered), and the cross-object
 * checks run over the objects of each folder, as `podkit lint <folder>/*.yaml` does. The findings of these areas
 * are asserted exactly: each one was read and is a true finding (the API server rejects the object).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { corpusMissing, locateCorpus } from '../../test-support/corpora';
import type { KubeObject } from '../k8s';
import { checkApp } from './app';
import { checkObject } from './index';

const AREAS = /^(workloads|statefulsets|jobs|cronjobs|service|deployments)\//;

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === '.git' || e.name === 'node_modules') return [];
    const p = path.join(dir, e.name);
    return e.isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

/** The objects of every manifest file under `root`, by folder (files that do not parse are skipped: not ours to judge here). */
function objectsByFolder(root: string): Map<string, { file: string; obj: KubeObject }[]> {
  const out = new Map<string, { file: string; obj: KubeObject }[]>();
  for (const file of yamlFiles(root)) {
    const text = fs.readFileSync(file, 'utf8');
    if (text.includes('{{')) continue;
    for (const doc of parseAllDocuments(text, { prettyErrors: false }) as Iterable<{ errors: unknown[]; toJS(o: object): unknown }>) {
      if (doc.errors.length > 0) continue;
      let value: unknown;
      try {
        value = doc.toJS({ maxAliasCount: 100 });
      } catch {
        continue;
      }
      const v = value as KubeObject | null;
      if (!v || typeof v !== 'object' || typeof v.kind !== 'string') continue;
      const items = v.kind.endsWith('List') && Array.isArray(v.items) ? (v.items as KubeObject[]) : [v];
      const folder = path.relative(root, path.dirname(file));
      for (const obj of items) if (obj && typeof obj.kind === 'string') out.set(folder, [...(out.get(folder) ?? []), { file: path.relative(root, file), obj }]);
    }
  }
  return out;
}

/** `file kind/name path [rule]` for every finding of these areas. */
function findings(root: string): { lines: string[]; objects: number; namedTargetPorts: number } {
  const lines: string[] = [];
  let objects = 0;
  let namedTargetPorts = 0;
  for (const entries of objectsByFolder(root).values()) {
    objects += entries.length;
    for (const { file, obj } of entries) {
      for (const v of checkObject(obj)) if (AREAS.test(v.rule)) lines.push(`${file} ${obj.kind}/${obj.metadata?.name} ${v.path} [${v.rule}]`);
      if (obj.kind === 'Service') namedTargetPorts += ((obj.spec as { ports?: { targetPort?: unknown }[] })?.ports ?? []).filter((p) => typeof p?.targetPort === 'string').length;
    }
    for (const f of checkApp(entries.map((e) => e.obj))) {
      if (AREAS.test(f.violation.rule)) lines.push(`${entries[f.object.index]!.file} ${f.object.kind}/${f.object.name} ${f.violation.path} [${f.violation.rule}]`);
    }
  }
  return { lines, objects, namedTargetPorts };
}

const EXAMPLES = 'kubernetes/examples';
const examples = locateCorpus({ repo: EXAMPLES });
describe.skipIf(!examples)(examples ? `the per-kind and Service rules on ${EXAMPLES}` : corpusMissing(EXAMPLES), () => {
  it('find only true findings', () => {
    const { lines, objects, namedTargetPorts } = findings(examples!);
    expect(objects).toBeGreaterThan(200);
    // the named targetPorts of its Services (guestbook-go, vitess, prometheus-adapter) all resolve to container ports
    expect(namedTargetPorts).toBeGreaterThanOrEqual(5);
    expect(lines).toEqual([
      // no selector, and a pod template without labels: nothing to default the selector from; the API server
      // answers `spec.selector: Required value` (ValidateNonEmptySelector)
      '_archived/sysdig-cloud/sysdig-rc.yaml ReplicationController/sysdig-agent spec.selector [workloads/selector-required]',
    ]);
  });
});

const DEMO = 'GoogleCloudPlatform/microservices-demo';
const demo = locateCorpus({ repo: DEMO });
describe.skipIf(!demo)(demo ? `the per-kind and Service rules on ${DEMO}` : corpusMissing(DEMO), () => {
  it('find nothing (its kustomize `$patch: delete` is not an object)', () => {
    const { lines, objects } = findings(demo!);
    expect(objects).toBeGreaterThan(100);
    expect(lines).toEqual([]);
  });
});
