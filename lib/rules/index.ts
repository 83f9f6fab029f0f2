/**
 * Every single-object rule, run over any manifest: the entry point shared by the constructs and the linter.
 * Each area contributes a pod check (over a pod spec at a path) or an object check (over a whole object).
 */
import { podSpecOf, type KubeObject, type PodLike } from '../k8s';
import type { Violation } from '../violation';
import type { RuleOptions } from '../kubernetes-version';
import { checkExtendedResourceNames } from './extended-resources';
import { checkGmsaPod } from './gmsa';
import { checkContainers, checkObjectMeta } from './objects';
import { checkResources } from './resources';
import { checkNodeSelection } from './scheduling';
import { checkPorts } from './ports';
import { checkProbes } from './probes';
import { checkLifecycle } from './lifecycle';
import { checkInitContainers } from './init-containers';
import { checkPodPolicies } from './pod-policies';
import { checkDeployment } from './deployments';
import { checkSecurityContext } from './security-context';
import { checkConfigMap, checkConfigMapUse } from './config-map';
import { checkVolumes } from './volumes';
import { checkYamlStrings } from './yaml-strings';
import { checkSecret } from './secrets';
import { checkWorkload } from './workloads';
import { checkStatefulSet } from './workloads-statefulset';
import { checkBatchWorkload } from './workloads-jobs';
import { checkService } from './service';
import { checkEnv } from './env';
import { checkMetadata } from './metadata';
import { checkPodFields } from './pod-fields';
import { checkFields } from './fields';
import { checkEnums } from './enums';
import { checkFeatureGates } from './feature-gates';

/** What a pod check knows besides the pod spec: the target Kubernetes version, and the object holding the pod spec (a StatefulSet's claim templates …). */
export interface PodContext extends RuleOptions {
  readonly object?: KubeObject;
}
/** A rule over one pod spec found at `base` inside a manifest. */
export type PodCheck = (pod: PodLike, base: string, context: PodContext) => Violation[];
/** A rule over one whole object. */
export type ObjectCheck = (obj: KubeObject, options: RuleOptions) => Violation[];

/** The pod-spec checks of every area, in the order their findings are listed. */
export const POD_CHECKS: readonly PodCheck[] = [
  checkContainers,
  checkResources,
  checkPorts,
  checkProbes,
  checkLifecycle,
  checkInitContainers,
  checkPodPolicies,
  checkNodeSelection,
  checkExtendedResourceNames,
  checkSecurityContext,
  checkGmsaPod,
  checkConfigMapUse,
  checkVolumes,
  checkEnv,
  checkPodFields,
  checkEnums,
  checkFeatureGates,
];

/** The whole-object checks of every area. */
export const OBJECT_CHECKS: readonly ObjectCheck[] = [
  (obj) => checkObjectMeta(obj),
  checkDeployment,
  checkConfigMap,
  checkYamlStrings,
  checkSecret,
  checkWorkload,
  checkStatefulSet,
  checkBatchWorkload,
  checkService,
  checkMetadata,
  checkFields,
];

/** Runs every pod check on one pod spec, for the target Kubernetes version of `context` (default: the newest). */
export function checkPod(pod: PodLike, base = 'spec', context: PodContext = {}): Violation[] {
  const out: Violation[] = [];
  for (const check of POD_CHECKS) appendAll(out, check(pod, base, context));
  return out;
}

/**
 * Runs every single-object rule on a manifest object: its metadata, its pod spec if it has one, and its own kind's
 * rules, for the target Kubernetes version of `options` (default: the newest).
 */
export function checkObject(obj: KubeObject, options: RuleOptions = {}): Violation[] {
  const out: Violation[] = [];
  for (const check of OBJECT_CHECKS) appendAll(out, check(obj, options));
  const found = podSpecOf(obj);
  if (found) appendAll(out, checkPod(found.pod, found.base, { ...options, object: obj }));
  return out;
}

/** `out.push(...items)` without the spread (this runs for every check of every object; most return nothing). */
function appendAll(out: Violation[], items: readonly Violation[]): void {
  for (let i = 0; i < items.length; i++) out.push(items[i]!);
}

export * from './areas';
export * from './catalog';
export * from './gmsa';
export * from './objects';
export * from './pod-security';
export * from './qos';
export * from './resources';
export * from './scheduling';
export * from './extended-resources';
export * from './schedulability';
export * from './static-pod';
export * from './security-context';
export * from './app';
export * from './handlers';
export * from './ports';
export * from './probes';
export * from './lifecycle';
export * from './init-containers';
export * from './pod-policies';
export * from './deployments';
export * from './config-map';
export * from './volumes';
export * from './yaml';
export * from './yaml-strings';
export * from './secrets';
export * from './workloads';
export * from './workloads-selectors';
export * from './workloads-statefulset';
export * from './workloads-jobs';
export * from './service';
export * from './env';
export * from './metadata';
export * from './pod-fields';
export * from './fields';
export * from './enums';
export * from './feature-gates';
