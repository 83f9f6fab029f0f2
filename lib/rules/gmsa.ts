/**
 * Windows GMSA credential specs and the pods that use them.
 *
 * "Podのspecのフィールド`securityContext.windowsOptions.gmsaCredentialSpecName`は、要求されたGMSA資格情報仕様の
 * カスタムリソースに対する参照を…指定するために使用されます" — the GMSA webhook resolves that name to a
 * GMSACredentialSpec object and checks the pod's service account may `use` it. Names are case-sensitive (and a
 * custom resource name must be a lowercase DNS subdomain), so a reference must name a credential spec exactly.
 * The API server does not check this; the webhook does, at admission. These rules check it at synth: every
 * reference must name a GMSACredentialSpec among the objects checked, unless the referring object declares the
 * name external (managed outside the app).
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-gmsa/
 */
import { docsUrl } from '../docs';
import { containersOf, podSpecOf, type KubeObject, type PodLike } from '../k8s';
import { fieldPath } from '../path';
import { defineRule, goQuote, type Violation } from '../violation';
import { refOf, type Finding, type ObjectRef } from './finding';
import { runAppCheck, type StreamingAppCheck } from './app-check';

const REFERENCE = docsUrl('configure-gmsa', 'podのspec内で参照するgmsa資格情報仕様の設定');

/** The GMSACredentialSpec kind and its API group. */
export const GMSA_KIND = 'GMSACredentialSpec';
export const GMSA_GROUP = 'windows.k8s.io';

export const gmsaRules = {
  credentialSpecNotFound: defineRule(
    'gmsa/credential-spec-not-found',
    REFERENCE,
    (name: string) => `Not found: ${goQuote(name)}: no GMSACredentialSpec of this name among the objects; declare it external if it is managed outside this app`,
  ),
  credentialSpecNameCase: defineRule(
    'gmsa/credential-spec-name-case',
    REFERENCE,
    (name: string, actual: string) =>
      `Not found: ${goQuote(name)}: differs only in case from GMSACredentialSpec ${goQuote(actual)}; credential spec names are case-sensitive`,
  ),
  /** Ours: a credential spec only means something to a Windows container runtime. */
  notOnWindowsNodes: defineRule(
    'gmsa/not-on-windows-nodes',
    REFERENCE,
    () => 'podkit: a GMSA credential spec only takes effect on Windows nodes; select them with nodeSelector kubernetes.io/os: windows or spec.os.name: windows',
    'warning',
  ),
  /** RBAC object names are path segments (`ValidateRBACName`), not DNS names: upper case is allowed. */
  rbacNameInvalid: defineRule(
    'gmsa/rbac-name-invalid',
    docsUrl('configure-gmsa', '指定されたgmsa資格情報仕様上にrbacを有効にするためのクラスターロールの設定'),
    (name: string, detail: string) => `Invalid value: ${goQuote(name)}: ${detail}`,
  ),
  /** The promise of a Windows workload construct: its pods are scheduled on Windows nodes only. */
  windowsNodesRequired: defineRule(
    'gmsa/windows-nodes-required',
    REFERENCE,
    () => 'the pods were declared to run on Windows but select no Windows nodes (nodeSelector kubernetes.io/os: windows, spec.os.name: windows or a required node affinity on kubernetes.io/os In [windows])',
  ),
};

/**
 * Where an in-memory manifest declares references to objects managed outside the app. A non-enumerable
 * symbol property: never written to YAML, and absent from manifests read from files.
 */
export const EXTERNAL_REFERENCES: unique symbol = Symbol.for('cdk8s-podkit.externalReferences');

/** References a manifest makes to objects that the app does not contain, on purpose. */
export interface ExternalReferences {
  /** GMSACredentialSpec names applied to the cluster by other means (e.g. by a cluster admin with kubectl). */
  readonly gmsaCredentialSpecNames?: readonly string[];
}

/** Attaches an external-reference declaration to a manifest (in memory only) and returns the manifest. */
export function declareExternalReferences<T extends object>(manifest: T, refs: ExternalReferences): T {
  Object.defineProperty(manifest, EXTERNAL_REFERENCES, { value: refs, enumerable: false, configurable: true });
  return manifest;
}

/** The external references a manifest declares, if any. */
export function externalReferencesOf(manifest: object): ExternalReferences {
  return ((manifest as { [EXTERNAL_REFERENCES]?: ExternalReferences })[EXTERNAL_REFERENCES] ?? {}) as ExternalReferences;
}

/** A credential spec reference found in a pod spec. */
export interface GmsaReference {
  readonly name: string;
  readonly path: string;
}

/** Every `gmsaCredentialSpecName` of a pod spec at `base`: the pod's, then each container's. */
export function gmsaReferencesOf(pod: PodLike, base = 'spec'): GmsaReference[] {
  const out: GmsaReference[] = [];
  const podName = pod.spec.securityContext?.windowsOptions?.gmsaCredentialSpecName;
  if (typeof podName === 'string') out.push({ name: podName, path: fieldPath(base, 'securityContext', 'windowsOptions', 'gmsaCredentialSpecName') });
  for (const { container, rel } of containersOf(pod.spec)) {
    const name = container.securityContext?.windowsOptions?.gmsaCredentialSpecName;
    if (typeof name === 'string') out.push({ name, path: `${base}.${rel}.securityContext.windowsOptions.gmsaCredentialSpecName` });
  }
  return out;
}

const isGmsaSpec = (obj: KubeObject) => obj.kind === GMSA_KIND && typeof obj.apiVersion === 'string' && obj.apiVersion.startsWith(`${GMSA_GROUP}/`);

/**
 * Cross-object check: each credential spec reference names a GMSACredentialSpec among `objects` exactly, or is
 * declared external by its object. Linear: the credential specs are indexed once (exact and lower-cased names).
 */
export function checkGmsaReferences(objects: readonly KubeObject[]): Finding[] {
  return runAppCheck(gmsaAppCheck(), objects);
}

/** {@link checkGmsaReferences} fed one object at a time: the credential specs' names and each pod's references are kept. */
export const gmsaAppCheck: StreamingAppCheck = () => {
  const exact = new Set<string>();
  const folded = new Map<string, string>();
  const refs: { object: ObjectRef; ref: GmsaReference }[] = [];
  return {
    add(obj, index) {
      const name = obj.metadata?.name;
      if (isGmsaSpec(obj) && typeof name === 'string') {
        exact.add(name);
        if (!folded.has(name.toLowerCase())) folded.set(name.toLowerCase(), name);
      }
      const found = podSpecOf(obj);
      if (!found) return;
      const own = gmsaReferencesOf(found.pod, found.base);
      if (own.length === 0) return;
      const external = new Set(externalReferencesOf(obj).gmsaCredentialSpecNames ?? []);
      const object = refOf(obj, index);
      for (const ref of own) if (!external.has(ref.name)) refs.push({ object, ref });
    },
    finish() {
      const out: Finding[] = [];
      for (const { object, ref } of refs) {
        if (exact.has(ref.name)) continue;
        const other = folded.get(ref.name.toLowerCase());
        const violation = other ? gmsaRules.credentialSpecNameCase.at(ref.path, ref.name, other) : gmsaRules.credentialSpecNotFound.at(ref.path, ref.name);
        out.push({ object, violation });
      }
      return out;
    },
  };
};

/** Whether the pod can only be scheduled on Windows nodes. */
export function targetsWindows(pod: PodLike): boolean {
  if (pod.spec.os?.name === 'windows') return true;
  if (pod.spec.nodeSelector?.['kubernetes.io/os'] === 'windows') return true;
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return (
    Array.isArray(terms) &&
    terms.length > 0 &&
    terms.every((t) => (t.matchExpressions ?? []).some((e) => e.key === 'kubernetes.io/os' && e.operator === 'In' && e.values?.length === 1 && e.values[0] === 'windows'))
  );
}

/** Pod check (ours, a warning): a pod that references a credential spec selects Windows nodes. */
export function checkGmsaPod(pod: PodLike, base = 'spec'): Violation[] {
  const refs = gmsaReferencesOf(pod, base);
  if (refs.length === 0 || targetsWindows(pod)) return [];
  return [gmsaRules.notOnWindowsNodes.at(refs[0]!.path)];
}

/** The promise of a Windows workload: its pods select Windows nodes. */
export function checkTargetsWindows(pod: PodLike, base = 'spec'): Violation[] {
  return targetsWindows(pod) ? [] : [gmsaRules.windowsNodesRequired.at(fieldPath(base, 'nodeSelector'))];
}

/** `path.IsValidPathSegmentName`, the API server's rule for Role, ClusterRole and binding names. */
export function rbacNameErrors(name: string): string[] {
  if (name === '') return ['name or generateName is required'];
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const out: string[] = [];
  for (const bad of ['/', '%']) if (name.includes(bad)) out.push(`may not contain '${bad}'`);
  return out;
}

/** Checks the name of an RBAC object (ClusterRole, Role, RoleBinding, ClusterRoleBinding) at `metadata.name`. */
export function checkRbacName(name: string, path = 'metadata.name'): Violation[] {
  return rbacNameErrors(name).map((detail) => gmsaRules.rbacNameInvalid.at(path, name, detail));
}
