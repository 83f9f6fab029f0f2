/**
 * Volumes and their mounts, built so that a mount takes the volume object it mounts: its name cannot be
 * mistyped (the `volumes/mount-not-found` rule still checks manifests written by hand).
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-volume-storage/
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-projected-volume-storage/
 */
import type { DownwardAPIVolumeFile, ServiceAccountTokenProjection, Volume, VolumeMount, VolumeProjection } from '../lib/k8s';
import type { QuantityInput } from '../lib/quantity';

/** Options of an emptyDir volume. */
export interface EmptyDirOptions {
  /**
   * `Memory` for a tmpfs; `HugePages` or `HugePages-<size>` (`HugePages-2Mi`) for huge pages (the container then
   * needs a hugepages limit). @default - the node's disk
   */
  readonly medium?: '' | 'Memory' | 'HugePages' | `HugePages-${string}`;
  /**
   * The most the volume may hold: a quantity literal, a number, a `Quantity`, or any `string` (a value read from a
   * file); a negative one fails at synth (`pod/empty-dir-size-limit-negative`). @default - no limit
   */
  readonly sizeLimit?: QuantityInput | string;
}

/** An `emptyDir` volume: empty when the pod starts, kept across container restarts, deleted with the pod. */
export function emptyDirVolume(name: string, options: EmptyDirOptions = {}): Volume {
  return { name, emptyDir: { ...(options.medium !== undefined ? { medium: options.medium } : {}), ...(options.sizeLimit !== undefined ? { sizeLimit: String(options.sizeLimit) } : {}) } };
}

/** A `projected` volume: several sources (secret, configMap, downwardAPI, serviceAccountToken) in one directory. */
export function projectedVolume(name: string, sources: readonly [VolumeProjection, ...VolumeProjection[]], options: { readonly defaultMode?: number } = {}): Volume {
  return { name, projected: { sources: sources.map((s) => ({ ...s })), ...(options.defaultMode !== undefined ? { defaultMode: options.defaultMode } : {}) } };
}

/** A `serviceAccountToken` projection. `path` is relative to the volume. */
export function serviceAccountTokenProjection(token: ServiceAccountTokenProjection): VolumeProjection {
  return { serviceAccountToken: { ...token } };
}

/** A `downwardAPI` projection. */
export function downwardAPIProjection(items: readonly DownwardAPIVolumeFile[]): VolumeProjection {
  return { downwardAPI: { items: items.map((i) => ({ ...i })) } };
}

/**
 * Options of a mount: the fields of a `VolumeMount` besides the volume and the path. Written out rather than
 * `Omit<VolumeMount, …>`, which every user's type check would instantiate again (volumes.test-d.ts keeps them equal).
 */
export interface VolumeMountOptions {
  /** Mount read-only. @default false */
  readonly readOnly?: boolean;
  /** `Enabled` or `IfPossible` make a read-only mount read-only recursively (submounts too). @default "Disabled" */
  readonly recursiveReadOnly?: string;
  /** A path inside the volume to mount instead of its root. @default "" - the volume's root */
  readonly subPath?: string;
  /**
   * As `subPath`, with `$(VAR)` expanded from the container's environment; exclusive with `subPath`.
   * @default "" - the volume's root
   */
  readonly subPathExpr?: string;
  /** How mounts propagate between the host and the container. @default "None" */
  readonly mountPropagation?: string;
}

/** Mounts `volume` (the object, not its name) at `mountPath`. */
export function volumeMount(volume: { readonly name: string }, mountPath: string, options: VolumeMountOptions = {}): VolumeMount {
  return { name: volume.name, mountPath, ...options };
}
