/**
 * What cdk8s writes (its `Yaml.stringify`, YAML 1.1 mode) read back by YAML 1.1 readers: PyYAML, kubectl (go-yaml
 * v2 through sigs.k8s.io/yaml, i.e. what Kubernetes reads) and podkit's own reader (lib/lint/read.ts). The
 * examples app must come back identical, and so must every tricky string once `installYamlQuoting()` was called
 * (constructs/yaml-quoting.ts makes the writer quote what the readers would misread; loading the library alone
 * changes nothing).
 */
import { execFileSync } from 'node:child_process';
import { ApiObject, Testing, Yaml } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExamplesApp } from '../examples/app';
import { chartId } from '../examples';
import { readManifests } from '../lib/lint/read';
import { ConfigMap } from './config-map';
import { MISREAD_PLAIN_STRINGS, installYamlQuoting } from './yaml-quoting';

/** Each text through PyYAML's safe_load_all: the documents as JSON, or the error's class name. */
function pyyaml(texts: readonly string[]): (unknown[] | { error: string })[] {
  const script = `
import json, sys, yaml
out = []
for text in json.load(sys.stdin):
    try:
        out.append(list(yaml.safe_load_all(text)))
    except yaml.YAMLError as e:
        out.append({"error": type(e).__name__})
json.dump(out, sys.stdout)
`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(texts) }).toString()) as (unknown[] | { error: string })[];
}


function kubectlLocal(text: string): unknown[] {
  const out = execFileSync('kubectl', ['label', '--local', '-f', '-', 'podkit-round-trip=1', '-o', 'json'], { input: text, env: { ...process.env, KUBECONFIG: '/dev/null' } }).toString();
  return out
    .split(/\n(?=\{)/)
    .map((s) => JSON.parse(s) as { kind: string; items?: unknown[] })
    .flatMap((o) => (o.kind === 'List' && o.items ? o.items : [o]))
    .map((o) => {
      const meta = (o as { metadata: { labels: Record<string, string> } }).metadata;
      delete meta.labels['podkit-round-trip'];
      if (Object.keys(meta.labels).length === 0) delete (meta as { labels?: unknown }).labels;
      return o;
    });
}

describe('the examples app, written by cdk8s and read back', () => {
  // the whole app at once: examples reference objects of other charts (a ConfigMap and the Pods using it)
  const { charts: built } = buildExamplesApp({ outdir: mkdtempSync(join(tmpdir(), 'podkit-round-trip-')) });
  const charts = built.map(({ page, example, chart }) => {
    const objects = Object.values(chart.toJson()) as unknown[];
    return { id: chartId(page, example), objects, text: Yaml.stringify(...objects) };
  });

  it('has examples to check', () => {
    expect(charts.length).toBeGreaterThan(0);
  });

  it('reads back identically with PyYAML', () => {
    const back = pyyaml(charts.map((c) => c.text));
    expect(back).toStrictEqual(charts.map((c) => c.objects));
  });

  it('reads back identically with kubectl and with podkit’s reader', () => {
    const text = charts.map((c) => c.text).join('---\n');
    const all = charts.flatMap((c) => c.objects);
    expect(kubectlLocal(text)).toStrictEqual(all);
    expect(readManifests({ file: 'examples', text }).map((o) => o.object)).toStrictEqual(all);
  });
});

/** The brief's tricky strings, and Go's number prefixes, which YAML 1.1 does not have but go-yaml v2 parses. */
const TRICKY = ['on', 'yes', 'y', 'n', 'off', 'no', 'True', '0777', '1e3', 'null', '~', '=', '0x1F', '12:30', '', '2001-12-14', '1_000', '.inf', '08', '+12', '<<', '0o17', '0O17', '0B1', '0X1f', '-0o7'];

function writeTricky(): { value: string; text: string }[] {
  return TRICKY.map((value) => {
    const chart = Testing.chart();
    new ConfigMap(chart, 'cm', { metadata: { name: 'tricky' }, data: { value } });
    return { value, text: Yaml.stringify(...Testing.synth(chart)) };
  });
}

describe('tricky strings in a ConfigMap, written by cdk8s as it is (the library loaded, installYamlQuoting not called)', () => {
  const written = writeTricky();

  it('leaves Go-prefixed octal and binary numbers, = and << plain, as the YAML 1.1 schema alone does', () => {
    const plain = written.filter((w) => w.text.includes(`value: ${w.value}\n`)).map((w) => w.value);
    expect(plain).toEqual(expect.arrayContaining(['=', '<<', '0o17', '0O17', '0B1', '-0o7']));
  });

  it('still quotes what cdk8s quotes itself (on, yes, 0777)', () => {
    for (const value of ['on', 'yes', '0777']) expect(written.find((w) => w.value === value)!.text).toContain(`value: "${value}"`);
  });
});

describe('tricky strings in a ConfigMap, written by cdk8s after installYamlQuoting() and read back', () => {
  const installed = installYamlQuoting();
  const written = writeTricky();

  it('installs', () => {
    expect(installed).toBe(true);
    expect(installYamlQuoting()).toBe(true);
  });

  const valueOf = (objects: unknown[]) => (objects[0] as { data: { value: unknown } }).data.value;

  it('PyYAML reads back every string', () => {
    const back = pyyaml(written.map((w) => w.text));
    const misread = written.flatMap((w, i) => {
      const r = back[i]!;
      if (!Array.isArray(r)) return [[w.value, r.error]];
      return valueOf(r) === w.value ? [] : [[w.value, valueOf(r)]];
    });
    expect(misread).toStrictEqual([]);
  });

  it('Kubernetes (kubectl) reads back every string, Go-prefixed numbers included', () => {
    const back = kubectlLocal(written.map((w) => w.text).join('---\n'));
    const misread = written.flatMap((w, i) => (valueOf([back[i]]) === w.value ? [] : [[w.value, valueOf([back[i]])]]));
    expect(misread).toStrictEqual([]);
  });

  it('quotes exactly the strings the YAML 1.1 schema alone would leave plain and misread', () => {
    const quoted = written.filter((w) => MISREAD_PLAIN_STRINGS.test(w.value) || w.value === '<<').map((w) => w.text.includes(`value: "${w.value}"`));
    expect(quoted.every(Boolean)).toBe(true);
    const plain = Testing.chart();
    new ApiObject(plain, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'p' }, data: { value: 'plain-text' } });
    expect(Yaml.stringify(...Testing.synth(plain))).toContain('value: plain-text');
  });

  it('podkit’s reader agrees with kubectl on every one of them', () => {
    const text = written.map((w) => w.text).join('---\n');
    expect(readManifests({ file: 'tricky', text }).map((o) => o.object)).toStrictEqual(kubectlLocal(text));
  });
});
