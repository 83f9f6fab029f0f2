import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { configMapRules } from '../lib/rules/config-map';
import { ViolationError } from '../lib/violation';
import { ConfigMap, ConfigMapFromEnvFile, ConfigMapFromFiles, ConfigMapFromLiterals, ConfigMapGenerator } from './config-map';
import { ExternalConfigMap, configMapKeyRef, configMapVolume, envFromConfigMap } from './config-map-references';
import { Pod } from './pod';

const FILES = path.resolve(__dirname, '../snapshots/reference/files');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-cmc-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function violations(fn: () => unknown): [string, string][] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ViolationError) return err.violations.map((v) => [v.rule, v.path]);
    throw err;
  }
  return [];
}

describe('ConfigMapGenerator reproduces the page’s kustomizations (checked against kubectl kustomize)', () => {
  // the page's layout: kustomization.yaml next to configure-pod-container/configmap/game.properties
  const dir = path.join(tmp, 'kustomize');
  fs.mkdirSync(path.join(dir, 'configure-pod-container/configmap'), { recursive: true });
  fs.copyFileSync(path.join(FILES, 'configmap/game.properties'), path.join(dir, 'configure-pod-container/configmap/game.properties'));

  it.each([
    ['kustomization-game-config-4.yaml', { name: 'game-config-4', files: ['configure-pod-container/configmap/game.properties'] }],
    ['kustomization-game-config-5.yaml', { name: 'game-config-5', files: ['game-special-key=configure-pod-container/configmap/game.properties'] }],
    ['kustomization-special-config-2.yaml', { name: 'special-config-2', literals: ['special.how=very', 'special.type=charm'] }],
  ])('%s', (file, props) => {
    fs.copyFileSync(path.join(FILES, 'configure-pod-configmap', file), path.join(dir, 'kustomization.yaml'));
    const real = parseYaml(execFileSync('kubectl', ['kustomize', dir], { env: { PATH: process.env.PATH ?? '', KUBECONFIG: '/dev/null' } }).toString());
    const chart = Testing.chart();
    new ConfigMapGenerator(chart, 'cm', { ...props, baseDir: dir });
    expect(Testing.synth(chart)).toEqual([real]);
  });

  it.each([51, 52, 120, 4096])('names and writes a binary file of %i bytes as kustomize does (binaryData wrapped at 70 columns from 52 bytes)', (size) => {
    const bin = path.join(tmp, `bin-${size}`);
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'blob.bin'), Uint8Array.from({ length: size }, (_, i) => (i === 0 ? 0xff : (i * 131 + 7) & 0xff)));
    fs.writeFileSync(path.join(bin, 'kustomization.yaml'), 'configMapGenerator:\n- name: binlong\n  files: [blob.bin]\n');
    const real = parseYaml(execFileSync('kubectl', ['kustomize', bin], { env: { PATH: process.env.PATH ?? '', KUBECONFIG: '/dev/null' } }).toString());
    const chart = Testing.chart();
    new ConfigMapGenerator(chart, 'cm', { name: 'binlong', files: ['blob.bin'], baseDir: bin });
    expect(Testing.synth(chart)).toEqual([real]);
  });

  it('emits labels, annotations, namespace and immutable, and keeps the name without the hash when asked', () => {
    const chart = Testing.chart();
    const cm = new ConfigMapGenerator(chart, 'cm', {
      name: 'app', namespace: 'ns', literals: ['a="quoted"'], options: { labels: { x: 'y' }, annotations: { p: 'q' }, immutable: true, disableNameSuffixHash: true },
    });
    expect(cm.name).toBe('app');
    expect(Testing.synth(chart)).toEqual([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'ns', labels: { x: 'y' }, annotations: { p: 'q' } }, data: { a: 'quoted' }, immutable: true },
    ]);
  });

  it('fails when a generated key is not a ConfigMap key (kustomize does not check; the API server does)', () => {
    expect(violations(() => new ConfigMapGenerator(Testing.chart(), 'cm', { name: 'x', literals: ['bad key=1'] }))).toEqual([[configMapRules.keyInvalid.id, 'data[bad key]']]);
  });

  it('passes the same literal with a valid key', () => {
    expect(violations(() => new ConfigMapGenerator(Testing.chart(), 'cm', { name: 'x', literals: ['good.key=1'] }))).toEqual([]);
  });
});

describe('kubectl-made ConfigMaps', () => {
  it('reproduces the names the docs print with --append-hash over a game.properties without its last newline', () => {
    const dir = path.join(tmp, 'old');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'game.properties'), fs.readFileSync(path.join(FILES, 'configmap/game.properties'), 'utf8').replace(/\n$/, ''));
    const chart = Testing.chart();
    expect(new ConfigMapFromFiles(chart, 'a', { name: 'game-config-4', files: ['game.properties'], baseDir: dir, appendHash: true }).name).toBe('game-config-4-m9dm2f92bt');
    expect(new ConfigMapFromFiles(chart, 'b', { name: 'game-config-5', files: ['game-special-key=game.properties'], baseDir: dir, appendHash: true }).name).toBe('game-config-5-m67dt67794');
    expect(new ConfigMapFromLiterals(chart, 'c', { name: 'special-config-2', literals: ['special.how=very', 'special.type=charm'], appendHash: true }).name).toBe('special-config-2-c92b5mmcf2');
  });

  it('merges several env files, as current kubectl does', () => {
    const cm = new ConfigMapFromEnvFile(Testing.chart(), 'cm', {
      name: 'config-multi-env-files', baseDir: FILES, envFiles: ['configmap-env/game-env-file.properties', 'configmap-env/ui-env-file.properties'],
    });
    expect(cm.data).toEqual({ allowed: '"true"', color: 'purple', enemies: 'aliens', how: 'fairlyNice', lives: '3', textmode: 'true' });
  });

  it.each([
    ['a literal is repeated', () => new ConfigMapFromLiterals(Testing.chart(), 'cm', { name: 'x', literals: ['k=1', 'k=2'] }), 'literals'],
    ['an env file is missing', () => new ConfigMapFromEnvFile(Testing.chart(), 'cm', { name: 'x', baseDir: tmp, envFiles: ['nope.env'] }), 'envFiles'],
    ['a directory holds a file whose name is not a key', () => {
      fs.mkdirSync(path.join(tmp, 'bad'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'bad', 'bad key'), 'x');
      return new ConfigMapFromFiles(Testing.chart(), 'cm', { name: 'x', baseDir: tmp, files: ['bad'] });
    }, 'files'],
  ])('fails when %s, with kubectl’s message', (_t, make, at) => {
    expect(violations(make)).toEqual([[configMapRules.sourceInvalid.id, at]]);
  });

  it('passes distinct literals', () => {
    expect(violations(() => new ConfigMapFromLiterals(Testing.chart(), 'cm', { name: 'x', literals: ['k=1', 'j=2'] }))).toEqual([]);
  });

  it('words a duplicate as kubectl does', () => {
    try {
      new ConfigMapFromLiterals(Testing.chart(), 'cm', { name: 'x', literals: ['k=1', 'k=2'] });
    } catch (err) {
      expect((err as ViolationError).violations[0]?.message).toBe('cannot add key "k", another key by that name already exists in Data for ConfigMap "x"');
    }
  });

  it('fails when the data is over 1 MiB', () => {
    expect(violations(() => new ConfigMap(Testing.chart(), 'cm', { metadata: { name: 'big' }, data: { a: 'x'.repeat(1024 * 1024 + 1) } }))).toEqual([[configMapRules.tooLong.id, '']]);
  });
});

describe('consumers reference ConfigMaps by object', () => {
  const container = { name: 'c', image: 'busybox' };

  it('gives a pod the hashed name of a generated ConfigMap', () => {
    const chart = Testing.chart();
    const cm = new ConfigMapGenerator(chart, 'cm', { name: 'special-config-2', literals: ['special.how=very'] });
    const pod = new Pod(chart, 'pod', {
      metadata: { name: 'p' },
      spec: { containers: [{ ...container, env: [{ name: 'LEVEL', valueFrom: configMapKeyRef(cm, 'special.how') }], envFrom: [envFromConfigMap(cm)] }], volumes: [configMapVolume('v', cm)] },
    });
    expect(cm.name).toMatch(/^special-config-2-[a-z0-9]{10}$/);
    expect(pod.podSpec.containers[0]?.env?.[0]?.valueFrom?.configMapKeyRef?.name).toBe(cm.name);
    expect(pod.podSpec.volumes?.[0]?.configMap?.name).toBe(cm.name);
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  it('fails when a key reference names a key the ConfigMap lacks', () => {
    const cm = new ConfigMapFromLiterals(Testing.chart(), 'cm', { name: 'x', literals: ['a=1'] });
    expect(violations(() => configMapKeyRef(cm, 'b'))).toEqual([[configMapRules.keyNotFound.id, 'valueFrom.configMapKeyRef.key']]);
    expect(violations(() => configMapVolume('v', cm, { items: [{ key: 'b', path: 'b' }] }))).toEqual([[configMapRules.keyNotFound.id, 'configMap.items[0].key']]);
  });

  it('passes when the missing key is optional, or present', () => {
    const cm = new ConfigMapFromLiterals(Testing.chart(), 'cm', { name: 'x', literals: ['a=1'] });
    expect(violations(() => configMapKeyRef(cm, 'b', { optional: true }))).toEqual([]);
    expect(violations(() => configMapKeyRef(cm, 'a'))).toEqual([]);
  });

  it('accepts cdk8s-plus-28 ConfigMaps, with their keys', () => {
    const chart = Testing.chart();
    const plus = new kplus.ConfigMap(chart, 'plus', { data: { k: 'v' } });
    expect(configMapKeyRef(plus, 'k')).toEqual({ configMapKeyRef: { name: plus.name, key: 'k' } });
    expect(violations(() => configMapKeyRef(plus, 'nope'))).toEqual([[configMapRules.keyNotFound.id, 'valueFrom.configMapKeyRef.key']]);
  });

  it('fails at synth when a pod names a ConfigMap that is neither in the app nor declared external', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'chart');
    new ConfigMapFromLiterals(chart, 'cm', { name: 'here', literals: ['a=1'] });
    new Pod(chart, 'pod', { metadata: { name: 'p' }, spec: { containers: [{ ...container, envFrom: [{ configMapRef: { name: 'elsewhere' } }] }] } });
    expect(() => app.synth()).toThrow(/spec\.containers\[0\]\.envFrom\[0\]\.configMapRef\.name: .*\[config-map\/not-found\]/);
  });

  it('passes at synth when that ConfigMap is declared external', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'chart');
    const ext = new ExternalConfigMap(chart, 'ext', { name: 'elsewhere' });
    new Pod(chart, 'pod', { metadata: { name: 'p' }, spec: { containers: [{ ...container, envFrom: [envFromConfigMap(ext)] }] } });
    expect(() => app.synth()).not.toThrow();
  });

  it('fails at synth when a pod takes a missing key of an app ConfigMap', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'chart');
    new ConfigMap(chart, 'cm', { metadata: { name: 'special-config' }, data: { SPECIAL_LEVEL: 'very' } });
    new Pod(chart, 'pod', { metadata: { name: 'p' }, spec: { containers: [{ ...container, env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'special-config', key: 'special.how' } } }] }] } });
    expect(() => app.synth()).toThrow(/env\[0\]\.valueFrom\.configMapKeyRef\.key: .*\[config-map\/key-not-found\]/);
  });
});
