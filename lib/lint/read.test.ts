import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { locate } from './locate';
import { ManifestReadError, readManifests, readYamlDocuments, type SourcedObject } from './read';

const read = (text: string, file = 'in.yaml') => readManifests({ file, text });

function readError(text: string): ManifestReadError {
  try {
    read(text);
  } catch (e) {
    if (e instanceof ManifestReadError) return e;
    throw e;
  }
  throw new Error('expected a ManifestReadError');
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: memory-demo
spec:
  containers:
  - name: app
    image: nginx
    resources:
      limits:
        memory: 200Mi
        example.com/dongle: 3
`;

describe('readManifests', () => {
  it('reads every document of a multi-document file, skipping empty ones, with each object’s position', () => {
    const objects = read(`---\n# nothing\n---\n${POD}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n`);
    expect(objects.map((o) => [o.object.kind, o.position.line, o.position.col])).toStrictEqual([
      ['Pod', 4, 1],
      ['ConfigMap', 17, 1],
    ]);
    expect(objects.every((o) => o.file === 'in.yaml')).toBe(true);
  });

  it('expands kind: List (and nested lists) into its items, each at its own position', () => {
    const objects = read(`apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: a}
- apiVersion: v1
  kind: ConfigMapList
  items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: b}
`);
    expect(objects.map((o) => [o.object.metadata?.name, o.position.line, o.position.col])).toStrictEqual([
      ['a', 4, 3],
      ['b', 10, 5],
    ]);
  });

  it('expands any object with items, whatever its kind, as kubectl does (an empty List gives nothing)', () => {
    const objects = read('apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: inner}\n---\napiVersion: v1\nkind: List\nitems: []\n');
    expect(objects.map((o) => o.object.metadata?.name)).toStrictEqual(['inner']);
  });

  it.each([
    ['CRLF line ends', POD.replaceAll('\n', '\r\n')],
    ['a byte order mark', `\uFEFF${POD}`],
  ])('reads a file with %s, positions unchanged', (_what, text) => {
    const [pod] = read(text);
    expect(pod!.object.metadata?.name).toBe('memory-demo');
    expect(locate(pod!, 'spec.containers[0].resources.limits.memory')).toStrictEqual({ line: 11, col: 9 });
  });

  it('reads JSON manifests (kubectl -f accepts them), with positions', () => {
    const json = JSON.stringify(read(POD)[0]!.object, null, 2);
    const [pod] = read(json, 'pod.json');
    expect(pod!.object).toStrictEqual(read(POD)[0]!.object);
    expect(locate(pod!, 'spec.containers[0].image')).toStrictEqual({ line: 11, col: 9 });
  });

  it('reads YAML 1.1 scalars as Kubernetes does, whatever the nesting', () => {
    const [cm] = read('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: on\n  b: "on"\n  c: 0777\n  d: 12:30\n  e: [y, n, ~]\n');
    expect(cm!.object.data).toStrictEqual({ a: true, b: 'on', c: 511, d: '12:30', e: [true, false, null] });
  });

  it('resolves anchors, aliases and merge keys', () => {
    const [cm] = read('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nbase: &b {p: "1", q: "2"}\ndata:\n  <<: *b\n  q: "3"\n  z: *b\n');
    expect(cm!.object.data).toStrictEqual({ p: '1', q: '3', z: { p: '1', q: '2' } });
  });

  it('keeps the last of duplicate keys, as kubectl does, and records where the repeat is', () => {
    const [cm] = read('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: "1"\n  a: "2"\n');
    expect(cm!.object.data).toStrictEqual({ a: '2' });
    expect(cm!.duplicateKeys).toStrictEqual([{ key: 'a', path: 'data.a', position: { line: 6, col: 3 } }]);
  });

  it('fails on an alias bomb instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const error = readError(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n${levels.join('\n')}\n`);
    expect(error.detail).toBe('yaml: document contains excessive aliasing');
  });

  it('does not let a __proto__ key reach the prototype', () => {
    const [cm] = read('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  __proto__: {polluted: "yes"}\n');
    expect(Object.keys(cm!.object.data as object)).toStrictEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a syntax error', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a\n', /^yaml: /, { line: 5, col: 1 }],
    ['a tab where indentation is expected', 'apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n', /^yaml: /, { line: 4, col: 1 }],
    ['.inf, which JSON cannot carry', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: .inf\n', /json: unsupported value: \+Inf$/, { line: 5, col: 6 }],
    ['a document that is a string', 'just text\n', /not an object \(found a string\)/, { line: 1, col: 1 }],
    ['a document that is a sequence', '- a\n- b\n', /not an object \(found a sequence\)/, { line: 1, col: 1 }],
    ['an object without kind', 'apiVersion: v1\nmetadata: {name: c}\n', /^Object 'Kind' is missing$/, { line: 1, col: 1 }],
    ['an object without apiVersion', 'kind: Pod\nmetadata: {name: c}\n', /^Object 'apiVersion' is missing$/, { line: 1, col: 1 }],
    ['a null map key', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  ~: a\n', /unsupported map key/, { line: 5, col: 3 }],
    ['items that are not a sequence', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\nitems: {a: 1}\n', /items must be a sequence/, { line: 4, col: 8 }],
    ['a list item of a List that is not an object', 'apiVersion: v1\nkind: List\nitems:\n- 3\n', /not an object/, { line: 4, col: 3 }],
  ])('fails when the input has %s, naming file and position', (_what, text, message, position) => {
    const error = readError(text);
    expect(error.file).toBe('in.yaml');
    expect(error.detail).toMatch(message);
    expect(error.position).toStrictEqual(position);
    expect(error.message).toBe(`in.yaml:${position.line}:${position.col}: ${error.detail}`);
  });

  it('reads the same objects as kubectl, documents and List items alike (differential)', () => {
    const text = `${POD}---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: a}
  data: {on: yes, octal: 0777, time: 12:30, go: 0o17, exp: 1e3, merge: &m {k: v}, m2: {<<: *m, k2: "x"}}
`;
    const out = execFileSync('kubectl', ['label', '--local', '-f', '-', 'podkit=test', '-o', 'json'], { input: text, env: { ...process.env, KUBECONFIG: '/dev/null' } });
    const printed = out
      .toString()
      .split(/\n(?=\{)/)
      .map((s) => JSON.parse(s) as { kind: string; items?: unknown[] })
      .flatMap((o) => (o.kind === 'List' ? o.items! : [o])) as { metadata: { labels?: Record<string, string> } }[];
    for (const o of printed) {
      delete o.metadata.labels!.podkit;
      if (Object.keys(o.metadata.labels!).length === 0) delete o.metadata.labels;
    }
    expect(read(text).map((o) => o.object)).toStrictEqual(printed);
  });
});

describe('readYamlDocuments', () => {
  it('reads any YAML, not only Kubernetes objects', () => {
    expect(readYamlDocuments({ file: 'p.yaml', text: 'nodes:\n- name: n1\n  allocatable: {cpu: 4}\n' })).toStrictEqual([{ nodes: [{ name: 'n1', allocatable: { cpu: 4 } }] }]);
  });
});

describe('locate', () => {
  const [pod] = read(POD) as [SourcedObject];
  it.each([
    ['spec.containers[0].resources.limits.memory', { line: 11, col: 9 }],
    ['spec.containers[0].resources.limits[example.com/dongle]', { line: 12, col: 9 }],
    ['spec.containers[0].name', { line: 7, col: 5 }],
    ['spec.containers[0]', { line: 7, col: 5 }],
    ['metadata.name', { line: 4, col: 3 }],
  ])('finds %s', (path, position) => {
    expect(locate(pod, path)).toStrictEqual(position);
  });

  it.each([
    ['spec.containers[0].resources.requests.memory', { line: 9, col: 5 }],
    ['spec.containers[3].image', { line: 6, col: 3 }],
    ['spec.initContainers', { line: 5, col: 1 }],
    ['kind.x', { line: 2, col: 1 }],
  ])('points a missing %s at its deepest present parent', (path, position) => {
    expect(locate(pod, path)).toStrictEqual(position);
  });
});
