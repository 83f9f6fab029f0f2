/**
 * Volumes and volume mounts.
 *
 * "Volumes … are declared in `.spec.volumes` and mounted into containers in `.spec.containers[*].volumeMounts`":
 * every mount names a declared volume; volume names are DNS labels, unique in the pod, each with exactly one
 * source; a container mounts at most once per mountPath; subPath, item paths and projected paths are relative
 * and never contain `..`; file modes are 0..0777. (mountPath need not be absolute: the API server does not check.)
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-volume-storage/
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-projected-volume-storage/
 */
import { REFERENCE, docsUrl } from '../docs';
import { containersOf, type KubeObject, type DownwardAPIVolumeFile, type KeyToPath, type PodLike, type Volume, type VolumeProjection } from '../k8s';
import { dns1123LabelErrors } from '../names';
import { fieldPath, withIndexedPath } from '../path';
import { defineRule, goQuote, type Violation } from '../violation';
import { checkFieldSelector, type FieldSelectorRules } from './env';
import { listedObjects } from './listed';

const VOLUMES = docsUrl('configure-volume-storage');
const PROJECTED = docsUrl('configure-projected-volume-storage');
const CONFIGMAP_VOLUME = docsUrl('configure-pod-configmap', 'ボリュームにconfigmapデータを追加する');

/** `fileModeErrorMsg` of the API server. */
const FILE_MODE = 'must be a number between 0 and 0777 (octal), both inclusive';

export const volumeRules = {
  nameRequired: defineRule('volumes/name-required', REFERENCE.volumes, () => 'Required value'),
  nameInvalid: defineRule('volumes/name-invalid', REFERENCE.volumes, (name: string, detail: string) => `Invalid value: ${goQuote(name)}: ${detail}`),
  nameDuplicate: defineRule('volumes/name-duplicate', REFERENCE.volumes, (name: string) => `Duplicate value: ${goQuote(name)}`),
  sourceRequired: defineRule(
    'volumes/source-required',
    REFERENCE.volumes,
    (fields: string) => `Required value: must specify a volume type (${fields} is not a volume source: the API server drops it and makes this an emptyDir)`,
  ),
  sourceMultiple: defineRule('volumes/source-multiple', REFERENCE.volumes, () => 'Forbidden: may not specify more than 1 volume type'),
  mountNameRequired: defineRule('volumes/mount-name-required', VOLUMES, () => 'Required value'),
  mountNotFound: defineRule('volumes/mount-not-found', VOLUMES, (name: string) => `Not found: ${goQuote(name)}`),
  mountPathRequired: defineRule('volumes/mount-path-required', VOLUMES, () => 'Required value'),
  mountPathDuplicate: defineRule('volumes/mount-path-duplicate', VOLUMES, (p: string) => `Invalid value: ${goQuote(p)}: must be unique`),
  pathNotRelative: defineRule('volumes/path-not-relative', VOLUMES, (p: string) => `Invalid value: ${goQuote(p)}: must be a relative path`),
  pathBackstep: defineRule('volumes/path-backstep', VOLUMES, (p: string) => `Invalid value: ${goQuote(p)}: must not contain '..'`),
  pathDotDotPrefix: defineRule('volumes/path-dot-dot-prefix', VOLUMES, (p: string) => `Invalid value: ${goQuote(p)}: must not start with '..'`),
  subPathExclusive: defineRule('volumes/sub-path-exclusive', REFERENCE.subPath, (expr: string) => `Invalid value: ${goQuote(expr)}: subPathExpr and subPath are mutually exclusive`),
  fieldRequired: defineRule('volumes/field-required', CONFIGMAP_VOLUME, () => 'Required value'),
  modeInvalid: defineRule('volumes/mode-invalid', CONFIGMAP_VOLUME, (mode: number) => `Invalid value: ${mode}: ${FILE_MODE}`),
  projectionSourceMultiple: defineRule('volumes/projection-source-multiple', PROJECTED, () => 'Forbidden: may not specify more than 1 volume type per source'),
  projectionPathConflict: defineRule('volumes/projection-path-conflict', PROJECTED, (p: string) => `Invalid value: ${goQuote(p)}: conflicting duplicate paths`),
  tokenExpirationTooShort: defineRule('volumes/token-expiration-too-short', REFERENCE.projectedToken, (s: number) => `Invalid value: ${s}: may not specify a duration less than 10 minutes`),
  tokenExpirationTooLong: defineRule('volumes/token-expiration-too-long', REFERENCE.projectedToken, (s: number) => `Invalid value: ${s}: may not specify a duration larger than 2^32 seconds`),
  downwardFieldPathRequired: defineRule('volumes/downward-api-field-path-required', PROJECTED, () => 'Required value'),
  downwardFieldPathInvalid: defineRule(
    'volumes/downward-api-field-path-invalid',
    PROJECTED,
    (fieldPathValue: string, error: string) => `Invalid value: ${goQuote(fieldPathValue)}: error converting fieldPath: ${error}`,
  ),
  downwardFieldPathUnsupported: defineRule(
    'volumes/downward-api-field-path-unsupported',
    PROJECTED,
    (fieldPathValue: string) => `Unsupported value: ${goQuote(fieldPathValue)}: supported values: ${VOLUME_FIELD_PATHS.map(goQuote).join(', ')}`,
  ),
  downwardFieldPathSubscriptInvalid: defineRule('volumes/downward-api-field-path-subscript-invalid', PROJECTED, (key: string, detail: string) => `Invalid value: ${goQuote(key)}: ${detail}`),
  downwardSourceCount: defineRule('volumes/downward-api-source', PROJECTED, () => 'Required value: one of fieldRef and resourceFieldRef is required'),
  downwardSourceBoth: defineRule(
    'volumes/downward-api-source-both',
    PROJECTED,
    () => 'Invalid value: "resource": fieldRef and resourceFieldRef can not be specified simultaneously',
  ),
};

const SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi',
  'ephemeral', 'image',
] as const;

/** `validateLocalDescendingPath`: relative, with no `..` element. */
export function checkDescendingPath(p: string, at: string): Violation[] {
  const out: Violation[] = [];
  if (p.startsWith('/')) out.push(volumeRules.pathNotRelative.at(at, p));
  // split on '/' only: `filepath.ToSlash` changes nothing on the Linux the API server runs on, so `a\..\b` passes
  if (p.split('/').includes('..')) out.push(volumeRules.pathBackstep.at(at, p));
  return out;
}

/** `validateLocalNonReservedPath`: a descending path that also does not start with `..`. */
export function checkNonReservedPath(p: string, at: string): Violation[] {
  const out = checkDescendingPath(p, at);
  if (p.startsWith('..') && !p.startsWith('../')) out.push(volumeRules.pathDotDotPrefix.at(at, p));
  return out;
}

function checkMode(mode: number | undefined, at: string): Violation[] {
  return mode !== undefined && (mode < 0 || mode > 0o777) ? [volumeRules.modeInvalid.at(at, mode)] : [];
}

/** Items of a configMap/secret volume or projection: key and path required, path relative, mode 0..0777. */
export function checkKeyToPaths(items: readonly KeyToPath[] | undefined, at: string): Violation[] {
  const out: Violation[] = [];
  listedObjects(items).forEach((item, i) => {
    const base = fieldPath(at, i);
    if (!item.key) out.push(volumeRules.fieldRequired.at(`${base}.key`));
    if (!item.path) out.push(volumeRules.fieldRequired.at(`${base}.path`));
    else out.push(...checkNonReservedPath(item.path, `${base}.path`));
    out.push(...checkMode(item.mode, `${base}.mode`));
  });
  return out;
}

/** `validVolumeDownwardAPIFieldPathExpressions`, sorted as the API server lists them (subscripted labels and annotations too). */
const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'] as const;

const VOLUME_FIELD_SELECTOR: FieldSelectorRules = {
  expressions: VOLUME_FIELD_PATHS,
  required: (path) => volumeRules.downwardFieldPathRequired.at(path),
  notConvertible: (path, fp, error) => volumeRules.downwardFieldPathInvalid.at(path, fp, error),
  unsupported: (path, fp) => volumeRules.downwardFieldPathUnsupported.at(path, fp),
  subscriptInvalid: (path, key, detail) => volumeRules.downwardFieldPathSubscriptInvalid.at(path, key, detail),
};

function checkDownwardFiles(items: readonly DownwardAPIVolumeFile[] | undefined, at: string): Violation[] {
  const out: Violation[] = [];
  listedObjects(items).forEach((item, i) => {
    const base = fieldPath(at, i);
    if (!item.path) out.push(volumeRules.fieldRequired.at(`${base}.path`));
    else out.push(...checkNonReservedPath(item.path, `${base}.path`));
    out.push(...checkMode(item.mode, `${base}.mode`));
    if (item.fieldRef) out.push(...checkFieldSelector(item.fieldRef, `${base}.fieldRef`, VOLUME_FIELD_SELECTOR));
    if (item.fieldRef && item.resourceFieldRef) out.push(volumeRules.downwardSourceBoth.at(base));
    else if (!item.fieldRef && !item.resourceFieldRef) out.push(volumeRules.downwardSourceCount.at(base));
  });
  return out;
}

/** Paths a projection writes (for the duplicate-path check). */
function projectedPaths(source: VolumeProjection): string[] {
  if (source.serviceAccountToken) return [source.serviceAccountToken.path];
  if (source.downwardAPI) return listedObjects(source.downwardAPI.items).map((i) => i.path);
  return listedObjects(source.secret?.items ?? source.configMap?.items).map((i) => i.path);
}

function checkProjected(volume: Volume, at: string): Violation[] {
  const out: Violation[] = [];
  const projected = volume.projected ?? {};
  out.push(...checkMode(projected.defaultMode, `${at}.defaultMode`));
  const seen = new Set<string>();
  listedObjects(projected.sources).forEach((source, i) => {
    const base = fieldPath(`${at}.sources`, i);
    const kinds = (['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle'] as const).filter((k) => source[k] !== undefined);
    if (kinds.length > 1) out.push(volumeRules.projectionSourceMultiple.at(base));
    if (source.secret) {
      if (!source.secret.name) out.push(volumeRules.fieldRequired.at(`${base}.secret.name`));
      out.push(...checkKeyToPaths(source.secret.items, `${base}.secret.items`));
    }
    if (source.configMap) {
      if (!source.configMap.name) out.push(volumeRules.fieldRequired.at(`${base}.configMap.name`));
      out.push(...checkKeyToPaths(source.configMap.items, `${base}.configMap.items`));
    }
    if (source.downwardAPI) out.push(...checkDownwardFiles(source.downwardAPI.items, `${base}.downwardAPI.items`));
    const token = source.serviceAccountToken;
    if (token) {
      const tp = `${base}.serviceAccountToken`;
      if (!token.path) out.push(volumeRules.fieldRequired.at(`${tp}.path`));
      else out.push(...checkNonReservedPath(token.path, `${tp}.path`));
      // `expirationSeconds: null` is decoded as unset, and defaulted to an hour
      const s: number | null | undefined = token.expirationSeconds;
      if (typeof s === 'number' && s < 600) out.push(volumeRules.tokenExpirationTooShort.at(`${tp}.expirationSeconds`, s));
      if (typeof s === 'number' && s > 2 ** 32) out.push(volumeRules.tokenExpirationTooLong.at(`${tp}.expirationSeconds`, s));
    }
    for (const p of projectedPaths(source)) {
      if (!p) continue;
      if (seen.has(p)) out.push(volumeRules.projectionPathConflict.at(base, p));
      seen.add(p);
    }
  });
  return out;
}

const KNOWN_FIELDS = new Set<string>(['name', ...SOURCES]);

function checkVolumeSource(volume: Volume, at: string): Violation[] {
  const out: Violation[] = [];
  const present = SOURCES.filter((s) => volume[s] !== undefined && volume[s] !== null);
  if (present.length === 0) {
    // A volume with only a name is an emptyDir: the API server defaults a volume without a source to
    // `emptyDir: {}` (SetDefaults_Volume). Only fields that are no source at all (a misspelt `emptydir`) lose
    // what the author meant.
    const unknown = Object.keys(volume).filter((k) => !KNOWN_FIELDS.has(k));
    if (unknown.length > 0) out.push(volumeRules.sourceRequired.at(at, unknown.map((k) => JSON.stringify(k)).join(', ')));
  }
  for (const extra of present.slice(1)) out.push(volumeRules.sourceMultiple.at(`${at}.${extra}`));
  if (volume.configMap) {
    if (!volume.configMap.name) out.push(volumeRules.fieldRequired.at(`${at}.configMap.name`));
    out.push(...checkMode(volume.configMap.defaultMode, `${at}.configMap.defaultMode`));
    out.push(...checkKeyToPaths(volume.configMap.items, `${at}.configMap.items`));
  }
  if (volume.secret) {
    out.push(...checkMode(volume.secret.defaultMode, `${at}.secret.defaultMode`));
    out.push(...checkKeyToPaths(volume.secret.items, `${at}.secret.items`));
  }
  if (volume.downwardAPI) {
    out.push(...checkMode(volume.downwardAPI.defaultMode, `${at}.downwardAPI.defaultMode`));
    out.push(...checkDownwardFiles(volume.downwardAPI.items, `${at}.downwardAPI.items`));
  }
  if (volume.projected) out.push(...checkProjected(volume, `${at}.projected`));
  return out;
}

/**
 * The volumes a StatefulSet's controller adds to each Pod, one per `volumeClaimTemplates` entry, named after
 * the claim template: containers mount them by that name.
 * https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#volume-claim-templates
 */
export function claimTemplateVolumes(object: KubeObject | undefined): string[] {
  if (object?.kind !== 'StatefulSet') return [];
  const templates = (object.spec as { volumeClaimTemplates?: unknown } | undefined)?.volumeClaimTemplates;
  if (!Array.isArray(templates)) return [];
  return templates.map((t) => (t as { metadata?: { name?: unknown } } | null)?.metadata?.name).filter((n): n is string => typeof n === 'string' && n !== '');
}

/** An unset or empty list (anything else is walked as the list it should be). */
function isNone(list: unknown): boolean {
  return list === undefined || list === null || (Array.isArray(list) && list.length === 0);
}

/** Checks the pod's volumes and every container's volume mounts (a StatefulSet's claim templates count as volumes). */
export function checkVolumes(pod: PodLike, base = 'spec', context?: { readonly object?: KubeObject }): Violation[] {
  // no volume and no mount (most pods): nothing to check, no set to build
  if (isNone(pod.spec.volumes) && containersOf(pod.spec).every(({ container }) => isNone(container.volumeMounts))) return [];
  const out: Violation[] = [];
  const valid = new Set<string>(claimTemplateVolumes(context?.object));
  const seen = new Set<string>();
  listedObjects(pod.spec.volumes).forEach((volume, i) => {
    const at = fieldPath(`${base}.volumes`, i);
    const errs: Violation[] = [];
    if (!volume.name) errs.push(volumeRules.nameRequired.at(`${at}.name`));
    else {
      for (const detail of dns1123LabelErrors(volume.name)) errs.push(volumeRules.nameInvalid.at(`${at}.name`, volume.name, detail));
      if (seen.has(volume.name)) errs.push(volumeRules.nameDuplicate.at(`${at}.name`, volume.name));
      seen.add(volume.name);
    }
    errs.push(...checkVolumeSource(volume, at));
    // the API server counts an invalid volume as missing when it checks mounts
    if (errs.length === 0) valid.add(volume.name);
    out.push(...errs);
  });
  for (const { container, rel } of containersOf(pod.spec)) {
    const paths = new Set<string>();
    const mounts = `${base}.${rel}.volumeMounts`;
    listedObjects(container.volumeMounts).forEach((mount, i) => {
      const at = fieldPath(mounts, i);
      // Four independent checks, as upstream has them (v1.31.1 lines 2911-2923): an empty name is also not found, and
      // a second empty mountPath is also not unique.
      const name = mount.name ?? '';
      const mountPath = mount.mountPath ?? '';
      if (name === '') out.push(volumeRules.mountNameRequired.at(`${at}.name`));
      if (name === '' || !valid.has(name)) out.push(volumeRules.mountNotFound.at(`${at}.name`, name));
      if (mountPath === '') out.push(volumeRules.mountPathRequired.at(`${at}.mountPath`));
      if (paths.has(mountPath)) out.push(volumeRules.mountPathDuplicate.at(`${at}.mountPath`, mountPath));
      paths.add(mountPath);
      // Upstream's relative-path and '..' findings carry no mount index: ValidateVolumeMounts passes
      // `fldPath.Child("subPath")` and `fldPath.Child("subPathExpr")` to validateLocalDescendingPath, fldPath being the
      // container's `volumeMounts`, while its mutual-exclusion check (like the name and mountPath checks) uses
      // `fldPath.Index(i)` (pkg/apis/core/validation/validation.go, v1.31.1 lines 2945-2955, unchanged in later upstream).
      // Each finding also carries the indexed path, so that the linter points at this mount's own line.
      if (mount.subPath) for (const v of checkDescendingPath(mount.subPath, `${mounts}.subPath`)) out.push(withIndexedPath(v, `${at}.subPath`));
      if (mount.subPathExpr) {
        if (mount.subPath) out.push(volumeRules.subPathExclusive.at(`${at}.subPathExpr`, mount.subPathExpr));
        for (const v of checkDescendingPath(mount.subPathExpr, `${mounts}.subPathExpr`)) out.push(withIndexedPath(v, `${at}.subPathExpr`));
      }
    });
  }
  return out;
}
