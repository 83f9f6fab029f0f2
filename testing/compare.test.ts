import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../lib/k8s';
import { compareManifests, formatDifferences } from './compare';
import { assertManifestsMatch, parseManifests } from './golden';

const pod = (over: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'ns' },
  spec: { containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '1' } } }] },
  ...over,
});

describe('compareManifests', () => {
  it('finds no difference between equal objects in any order', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } };
    expect(compareManifests([cm, pod()], [pod(), cm])).toEqual([]);
  });

  it('reports a changed value with its object and field path', () => {
    const actual = pod({ spec: { containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '2' } } }] } });
    expect(compareManifests([actual], [pod()])).toEqual([
      { path: 'Pod/ns/p: spec.containers[0].resources.limits.cpu', kind: 'changed', expected: '1', actual: '2' },
    ]);
  });

  it('reports missing and unexpected fields and objects', () => {
    const actual = pod({ extra: true });
    const other = pod({ metadata: { name: 'q', namespace: 'ns' } });
    const diffs = compareManifests([actual], [pod(), other]);
    expect(diffs.map((d) => [d.kind, d.path])).toEqual([
      ['unexpected', 'Pod/ns/p: extra'],
      ['missing', 'Pod/ns/q'],
    ]);
  });

  it('tells a number from the string of it (3 is not "3")', () => {
    const a = pod({ spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { 'example.com/d': '3' } } }] } });
    const e = pod({ spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { 'example.com/d': 3 } } }] } });
    expect(compareManifests([a], [e])).toHaveLength(1);
  });

  it('ignores server-populated fields and matches an expected default namespace to none', () => {
    const expected = pod({ metadata: { name: 'p', namespace: 'default', creationTimestamp: '2022-02-18T18:52:05Z', resourceVersion: '1', uid: 'u' } });
    const actual = pod({ metadata: { name: 'p' } });
    expect(compareManifests([actual], [expected])).toEqual([]);
    expect(compareManifests([actual], [expected], { ignoreServerFields: false }).length).toBeGreaterThan(0);
  });

  it('renders differences one per line', () => {
    const text = formatDifferences(compareManifests([pod({ extra: 1 })], [pod({ kind: 'Pod', more: 2 })]));
    expect(text.split('\n')).toEqual(['- Pod/ns/p: more: missing, expected 2', '+ Pod/ns/p: extra: unexpected 1']);
  });
});

describe('assertManifestsMatch', () => {
  const golden = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ns\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      limits:\n        cpu: "1"\n';

  it('passes on equal manifests', () => {
    expect(() => assertManifestsMatch([pod()], parseManifests(golden))).not.toThrow();
  });

  it('fails with a path-by-path diff', () => {
    expect(() => assertManifestsMatch([pod({ metadata: { name: 'p', namespace: 'other' } })], parseManifests(golden))).toThrow(/- Pod\/ns\/p: missing/);
  });

  it('reads YAML 1.1 scalars as Kubernetes does', () => {
    expect(parseManifests('a: on\nb: 0777\nc: yes\n')).toEqual([{ a: true, b: 511, c: true }]);
  });
});
