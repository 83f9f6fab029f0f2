/**
 * The pod as the admission controller sees it after decoding and defaulting: YAML `null` is an absent field
 * (Go's nil pointer), a value of the wrong shape is absent rather than a crash, and a volume without a
 * source is an `emptyDir` volume (the API server's `SetDefaults_Volume`).
 */
import type { PodLike } from '../k8s';

/** A JSON object, or nothing. */
export type Fields = Readonly<Record<string, unknown>>;

/** The object at `x`, or undefined for null, arrays and scalars. */
export function fieldsOf(x: unknown): Fields | undefined {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Fields) : undefined;
}

/** The list at `x`, or an empty list. */
export function listOf(x: unknown): readonly unknown[] {
  return Array.isArray(x) ? x : [];
}

/** The string at `x`; `""` when absent, as Go decodes an unset string. */
export function stringOf(x: unknown): string {
  if (typeof x === 'string') return x;
  return x === undefined || x === null ? '' : String(x);
}

/** A container of any list, with its path relative to the pod spec (`['initContainers', 0]`). */
export interface ContainerView {
  readonly name: string;
  readonly at: readonly [string, number];
  readonly fields: Fields;
  /** Its `securityContext`, when set. */
  readonly securityContext: Fields | undefined;
}

/** A volume, with its index and the sources set on it. */
export interface VolumeView {
  readonly name: string;
  readonly index: number;
  /** The source fields set (not null); `['emptyDir']` for a volume written without one. */
  readonly sources: readonly string[];
}

/** What the checks read. */
export interface PodView {
  readonly spec: Fields;
  readonly annotations: ReadonlyMap<string, string>;
  readonly securityContext: Fields | undefined;
  /** Init containers, then containers, then ephemeral containers: the admission controller's order. */
  readonly containers: readonly ContainerView[];
  readonly volumes: readonly VolumeView[];
  /** `spec.os.name` is `windows`. */
  readonly windows: boolean;
  /** `spec.hostUsers` is `false`: the pod runs in its own user namespace. */
  readonly userNamespace: boolean;
}

/** Every volume source of core/v1 `VolumeSource`, by its JSON name. */
export const VOLUME_SOURCES: readonly string[] = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi',
  'ephemeral', 'image',
];

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** Reads a pod (or pod template) the way the admission controller receives it. */
export function viewPod(pod: PodLike): PodView {
  const spec = fieldsOf((pod as unknown as Fields | undefined)?.spec) ?? {};
  const annotations = new Map<string, string>();
  const meta = fieldsOf((pod as unknown as Fields | undefined)?.metadata);
  for (const [k, v] of Object.entries(fieldsOf(meta?.annotations) ?? {})) {
    if (v !== null && v !== undefined) annotations.set(k, stringOf(v));
  }
  const containers: ContainerView[] = [];
  for (const list of CONTAINER_LISTS) {
    listOf(spec[list]).forEach((c, index) => {
      const fields = fieldsOf(c);
      if (fields) containers.push({ name: stringOf(fields.name), at: [list, index], fields, securityContext: fieldsOf(fields.securityContext) });
    });
  }
  const volumes: VolumeView[] = [];
  listOf(spec.volumes).forEach((v, index) => {
    const fields = fieldsOf(v);
    if (!fields) return;
    const sources = VOLUME_SOURCES.filter((s) => fields[s] !== undefined && fields[s] !== null);
    volumes.push({ name: stringOf(fields.name), index, sources: sources.length > 0 ? sources : ['emptyDir'] });
  });
  return {
    spec,
    annotations,
    securityContext: fieldsOf(spec.securityContext),
    containers,
    volumes,
    windows: fieldsOf(spec.os)?.name === 'windows',
    userNamespace: spec.hostUsers === false,
  };
}
