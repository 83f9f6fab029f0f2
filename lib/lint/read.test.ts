import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locate, parseFieldPath } from './locate';
import { schemaFieldPath } from './schema-path';
import { arrayBytes, decodeManifest, ManifestReadError, MAX_DEPTH, readDocuments, readManifestBytes, readManifests, readStream, readYamlDocuments, type ReadOptions, type SourcedObject } from './read';

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
    expect(locate(pod!, 'spec.containers[0].resources.limits[memory]')).toStrictEqual({ line: 11, col: 9 });
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
    // a map key as the API server prints it (`field.Path.Key`: always bracketed), and as a field name
    ['spec.containers[0].resources.limits[memory]', { line: 11, col: 9 }],
    ['spec.containers[0].resources.limits.memory', { line: 11, col: 9 }],
    ['spec.containers[0].resources.limits[example.com/dongle]', { line: 12, col: 9 }],
    ['spec.containers[0].name', { line: 7, col: 5 }],
    ['spec.containers[0]', { line: 7, col: 5 }],
    ['metadata.name', { line: 4, col: 3 }],
  ])('finds %s', (path, position) => {
    expect(locate(pod, path)).toStrictEqual(position);
  });

  it.each([
    ['spec.containers[0].resources.requests[memory]', { line: 9, col: 5 }],
    ['spec.containers[0].resources.limits[cpu]', { line: 10, col: 7 }],
    ['spec.containers[3].image', { line: 6, col: 3 }],
    ['spec.initContainers', { line: 5, col: 1 }],
    ['kind.x', { line: 2, col: 1 }],
  ])('points a missing %s at its deepest present parent', (path, position) => {
    expect(locate(pod, path)).toStrictEqual(position);
  });
});

describe('locate a bracketed map key', () => {
  const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: keys
data:
  plain: a
  my.key: b
  my-key: c
  "0123": d
  "123": e
binaryData:
  blob: AA==
`;
  const [cm] = read(CONFIG_MAP) as [SourcedObject];
  it.each([
    ['data[plain]', { line: 6, col: 3 }],
    ['data[my.key]', { line: 7, col: 3 }],
    ['data[my-key]', { line: 8, col: 3 }],
    ['data[0123]', { line: 9, col: 3 }],
    ['data[123]', { line: 10, col: 3 }],
    ['binaryData[blob]', { line: 12, col: 3 }],
  ])('finds %s at its key', (path, position) => {
    expect(locate(cm, path)).toStrictEqual(position);
  });

  it('points a key the map lacks at the map', () => {
    expect(locate(cm, 'data[absent]')).toStrictEqual({ line: 5, col: 1 });
  });

  it.each([
    ['data[my.key]', ['data', 'my.key']],
    ['spec.containers[0].resources.limits[memory]', ['spec', 'containers', 0, 'resources', 'limits', 'memory']],
    ['data[0123]', ['data', '0123']],
    ['data[0]', ['data', 0]],
  ])('parses %s', (path, segments) => {
    expect(parseFieldPath(path)).toStrictEqual(segments);
  });
});

describe('schemaFieldPath', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod' };
  it.each([
    [pod, 'spec.containers[0].resources.limits.memory', 'spec.containers[0].resources.limits[memory]'],
    [pod, 'spec.containers[0].resources.limits[example.com/dongle]', 'spec.containers[0].resources.limits[example.com/dongle]'],
    [pod, 'metadata.labels.app', 'metadata.labels[app]'],
    [pod, 'spec.nodeSelector.disktype', 'spec.nodeSelector[disktype]'],
    [pod, 'spec.containers[0].image', 'spec.containers[0].image'],
    [pod, 'spec.containers[0].env[1].name', 'spec.containers[0].env[1].name'],
    [pod, 'spec[not-a-field]', 'spec.not-a-field'],
    [{ apiVersion: 'v1', kind: 'ConfigMap' }, 'data.key', 'data[key]'],
    [{ apiVersion: 'v1', kind: 'ConfigMap' }, 'data[0]', 'data[0]'],
    [{ apiVersion: 'apps/v1', kind: 'Deployment' }, 'spec.template.spec.containers[0].resources.requests.cpu', 'spec.template.spec.containers[0].resources.requests[cpu]'],
    [{ apiVersion: 'example.com/v1', kind: 'Thing' }, 'spec.limits.memory', 'spec.limits.memory'],
    [{ apiVersion: 'example.com/v1', kind: 'Thing' }, 'spec[a-b].c', 'spec[a-b].c'],
  ])('%j: %s → %s', (object, path, expected) => {
    expect(schemaFieldPath(object, path)).toBe(expected);
  });
});

describe('reading hostile or unusual input', () => {
  /** A document whose aliases expand to about 10^levels values, just under what one document could hold. */
  const bomb = (levels: number, name: string) => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < levels; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n${lines.join('\n')}\n`;
  };

  it('fails when small documents together expand too much: the alias budget is one for the whole file', () => {
    const text = Array.from({ length: 20 }, (_, i) => bomb(4, `c${i}`)).join('---\n');
    const started = Date.now();
    const error = readError(text);
    expect(error.detail).toBe('yaml: document contains excessive aliasing');
    expect(error.position!.line).toBeGreaterThan(10); // a later document, not the first: the budget carried over
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('passes one such document alone (its expansion is within the budget)', () => {
    expect(read(bomb(4, 'c0')).map((o) => o.object.metadata?.name)).toStrictEqual(['c0']);
  });

  it('fails when an alias names no anchor, as kubectl does ("unknown anchor")', () => {
    const error = readError('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  k: *nope\n');
    expect([error.detail, error.position]).toStrictEqual(["yaml: unknown anchor 'nope' referenced", { line: 5, col: 6 }]);
  });

  it.each([
    ['NUL', '\u0000'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u009b'],
  ])('fails when a value holds a raw %s character, as kubectl does', (_what, char) => {
    const error = readError(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  k: "a${char}b"\n`);
    expect([error.detail, error.position]).toStrictEqual(['yaml: control characters are not allowed', { line: 5, col: 8 }]);
  });

  it('passes tab, CR, NEL and an escaped control character (go-yaml allows them; the value keeps the character)', () => {
    const [cm] = read('apiVersion: v1\r\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  k: "a\tb\u0085"\n  e: "\\e[31m"\n');
    expect(cm!.object.data).toStrictEqual({ k: 'a\tb\u0085', e: '\u001b[31m' });
  });

  it('fails with a clear error at the depth limit, never a stack overflow', () => {
    for (const inner of ['['.repeat(MAX_DEPTH + 5) + ']'.repeat(MAX_DEPTH + 5), '{a: '.repeat(5000) + '1' + '}'.repeat(5000)]) {
      const error = readError(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  k: ${inner}\n`);
      expect(error.detail).toMatch(/^yaml: exceeded max depth of 500/);
    }
    const block = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(readError(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n${block} 1\n`).detail).toMatch(/^yaml: exceeded max depth of 500/);
  });

  it('passes nesting just under the limit', () => {
    const depth = MAX_DEPTH - 10;
    const [cm] = read(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(cm!.object.kind).toBe('ConfigMap');
  });

  it('fails when aliases nest deeper than the limit although the text does not', () => {
    const lines = ['a0: &a0 [1]'];
    for (let i = 1; i <= MAX_DEPTH + 2; i++) lines.push(`a${i}: &a${i} [*a${i - 1}]`);
    expect(readError(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n${lines.join('\n')}\n`).detail).toMatch(/^yaml: exceeded max depth of 500/);
  });

  it('fails on a JSON number beyond float64, as kubectl’s JSON decoder does; in YAML the same text is a string', () => {
    const error = readError('{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "a"}, "spec": {"replicas": 1e400}}');
    expect(error.detail).toBe('json: cannot unmarshal number 1e400 into Go value of type float64');
    const [d] = read('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: 1e400\n');
    expect((d!.object.spec as { replicas: unknown }).replicas).toBe('1e400');
  });

  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n';
  const utf16 = (le: boolean) => {
    const body = Buffer.from(cm, 'utf16le');
    if (!le) body.swap16();
    return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
  };
  it.each([
    ['UTF-16LE with a byte order mark', utf16(true)],
    ['UTF-16BE with a byte order mark', utf16(false)],
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(cm)])],
  ])('reads %s as kubectl does', (_what, bytes) => {
    const objects = readManifests(decodeManifest('cm.yaml', bytes));
    expect(objects.map((o) => [o.object.metadata?.name, o.object.data, o.position])).toStrictEqual([['a', { k: 'v' }, { line: 1, col: 1 }]]);
  });

  it.each([
    ['UTF-32LE with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(cm.split('').flatMap((c) => [c.charCodeAt(0), 0, 0, 0]))])],
    ['UTF-32BE with a byte order mark', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), Buffer.from(cm.split('').flatMap((c) => [0, 0, 0, c.charCodeAt(0)]))])],
  ])('fails on %s as kubectl does (control characters: its decoder knows no UTF-32)', (_what, bytes) => {
    let error: unknown;
    try {
      readManifests(decodeManifest('cm.yaml', bytes));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ManifestReadError);
    expect((error as ManifestReadError).detail).toMatch(/^yaml: control characters are not allowed/);
  });

  it('reads bytes that are not UTF-8 as U+FFFD, as kubectl does (its decoder replaces them)', () => {
    const bytes = Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: "'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('"}\n')]);
    expect(readManifests(decodeManifest('x.yaml', bytes))[0]!.object.data).toStrictEqual({ k: '\ufffd\ufffdA' });
  });
});

describe('readDocuments in lenient mode (a repository)', () => {
  const items = (text: string, file = 'in.yaml') => [...readDocuments({ file, text }, { lenient: true })].map((i) => (i.type === 'object' ? ['object', i.sourced.object.kind] : ['skipped', i.skipped.reason, i.skipped.position.line]));

  it.each([
    ['a kustomization (by its kind)', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n', 'in.yaml', /^a kustomize Kustomization/],
    ['a kustomization (by its file name, without kind)', 'resources: [a.yaml]\n', 'kustomization.yaml', /^a kustomize configuration \(kustomization\.yaml\)/],
    ['a JSON patch (a YAML sequence of operations)', '- op: replace\n  path: /spec/replicas\n  value: 2\n', 'patch.yaml', /^a JSON patch/],
    ['a strategic merge patch with $patch', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n$patch: delete\n', 'p.yaml', /^a strategic merge patch/],
    ['Helm chart metadata', 'apiVersion: v2\nname: chart\nversion: 1.0.0\n', 'Chart.yaml', /^Helm chart metadata/],
    ['Helm values', 'replicas: 2\n', 'values.yaml', /^Helm values: no apiVersion and kind/],
    ['a Helm template that does not parse', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n  {{- with .Values.labels }}\n', 'svc.yaml', /^a template/],
    ['a template that parses but names itself with {{ }}', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-{{uid}}\n', 'pod.yaml', /^a template/],
    ['a docker-compose file', 'services:\n  web: {image: nginx}\n', 'docker-compose.yml', /^a docker-compose file/],
    ['a GitHub workflow', 'on: push\njobs: {}\n', '.github/workflows/ci.yaml', /^a GitHub Actions workflow: no apiVersion and kind/],
    ['a component configuration', 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n', 'k.yaml', /^component configuration/],
    ['a document without kind', 'apiVersion: v1\nmetadata: {name: c}\n', 'x.yaml', /^not a Kubernetes object: no kind$/],
  ])('skips %s with its reason', (_what, text, file, reason) => {
    const [item, ...rest] = items(text, file);
    expect(rest).toStrictEqual([]);
    expect(item![0]).toBe('skipped');
    expect(item![1]).toMatch(reason);
  });

  it('still reads the objects around a skipped document, and a ConfigMap holding a template in its data', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: alerts}\ndata:\n  rule: "{{ $labels.instance }} is down"\n---\n- op: remove\n  path: /a\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: x}]}\n';
    expect(items(text)).toStrictEqual([['object', 'ConfigMap'], ['skipped', 'a JSON patch (kustomize patchesJson6902 / patches), not an object', 7], ['object', 'Pod']]);
  });

  it('fails on a syntax error that is not a template, in lenient mode too', () => {
    expect(() => items('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a\n')).toThrow(ManifestReadError);
  });

  it('reads without lenient mode as kubectl does: a Kustomization is an object', () => {
    expect(read('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nmetadata: {name: k}\n').map((o) => o.object.kind)).toStrictEqual(['Kustomization']);
  });
});

describe('a detached object', () => {
  it('locates paths by reading its document again, at the same positions', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n${POD}---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n`;
    for (const sourced of read(text)) {
      const detached = sourced.detach!();
      for (const path of ['metadata.name', 'spec.containers[0].resources.limits.memory', 'kind']) expect(locate(detached, path)).toStrictEqual(locate(sourced, path));
    }
  });
});

describe('readStream (stdin, a pipe, a device: held whole)', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'podkit-stream-')), 'pod.yaml');
  writeFileSync(file, 'apiVersion: v1\nkind: Pod\n');

  it('fails when the input is longer than the bound, with a clear reason, having read no more than the bound and a chunk', () => {
    expect(() => readStream('<stdin>', file, 24)).toThrow(new ManifestReadError('<stdin>', undefined, 'cannot read: more than 24 bytes from a pipe, a device or stdin, which podkit holds whole: save the manifests to a file and lint the file'));
  });

  it('passes its twin, an input as long as the bound: every byte', () => {
    expect(Buffer.from(readStream('<stdin>', file, 25)).toString()).toBe('apiVersion: v1\nkind: Pod\n');
  });
});

describe('the bounds of one document (its characters and YAML tokens)', () => {
  const cm = (name: string, data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata: {a: "${data}"}\n`;
  /** A small document, then one of about 1,450 characters and 1,300 tokens (a flow sequence), starting at line 5. */
  const text = `${cm('small', 'x')}---\n${cm('big', 'y'.repeat(200))}items: [${Array(600).fill('a').join(',')}]\n`.replace('items:', 'x:');
  const read = (options: ReadOptions) => [[...readDocuments({ file: 'f.yaml', text }, options)].length, [...readManifestBytes('f.yaml', arrayBytes(Buffer.from(text)), { ...options, chunkSize: 7 })].length];
  const tooLarge = (what: string, bounds: string) => new ManifestReadError('f.yaml', { line: 5, col: 1 }, `yaml: document too large: more than ${what} (podkit reads documents of at most ${bounds}): split it into several documents`);

  it.each([
    ['longer than the bound in characters', { length: 1000 }, '1,000 characters', '1,000 characters and 1,000,000 YAML tokens'],
    ['of more YAML tokens than the bound', { tokens: 1000 }, '1,000 YAML tokens', '16 MiB and 1,000 YAML tokens'],
  ])('fails when a document is %s, at the start of the document, read whole or in chunks', (_what, maxDocument, what, bounds) => {
    expect(() => [...readDocuments({ file: 'f.yaml', text }, { maxDocument })]).toThrow(tooLarge(what, bounds));
    expect(() => [...readManifestBytes('f.yaml', arrayBytes(Buffer.from(text)), { maxDocument, chunkSize: 7 })]).toThrow(tooLarge(what, bounds));
  });

  it('passes its twin, both documents within the bounds', () => {
    expect(read({ maxDocument: { length: 3000, tokens: 2000 } })).toStrictEqual([2, 2]);
  });
});

describe('scalars with an explicit tag, as go-yaml v2 decodes them (results of kubectl 1.32 label --local -o json)', () => {
  const value = (tagged: string) => readManifests({ file: 't.yaml', text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\nfoo:\n  a: ${tagged}\n` })[0]!.object.foo;
  it.each([
    ['!!int x', 'yaml: cannot decode !!str `x` as a !!int'],
    ['!!float abc', 'yaml: cannot decode !!str `abc` as a !!float'],
    ['!!float 1e400', 'yaml: cannot decode !!str `1e400` as a !!float'],
    ['!!int 1.0', 'yaml: cannot decode !!float `1.0` as a !!int'],
    ['!!bool maybe', 'yaml: cannot decode !!str `maybe` as a !!bool'],
    ['!!null x', 'yaml: cannot decode !!str `x` as a !!null'],
    ['!!timestamp x', 'yaml: cannot decode !!str `x` as a !!timestamp'],
    ['!!binary "%%%"', 'yaml: !!binary value contains invalid base64 data'],
    ['!!binary aGVsbG8', 'yaml: !!binary value contains invalid base64 data'],
  ])('fails when %s does not decode as its tag, as kubectl does, at the value', (tagged, message) => {
    expect(() => value(tagged)).toThrow(new ManifestReadError('t.yaml', { line: 5, col: 6 + tagged.indexOf(' ') + 1 }, message));
  });

  it.each([
    ['!!int "3"', 3],
    ['!!float 3', 3],
    ['!!float 1.5', 1.5],
    ['!!int 0x1F', 31],
    ['!!bool "yes"', true],
    ['!!null ""', null],
    ['!!str 2', '2'],
    ['!!timestamp 2001-12-14', '2001-12-14'],
    ['!!binary aGVsbG8=', 'hello'],
    ['!!binary "aGVs\\nbG8="', 'hello'],
    ['!custom 3', '3'],
    ['!!omap [a: 1]', [{ a: 1 }]],
    ['!!pairs [a: 1, b: 2]', [{ a: 1 }, { b: 2 }]],
    ['!!set {a, b}', { a: null, b: null }],
  ])('passes %s, with the value kubectl sends', (tagged, expected) => {
    expect(value(tagged)).toStrictEqual({ a: expected });
  });
});

describe('a quoted scalar over several lines, as go-yaml reads it (kubectl 1.32 kustomize gives the same strings)', () => {
  // A CustomResourceDefinition's description as Gatekeeper's library writes it: the second line of the
  // double-quoted scalar at its key's own indentation. kubectl reads `When set to true, defaults to false.`
  const crd = (quote: string, indent: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    description: ${quote}When set to true, defaults\n${indent}to false.${quote}\n    other: x\n`;

  it.each([
    ['double-quoted, at the key\'s indentation', '"', '    '],
    ['single-quoted, at the key\'s indentation', "'", '    '],
    ['double-quoted, at column 1', '"', ''],
    ['double-quoted, indented more than the key (YAML as the yaml package reads it too)', '"', '      '],
  ])('reads a %s continuation line as one folded string, and the keys after it', (_, quote, indent) => {
    const [sourced] = read(crd(quote, indent));
    expect(sourced!.object.metadata?.annotations).toStrictEqual({ description: 'When set to true, defaults to false.', other: 'x' });
    expect(locate(sourced!, 'metadata.annotations[other]')).toMatchObject({ line: 8, col: 5 });
    // read again from its document, as a finding across objects is located
    expect(locate(sourced!.detach!(), 'metadata.annotations[other]')).toMatchObject({ line: 8, col: 5 });
    const chunked = [...readManifestBytes('in.yaml', arrayBytes(Buffer.from(crd(quote, indent))), { chunkSize: 7 })];
    expect(chunked.map((item) => item.type === 'object' && item.sourced.object.metadata?.annotations)).toStrictEqual([{ description: 'When set to true, defaults to false.', other: 'x' }]);
  });

  it('fails when the quote is never closed, as kubectl does (found unexpected end of stream)', () => {
    const error = readError('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    description: "never closed\n    other: x\n');
    expect(error.detail).toBe('yaml: Missing closing "quote');
  });

  it('fails when a document marker starts a line inside the quotes, as kubectl does (kubectl kustomize: found unexpected end of stream)', () => {
    const error = readError('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    description: "split\n---\nby a marker"\n');
    expect(error.detail).toBe('yaml: Missing closing "quote');
  });
});
