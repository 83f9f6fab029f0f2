import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
      { path: 'Pod/ns/p: spec.containers[0].resources.limits[cpu]', kind: 'changed', expected: '1', actual: '2' },
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

describe('the paths of differences, in the syntax of findings (a field .name, an index [0], a map key [key])', () => {
  const paths = (actual: KubeObject, expected: KubeObject) => compareManifests([actual], [expected]).map((d) => [d.kind, d.path]);
  const labelled = (labels: Record<string, string>, annotations: Record<string, string> = {}) => pod({ metadata: { name: 'p', namespace: 'ns', labels, annotations } });

  it('reports a label whose key holds dots and a slash as metadata.labels[app.kubernetes.io/name]', () => {
    expect(paths(labelled({ 'app.kubernetes.io/name': 'web' }), labelled({ 'app.kubernetes.io/name': 'api' }))).toStrictEqual([['changed', 'Pod/ns/p: metadata.labels[app.kubernetes.io/name]']]);
  });
  it('finds no difference in the same labels', () => {
    expect(paths(labelled({ 'app.kubernetes.io/name': 'web' }), labelled({ 'app.kubernetes.io/name': 'web' }))).toStrictEqual([]);
  });
  it('brackets a map key that is a plain word too (labels[app]) and a missing or unexpected key (annotations[example.com/owner])', () => {
    expect(paths(labelled({ app: 'web' }, { 'example.com/owner': 'b' }), labelled({ app: 'api' }, { 'example.com/team': 'a' }))).toStrictEqual([
      ['changed', 'Pod/ns/p: metadata.labels[app]'],
      ['missing', 'Pod/ns/p: metadata.annotations[example.com/team]'],
      ['unexpected', 'Pod/ns/p: metadata.annotations[example.com/owner]'],
    ]);
  });
  it('reports list indexes at every level, and a list item missing or unexpected by its index', () => {
    const containers = (value: string, extra: object[] = []) => pod({ spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'x', env: [{ name: 'A', value: '1' }, { name: 'B', value }] }, ...extra] } });
    expect(paths(containers('2'), containers('3'))).toStrictEqual([['changed', 'Pod/ns/p: spec.containers[1].env[1].value']]);
    expect(paths(containers('2'), containers('2', [{ name: 'c', image: 'x' }]))).toStrictEqual([['missing', 'Pod/ns/p: spec.containers[2]']]);
    expect(paths(containers('2', [{ name: 'c', image: 'x' }]), containers('2'))).toStrictEqual([['unexpected', 'Pod/ns/p: spec.containers[2]']]);
  });
  it('reports a ConfigMap key holding dots as data[game.properties], and a resource name with a slash as limits[example.com/dongle]', () => {
    const cm = (value: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'game.properties': value } });
    expect(paths(cm('a=1'), cm('a=2'))).toStrictEqual([['changed', 'ConfigMap/c: data[game.properties]']]);
    const dongles = (n: string) => pod({ spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { 'example.com/dongle': n } } }] } });
    expect(paths(dongles('3'), dongles('4'))).toStrictEqual([['changed', 'Pod/ns/p: spec.containers[0].resources.limits[example.com/dongle]']]);
  });
  it('follows the template of a workload: a Deployment\'s nodeSelector key is bracketed, its fields are not', () => {
    const deployment = (zone: string): KubeObject => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { template: { spec: { nodeSelector: { 'topology.kubernetes.io/zone': zone }, containers: [{ name: 'c', image: 'x' }] } } },
    });
    expect(paths(deployment('a'), deployment('b'))).toStrictEqual([['changed', 'Deployment/d: spec.template.spec.nodeSelector[topology.kubernetes.io/zone]']]);
  });
  it('writes, in a custom resource, a word as a field and any other key in brackets, and its metadata as every object\'s', () => {
    const cr = (value: string): KubeObject => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', labels: { tier: value } }, spec: { size: { small: value }, 'example.com/x': value } });
    expect(paths(cr('a'), cr('b'))).toStrictEqual([
      ['changed', 'Widget/w: metadata.labels[tier]'],
      ['changed', 'Widget/w: spec.size.small'],
      ['changed', 'Widget/w: spec[example.com/x]'],
    ]);
  });
  it('writes a field the schema does not know (a misspelt one) as a field when it is a word', () => {
    expect(paths(pod({ spec: { containers: [{ name: 'c', image: 'x', imagePullPolisy: 'Always' }] } }), pod({ spec: { containers: [{ name: 'c', image: 'x' }] } }))).toStrictEqual([
      ['unexpected', 'Pod/ns/p: spec.containers[0].imagePullPolisy'],
    ]);
  });
  it('reports a key named like an Object.prototype member (constructor) as missing when the other side lacks it', () => {
    expect(paths(labelled({}), labelled({ constructor: 'x' }))).toStrictEqual([['missing', 'Pod/ns/p: metadata.labels[constructor]']]);
    expect(paths(labelled({ constructor: 'x' }), labelled({}))).toStrictEqual([['unexpected', 'Pod/ns/p: metadata.labels[constructor]']]);
  });
});

describe('the README\'s golden-test example', () => {
  it('shows the difference line formatDifferences prints for its 201Mi limit', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const memory = (limit: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'memory-demo', namespace: 'mem-example' },
      spec: { containers: [{ name: 'app', image: 'polinux/stress', resources: { limits: { memory: limit } } }] },
    });
    const line = formatDifferences(compareManifests([memory('201Mi')], [memory('200Mi')]));
    expect(line).toBe('~ Pod/mem-example/memory-demo: spec.containers[0].resources.limits[memory]: expected "200Mi", got "201Mi"');
    expect(readme).toContain(`// ${line}\n`);
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
