/**
 * Loading this library changes nothing else in the user's app: charts of plain cdk8s `ApiObject`s are written
 * byte for byte as in an app that does not load it. Each app runs in its own Node process, so that nothing one
 * of them loads can reach the other.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '..');

/** An app with plain charts (strings YAML 1.1 readers misread, every JSON shape), and a podkit chart when asked. */
const APP = `
const withPodkit = process.env.WITH_PODKIT === '1';
const podkit = withPodkit ? require(${JSON.stringify(join(REPO, 'index.ts'))}) : undefined;
const { ApiObject, App, Chart, Lazy } = require('cdk8s');
const app = new App({ outdir: process.env.OUT });
const tricky = ['on', 'yes', 'n', '0777', '0o17', '0O17', '0x1F', '0b1', '=', '<<', '~', 'null', '1e3', '12:30', '', '2001-12-14', '.inf', 'a: b', '- x', '#c'];
const plain = new Chart(app, 'plain', { labels: { team: 'a' } });
new ApiObject(plain, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'tricky', annotations: { note: 'on' } }, data: Object.fromEntries(tricky.map((v, i) => ['k' + i, v])) });
new ApiObject(plain, 'pod', {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'raw', labels: { '<<': '=' } },
  spec: { hostNetwork: Lazy.any({ produce: () => true }), containers: [{ name: 'c', image: 'x', args: tricky, env: [{ name: 'E', value: '0o17' }], resources: { limits: { memory: '1Gi' } } }], volumes: [], nodeSelector: {}, priority: null },
});
const other = new Chart(app, 'other', { namespace: 'ns' });
new ApiObject(other, 'z', { apiVersion: 'example.com/v1', kind: 'Thing', spec: { z: 1, a: [1.5, -0, true, false], nested: { '0o17': '0o17' } } });
if (withPodkit) {
  const chart = new Chart(app, 'podkit');
  new podkit.Pod(chart, 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { memory: '64Mi' }, limits: { memory: '128Mi' } } }] } });
}
app.synth();
`;

/** The files the app writes for its plain charts. */
function plainCharts(withPodkit: boolean): Record<string, string> {
  const out = mkdtempSync(join(tmpdir(), 'podkit-import-effects-'));
  const r = spawnSync(process.execPath, ['-r', join(REPO, 'bin', 'register.js'), '-e', APP], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, OUT: out, WITH_PODKIT: withPodkit ? '1' : '0' },
  });
  if (r.status !== 0) throw new Error(`the app failed (${r.status}):\n${r.stderr}`);
  const files = readdirSync(out).sort();
  expect(files).toEqual(withPodkit ? ['other.k8s.yaml', 'plain.k8s.yaml', 'podkit.k8s.yaml'] : ['other.k8s.yaml', 'plain.k8s.yaml']);
  return Object.fromEntries(files.filter((f) => f !== 'podkit.k8s.yaml').map((f) => [f, readFileSync(join(out, f), 'utf8')]));
}

describe('an app that loads this library', () => {
  it('writes its plain charts byte for byte as an app that does not', () => {
    const without = plainCharts(false);
    const withIt = plainCharts(true);
    expect(without['plain.k8s.yaml']).toContain('k4: 0o17');
    expect(withIt).toStrictEqual(without);
  });
});
