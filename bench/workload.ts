/**
 * The benchmark's workload: a deterministic mix of pods (resources, probes, security contexts, ConfigMap
 * env references) plus the ConfigMaps they reference, described once and emitted by every variant.
 *
 * The description is neutral (numbers, not strings) so that the cdk8s-plus-28 variant can be built from
 * the same data with its own types; `podManifest` gives the wire manifest the other variants emit.
 */
import type { LivenessProbeWire, ReadinessProbeWire } from '../constructs/probe';
import type { ConfigMapObject, Container, PodSecurityContext, SecurityContext } from '../lib/k8s';

/** One probe of the workload, in the three handler kinds every variant can express. */
export type BenchProbe =
  | { readonly kind: 'httpGet'; readonly path: string; readonly port: number; readonly initialDelaySeconds: number; readonly periodSeconds: number }
  | { readonly kind: 'tcpSocket'; readonly port: number; readonly initialDelaySeconds: number; readonly periodSeconds: number }
  | { readonly kind: 'exec'; readonly command: readonly string[]; readonly initialDelaySeconds: number; readonly periodSeconds: number };

/** An environment variable: a literal value or a ConfigMap key reference. */
export type BenchEnv = { readonly name: string; readonly value: string } | { readonly name: string; readonly configMap: string; readonly key: string };

export interface BenchContainer {
  readonly name: string;
  readonly image: string;
  readonly port?: number;
  /** Millicores. */
  readonly cpu?: { readonly request: number; readonly limit?: number };
  /** Mebibytes. */
  readonly memory?: { readonly request: number; readonly limit?: number };
  readonly liveness?: BenchProbe;
  readonly readiness?: BenchProbe;
  readonly securityContext?: { readonly runAsUser: number; readonly runAsGroup: number; readonly runAsNonRoot: boolean; readonly readOnlyRootFilesystem: boolean; readonly allowPrivilegeEscalation: boolean };
  readonly env?: readonly BenchEnv[];
}

export interface BenchPod {
  readonly name: string;
  readonly containers: readonly BenchContainer[];
  readonly securityContext?: { readonly runAsUser: number; readonly runAsGroup: number; readonly fsGroup: number };
}

export interface BenchConfigMap {
  readonly name: string;
  readonly data: Readonly<Record<string, string>>;
}

/** One ConfigMap per this many pods. */
const PODS_PER_CONFIG_MAP = 100;
const KEYS_PER_CONFIG_MAP = 5;

const configMapName = (i: number): string => `app-config-${String(i).padStart(4, '0')}`;

/** The ConfigMaps the pods of a workload of `pods` pods reference. */
export function benchConfigMaps(pods: number): BenchConfigMap[] {
  const count = Math.max(1, Math.ceil(pods / PODS_PER_CONFIG_MAP));
  return Array.from({ length: count }, (_, i) => ({
    name: configMapName(i),
    data: Object.fromEntries(Array.from({ length: KEYS_PER_CONFIG_MAP }, (_, k) => [`key-${k}`, `value-${i}-${k}`])),
  }));
}

function probe(i: number, port: number): BenchProbe {
  switch (i % 3) {
    case 0:
      return { kind: 'httpGet', path: '/healthz', port, initialDelaySeconds: 3, periodSeconds: 3 };
    case 1:
      return { kind: 'tcpSocket', port, initialDelaySeconds: 5, periodSeconds: 10 };
    default:
      return { kind: 'exec', command: ['cat', '/tmp/healthy'], initialDelaySeconds: 5, periodSeconds: 5 };
  }
}

function container(i: number, j: number): BenchContainer {
  const port = 8080 + j;
  const mix = (i + j) % 8;
  return {
    name: j === 0 ? 'app' : `sidecar-${j}`,
    image: j === 0 ? `registry.example.com/app:${1 + (i % 20)}.0` : 'registry.example.com/proxy:1.4',
    port,
    cpu: mix % 4 === 3 ? undefined : { request: 100 + 50 * (i % 10), limit: mix % 2 === 0 ? 500 + 100 * (i % 10) : undefined },
    memory: mix % 4 === 3 ? undefined : { request: 64 * (1 + (i % 4)), limit: 512 },
    liveness: mix < 6 ? probe(i, port) : undefined,
    readiness: mix % 2 === 0 ? probe(i + 1, port) : undefined,
    securityContext: mix % 3 === 0 ? undefined : { runAsUser: 1000, runAsGroup: 3000, runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
    env: [
      { name: 'LOG_LEVEL', value: i % 2 === 0 ? 'info' : 'debug' },
      { name: 'APP_COLOR', configMap: configMapName(Math.floor(i / PODS_PER_CONFIG_MAP)), key: `key-${i % KEYS_PER_CONFIG_MAP}` },
      ...(mix % 2 === 0 ? [{ name: 'APP_MODE', configMap: configMapName(Math.floor(i / PODS_PER_CONFIG_MAP)), key: `key-${(i + 1) % KEYS_PER_CONFIG_MAP}` }] : []),
    ],
  };
}

/** The `n` pods of the workload; the same `n` always gives the same pods. */
export function benchPods(n: number): BenchPod[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `pod-${String(i).padStart(5, '0')}`,
    containers: Array.from({ length: 1 + (i % 3 === 0 ? 1 : 0) }, (_, j) => container(i, j)),
    securityContext: i % 2 === 0 ? { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000 } : undefined,
  }));
}

/** A wire probe both a liveness and a readiness probe may be (one handler, no successThreshold or grace period). */
type WireProbe = LivenessProbeWire & ReadinessProbeWire;

function wireProbe(p: BenchProbe): WireProbe {
  const timing = { initialDelaySeconds: p.initialDelaySeconds, periodSeconds: p.periodSeconds };
  switch (p.kind) {
    case 'httpGet':
      return { httpGet: { path: p.path, port: p.port }, ...timing };
    case 'tcpSocket':
      return { tcpSocket: { port: p.port }, ...timing };
    case 'exec':
      return { exec: { command: [...p.command] }, ...timing };
  }
}

/** Requests or limits as the workload writes them: millicores and mebibytes. */
export type WireResourceList = {
  cpu?: `${number}m`;
  memory?: `${number}Mi`;
};

/** A container of the workload in wire form, typed tightly enough to be podkit `ContainerProps` too. */
export type WireContainer = Pick<Container, 'name' | 'ports' | 'env'> & {
  image: string;
  resources?: { requests?: WireResourceList; limits?: WireResourceList };
  livenessProbe?: WireProbe;
  readinessProbe?: WireProbe;
  securityContext?: Pick<SecurityContext, 'runAsUser' | 'runAsGroup' | 'runAsNonRoot' | 'readOnlyRootFilesystem' | 'allowPrivilegeEscalation'>;
};

/** A pod of the workload in wire form. */
export interface WirePod {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: { name: string };
  spec: { containers: WireContainer[]; securityContext?: Pick<PodSecurityContext, 'runAsUser' | 'runAsGroup' | 'fsGroup'> };
}

/** A ConfigMap of the workload in wire form. */
export interface WireConfigMap extends ConfigMapObject {
  apiVersion: 'v1';
  kind: 'ConfigMap';
}

/** A container's wire form; fields the description leaves out are absent (not `undefined`). */
export function wireContainer(c: BenchContainer): WireContainer {
  const out: WireContainer = { name: c.name, image: c.image };
  if (c.port !== undefined) out.ports = [{ containerPort: c.port }];
  const requests: WireResourceList = {};
  const limits: WireResourceList = {};
  if (c.cpu) {
    requests.cpu = `${c.cpu.request}m`;
    if (c.cpu.limit !== undefined) limits.cpu = `${c.cpu.limit}m`;
  }
  if (c.memory) {
    requests.memory = `${c.memory.request}Mi`;
    if (c.memory.limit !== undefined) limits.memory = `${c.memory.limit}Mi`;
  }
  if (c.cpu || c.memory) out.resources = Object.keys(limits).length > 0 ? { limits, requests } : { requests };
  if (c.liveness) out.livenessProbe = wireProbe(c.liveness);
  if (c.readiness) out.readinessProbe = wireProbe(c.readiness);
  if (c.securityContext) out.securityContext = { ...c.securityContext };
  if (c.env) {
    out.env = c.env.map((e) => ('value' in e ? { name: e.name, value: e.value } : { name: e.name, valueFrom: { configMapKeyRef: { name: e.configMap, key: e.key } } }));
  }
  return out;
}

/** The pod's wire manifest, exactly as the podkit and raw `ApiObject` variants emit it. */
export function podManifest(p: BenchPod): WirePod {
  const spec: WirePod['spec'] = { containers: p.containers.map(wireContainer) };
  if (p.securityContext) spec.securityContext = { ...p.securityContext };
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: p.name }, spec };
}

/** The ConfigMap's wire manifest. */
export function configMapManifest(c: BenchConfigMap): WireConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: c.name }, data: { ...c.data } };
}
