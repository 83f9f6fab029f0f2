/**
 * Guarantees as values: each of QoS class, Pod Security level, probed, Windows and shared process namespace is a
 * `ManifestPromise` (checked by the construct base on the manifest at construction and at synth, wherever the
 * kind nests its pod template, and impossible to switch off), a pod spec type (pod-spec.ts), and, where
 * Kubernetes needs it, a transform of the pod spec props stated here. Any workload kind takes any combination.
 *
 * Why literal flags (`guarantees: { qos: 'Guaranteed', probed: true }`) rather than promise classes combined in a
 * tuple or one class per combination: the flags are what a reader of the manifest asks ("is it Guaranteed?"), and
 * the pod spec type they pick is a plain intersection of named interfaces, readable in a hover (pod-spec.ts).
 * Each flag is a type parameter of its own (`Deployment<'Guaranteed', 'restricted', true>`), not one object type
 * parameter: the arguments are then interned literals, and the checker computes the pod spec type of a combination
 * once per program. Measured with `Program.getInstantiationCount` (what `tsc --extendedDiagnostics` prints) on a consumer
 * file, one more call site costs 6 instantiations, as a workload without guarantees does; with one object type
 * parameter (`Deployment<{ qos: 'Guaranteed'; … }>`) it cost 31, a fresh object type at every call
 * (type-cost.test.ts keeps it at most 10).
 */
import type { KubeObject, PodLike, PodSpecAt } from '../../lib/k8s';
import { podSpecOf } from '../../lib/k8s';
import { checkPodSecurity, checkProbesPresent, checkQosClass, checkSharedProcessNamespace, checkTargetsWindows } from '../../lib/rules';
import type { QosClass } from '../../lib/rules/qos'; // not through the rules' index: see workload.ts
import type { Violation } from '../../lib/violation';
import { withPromise, type CheckOptions, type ManifestPromise } from '../checked-api-object';
import type { Guarantees } from './pod-spec';

export type { Guarantees } from './pod-spec';

/** The kinds whose pods run to completion: "probed" asks their containers for a liveness probe only. */
const RUN_TO_COMPLETION_KINDS: ReadonlySet<string> = new Set(['Job', 'CronJob']);

/** `check` over the manifest's pod spec, wherever its kind nests it; a manifest without one keeps the promise vacuously. */
function onPodSpec(check: (found: PodSpecAt, manifest: KubeObject) => Violation[]): (manifest: KubeObject) => Violation[] {
  return (manifest) => {
    const found = podSpecOf(manifest);
    return found ? check(found, manifest) : [];
  };
}

/** The promise of a QoS class: the manifest's pods are of that class. */
export function qosPromise(qosClass: QosClass): ManifestPromise {
  return { name: `QoS class ${qosClass}`, check: onPodSpec(({ pod, base }) => checkQosClass(pod, qosClass, base)) };
}

/** The promise of a Pod Security Standards level, as `checkPodSecurity` evaluates it. */
export function podSecurityPromise(level: 'baseline' | 'restricted'): ManifestPromise {
  return level === 'restricted' ? restrictedPromise : baselinePromise;
}

/** The promise of the Pod Security Standards' restricted level. */
export const restrictedPromise: ManifestPromise = {
  name: 'Pod Security Standard restricted',
  check: onPodSpec(({ pod, base }) => checkPodSecurity(pod, 'restricted', base)),
};

/** The promise of the Pod Security Standards' baseline level. */
export const baselinePromise: ManifestPromise = {
  name: 'Pod Security Standard baseline',
  check: onPodSpec(({ pod, base }) => checkPodSecurity(pod, 'baseline', base)),
};

/** The promise that every app container has a liveness and a readiness probe (a Job's or CronJob's: a liveness probe). */
export const probedPromise: ManifestPromise = {
  name: 'probed',
  check: onPodSpec(({ pod, base }, manifest) => checkProbesPresent(pod, base, { readiness: !RUN_TO_COMPLETION_KINDS.has(String(manifest.kind)) })),
};

/** The promise that the pods select Windows nodes. */
export const windowsPromise: ManifestPromise = {
  name: 'Windows',
  check: onPodSpec(({ pod, base }) => checkTargetsWindows(pod, base)),
};

/** The promise of a shared process namespace (`shareProcessNamespace: true`, and what it implies). */
export const sharedProcessNamespacePromise: ManifestPromise = {
  name: 'shared process namespace',
  check: onPodSpec(({ pod, base }) => checkSharedProcessNamespace(pod, base)),
};

/** The promises `guarantees` make, in a fixed order (QoS, Pod Security, probed, Windows, shared process namespace). */
export function guaranteePromises(guarantees: Guarantees | undefined): ManifestPromise[] {
  const g = guarantees ?? {};
  const out: ManifestPromise[] = [];
  if (g.qos !== undefined) out.push(qosPromise(g.qos));
  if (g.podSecurity !== undefined) out.push(podSecurityPromise(g.podSecurity));
  if (g.probed === true) out.push(probedPromise);
  if (g.windows === true) out.push(windowsPromise);
  if (g.sharedProcessNamespace === true) out.push(sharedProcessNamespacePromise);
  return out;
}

/** `options` with the promises of `guarantees` added to any it already has. */
export function withGuarantees(options: CheckOptions | undefined, guarantees: Guarantees | undefined): CheckOptions {
  let out: CheckOptions = withPromiseList(options);
  for (const p of guaranteePromises(guarantees)) out = withPromise(out, p);
  return out;
}

/** Only the check options of `options` (often a whole props object). */
function withPromiseList(options: CheckOptions | undefined): CheckOptions {
  return { ...(options?.strict === undefined ? {} : { strict: options.strict }), ...(options?.promises ? { promises: options.promises } : {}) };
}

// ---- transforms ------------------------------------------------------------------------------------------

type Props = Record<string, unknown>;
type ContainerInput = Props & { readonly resources?: unknown; readonly securityContext?: Props; readonly ports?: readonly unknown[] };

/** A Guaranteed container: its one value per resource becomes both `limits` and `requests`. */
export function guaranteedContainer(c: ContainerInput): Props {
  const { resources, ...rest } = c;
  const values = (resources ?? {}) as Props;
  return { ...rest, resources: { limits: { ...values }, requests: { ...values } } };
}

/** A restricted container: `allowPrivilegeEscalation: false`, and `capabilities.drop` containing `ALL` (prepended when missing). */
export function restrictedContainer(c: ContainerInput): Props {
  const sc = (c.securityContext ?? {}) as Props & { capabilities?: { drop?: readonly string[] } };
  const drop = sc.capabilities?.drop ?? [];
  return {
    ...c,
    ports: c.ports ? [...c.ports] : undefined,
    securityContext: {
      ...sc,
      allowPrivilegeEscalation: false,
      capabilities: { ...sc.capabilities, drop: drop.includes('ALL') ? drop : ['ALL', ...drop] },
    },
  };
}

function mapContainers(spec: Props, f: (c: ContainerInput) => Props): Props {
  const containers = spec.containers as readonly ContainerInput[] | undefined;
  const init = spec.initContainers as readonly ContainerInput[] | undefined;
  return { ...spec, containers: containers?.map(f), initContainers: init?.map(f) };
}

/**
 * The pod spec props with what the guarantees need filled in (and nothing else):
 * - shared process namespace: `shareProcessNamespace: true`;
 * - Guaranteed: each container's one value per resource emitted as both `limits` and `requests`;
 * - restricted: `securityContext.runAsNonRoot: true` and `seccompProfile: { type: RuntimeDefault }` unless a profile
 *   is given, and on every container and init container `allowPrivilegeEscalation: false` and `capabilities.drop`
 *   containing `ALL`.
 * Baseline, BestEffort, Burstable, probed and Windows transform nothing: they are checked only.
 */
export function applyGuarantees<Spec extends object>(spec: Spec, guarantees: Guarantees | undefined): Props {
  const g = guarantees ?? {};
  let out = spec as unknown as Props;
  if (g.sharedProcessNamespace === true) out = { shareProcessNamespace: true, ...out };
  if (g.qos === 'Guaranteed') out = mapContainers(out, guaranteedContainer);
  if (g.podSecurity === 'restricted') {
    const { securityContext, containers, initContainers, ...rest } = out as Props & { securityContext?: Props & { seccompProfile?: unknown } };
    out = {
      ...rest,
      securityContext: { ...securityContext, runAsNonRoot: true, seccompProfile: securityContext?.seccompProfile ?? { type: 'RuntimeDefault' } },
      containers: (containers as readonly ContainerInput[] | undefined)?.map(restrictedContainer),
      initContainers: (initContainers as readonly ContainerInput[] | undefined)?.map(restrictedContainer),
    };
  }
  return out;
}

/** The pod spec of a manifest as a `PodLike` (for `qosClassOf` and friends), wherever the kind nests it. */
export function podOf(manifest: KubeObject): PodLike | undefined {
  return podSpecOf(manifest)?.pod;
}
