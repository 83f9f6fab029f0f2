/**
 * The synth variants the benchmark compares, each turning the same workload into YAML text:
 * podkit `Pod` constructs, raw cdk8s `ApiObject`s, cdk8s-plus-28 L2 `Pod`s, and the two floors
 * (`JSON.stringify` and `yaml` stringify of the wire manifests, no constructs at all).
 *
 * "Synth" is the same for every construct variant: build the app, then `app.synthYaml()`, which runs
 * cdk8s's dependency resolution, every validation (podkit's per-object and app-level checks included)
 * and the YAML serialization of every chart, in memory.
 */
import { ApiObject, App, Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { stringify } from 'yaml';
import { ConfigMap } from '../constructs/config-map';
import { Pod } from '../constructs/pod';
import { benchConfigMaps, benchPods, configMapManifest, podManifest, type BenchContainer, type BenchPod, type BenchProbe } from './workload';

export const VARIANTS = ['podkit', 'raw', 'plus', 'json', 'yaml'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Pods per chart: the app has `ceil(n / PODS_PER_CHART)` charts. */
const PODS_PER_CHART = 1000;

/** What one synth produced. */
export interface SynthOutput {
  /** Bytes of YAML (or JSON for the `json` floor) written. */
  readonly bytes: number;
  /** Documents written. */
  readonly documents: number;
}

function chartsFor(app: App, n: number): Chart[] {
  return Array.from({ length: Math.max(1, Math.ceil(n / PODS_PER_CHART)) }, (_, i) => new Chart(app, `chart-${i}`));
}

function synthApp(app: App): SynthOutput {
  const text = app.synthYaml();
  return { bytes: Buffer.byteLength(text), documents: countDocuments(text) };
}

function countDocuments(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n---\n'); at !== -1; at = text.indexOf('\n---\n', at + 1)) count++;
  return count;
}

/** podkit: every pod is a checked `Pod`, every ConfigMap a checked `ConfigMap` (their references are checked across the app). */
function podkit(n: number): SynthOutput {
  const app = new App();
  const charts = chartsFor(app, n);
  benchConfigMaps(n).forEach((c, i) => new ConfigMap(charts[Math.floor((i * 100) / PODS_PER_CHART)]!, c.name, { metadata: { name: c.name }, data: { ...c.data } }));
  benchPods(n).forEach((p, i) => {
    const m = podManifest(p);
    new Pod(charts[Math.floor(i / PODS_PER_CHART)]!, p.name, { metadata: { name: p.name }, spec: m.spec });
  });
  return synthApp(app);
}

/** raw: the same manifests as plain cdk8s core `ApiObject`s, no checks. */
function raw(n: number): SynthOutput {
  const app = new App();
  const charts = chartsFor(app, n);
  benchConfigMaps(n).forEach((c, i) => new ApiObject(charts[Math.floor((i * 100) / PODS_PER_CHART)]!, c.name, configMapManifest(c)));
  benchPods(n).forEach((p, i) => new ApiObject(charts[Math.floor(i / PODS_PER_CHART)]!, p.name, podManifest(p)));
  return synthApp(app);
}

function plusProbe(p: BenchProbe): kplus.Probe {
  const timing = { initialDelaySeconds: Duration.seconds(p.initialDelaySeconds), periodSeconds: Duration.seconds(p.periodSeconds) };
  switch (p.kind) {
    case 'httpGet':
      return kplus.Probe.fromHttpGet(p.path, { port: p.port, ...timing });
    case 'tcpSocket':
      return kplus.Probe.fromTcpSocket({ port: p.port, ...timing });
    case 'exec':
      return kplus.Probe.fromCommand([...p.command], timing);
  }
}

function plusContainer(c: BenchContainer, configMaps: ReadonlyMap<string, kplus.IConfigMap>): kplus.ContainerProps {
  const sc = c.securityContext;
  return {
    name: c.name,
    image: c.image,
    // `ports` rather than `portNumber`: `portNumber` adds a TCP startup probe the workload does not have.
    ports: c.port === undefined ? undefined : [{ number: c.port }],
    // An empty object rather than `undefined`: `undefined` makes cdk8s-plus inject cpu/memory defaults.
    resources: {
      cpu: c.cpu && { request: kplus.Cpu.millis(c.cpu.request), limit: c.cpu.limit === undefined ? undefined : kplus.Cpu.millis(c.cpu.limit) },
      memory: c.memory && { request: Size.mebibytes(c.memory.request), limit: c.memory.limit === undefined ? undefined : Size.mebibytes(c.memory.limit) },
    },
    liveness: c.liveness && plusProbe(c.liveness),
    readiness: c.readiness && plusProbe(c.readiness),
    securityContext: sc
      ? { user: sc.runAsUser, group: sc.runAsGroup, ensureNonRoot: sc.runAsNonRoot, readOnlyRootFilesystem: sc.readOnlyRootFilesystem, allowPrivilegeEscalation: sc.allowPrivilegeEscalation }
      : undefined,
    envVariables: Object.fromEntries(
      (c.env ?? []).map((e) => [e.name, 'value' in e ? kplus.EnvValue.fromValue(e.value) : kplus.EnvValue.fromConfigMap(configMaps.get(e.configMap)!, e.key)]),
    ),
  };
}

function plusPod(chart: Chart, p: BenchPod, configMaps: ReadonlyMap<string, kplus.IConfigMap>): kplus.Pod {
  const sc = p.securityContext;
  return new kplus.Pod(chart, p.name, {
    metadata: { name: p.name },
    securityContext: sc ? { user: sc.runAsUser, group: sc.runAsGroup, fsGroup: sc.fsGroup, ensureNonRoot: false } : { ensureNonRoot: false },
    containers: p.containers.map((c) => plusContainer(c, configMaps)),
  });
}

/** plus: cdk8s-plus-28 L2 `ConfigMap`s and `Pod`s, built to come as close to the same manifests as it allows. */
function plus(n: number): SynthOutput {
  const app = new App();
  const charts = chartsFor(app, n);
  const configMaps = new Map<string, kplus.IConfigMap>();
  benchConfigMaps(n).forEach((c, i) => {
    configMaps.set(c.name, new kplus.ConfigMap(charts[Math.floor((i * 100) / PODS_PER_CHART)]!, c.name, { metadata: { name: c.name }, data: { ...c.data } }));
  });
  benchPods(n).forEach((p, i) => plusPod(charts[Math.floor(i / PODS_PER_CHART)]!, p, configMaps));
  return synthApp(app);
}

function wireDocuments(n: number): object[] {
  return [...benchConfigMaps(n).map(configMapManifest), ...benchPods(n).map(podManifest)];
}

/** Floor: `JSON.stringify` of every wire manifest. */
function json(n: number): SynthOutput {
  const docs = wireDocuments(n);
  const text = docs.map((d) => JSON.stringify(d)).join('\n');
  return { bytes: Buffer.byteLength(text), documents: docs.length };
}

/** Floor: `yaml` stringify of every wire manifest, joined as a multi-document stream. */
function yaml(n: number): SynthOutput {
  const docs = wireDocuments(n);
  const text = docs.map((d) => stringify(d)).join('---\n');
  return { bytes: Buffer.byteLength(text), documents: docs.length };
}

/** Builds and synthesizes the `n`-pod app of one variant, in memory. */
export const SYNTH: Readonly<Record<Variant, (n: number) => SynthOutput>> = { podkit, raw, plus, json, yaml };

/** The YAML of one pod as each construct variant writes it (for the report of what cdk8s-plus-28 adds). */
export function onePodYaml(variant: 'podkit' | 'raw' | 'plus', index: number): string {
  const app = new App();
  const chart = new Chart(app, 'one');
  const pod = benchPods(index + 1)[index]!;
  const cm = benchConfigMaps(index + 1);
  if (variant === 'plus') {
    const configMaps = new Map<string, kplus.IConfigMap>(cm.map((c) => [c.name, kplus.ConfigMap.fromConfigMapName(chart, c.name, c.name)]));
    plusPod(chart, pod, configMaps);
  } else if (variant === 'podkit') {
    new Pod(chart, pod.name, { metadata: { name: pod.name }, spec: podManifest(pod).spec });
  } else {
    new ApiObject(chart, pod.name, podManifest(pod));
  }
  return app.synthYaml();
}
