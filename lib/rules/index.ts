/**
 * Every single-object rule, run over any manifest: the entry point shared by the constructs and the linter.
 * Each area contributes a pod check (over a pod spec at a path) or an object check (over a whole object).
 */
import { podSpecOf, type KubeObject, type PodLike } from '../k8s';
import type { Violation } from '../violation';
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

/** What a pod check may know about the object holding the pod spec (a StatefulSet's claim templates …). */
export interface PodContext {
  readonly object?: KubeObject;
}
/** A rule over one pod spec found at `base` inside a manifest. */
export type PodCheck = (pod: PodLike, base: string, context?: PodContext) => Violation[];
/** A rule over one whole object. */
export type ObjectCheck = (obj: KubeObject) => Violation[];

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
];

/** The whole-object checks of every area. */
export const OBJECT_CHECKS: readonly ObjectCheck[] = [
  (obj) => checkObjectMeta(obj),
  checkDeployment,
  checkConfigMap,
  checkYamlStrings,
];

/** Runs every pod check on one pod spec. */
export function checkPod(pod: PodLike, base = 'spec', context?: PodContext): Violation[] {
  const out: Violation[] = [];
  for (const check of POD_CHECKS) appendAll(out, check(pod, base, context));
  return out;
}

/** Runs every single-object rule on a manifest object: its metadata, its pod spec if it has one, and its own kind's rules. */
export function checkObject(obj: KubeObject): Violation[] {
  const out: Violation[] = [];
  for (const check of OBJECT_CHECKS) appendAll(out, check(obj));
  const found = podSpecOf(obj);
  if (found) appendAll(out, checkPod(found.pod, found.base, { object: obj }));
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
