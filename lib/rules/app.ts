/**
 * Rules across objects: a reference from one object to another (a ConfigMap key, a credential spec, a
 * node's capacity) is checked against every object of the app or of the linted files at once.
 * Each cross-object check must be linear (index the objects once, then look up), never quadratic.
 */
import type { KubeObject } from '../k8s';
import type { RuleOptions } from '../kubernetes-version';
import type { Violation } from '../violation';
import { checkGmsaReferences } from './gmsa';
import { checkConfigMapReferences, type ExternalConfigMapRef } from './config-map';
import { checkObject } from './index';
import { checkSecretReferences, type ExternalSecretRef } from './secrets';
import { checkServiceTargetPorts } from './service';

/** Which object a finding is about. */
export interface ObjectRef {
  /** `kind` of the object. */
  readonly kind?: string;
  /** `metadata.name` of the object. */
  readonly name?: string;
  /** `metadata.namespace` of the object. */
  readonly namespace?: string;
  /** Position of the object in the list that was checked. */
  readonly index: number;
}

/** A violation located in one object of a set of objects. */
export interface Finding {
  /** The object the violation is in. */
  readonly object: ObjectRef;
  /** The violation, with its path inside that object. */
  readonly violation: Violation;
}

/** What a cross-object check may know beyond the objects themselves (and the target Kubernetes version). */
export interface AppContext extends RuleOptions {
  /**
   * ConfigMaps declared to live outside the set (a cdk8s app's `ExternalConfigMap`s). When given, a reference
   * to a ConfigMap neither in the set nor declared is reported (`config-map/not-found`); when not (linting
   * files), it cannot be told from one that exists in the cluster, and is not.
   * @default - none: unknown references are not reported
   */
  readonly configMapExternals?: readonly ExternalConfigMapRef[];
  /**
   * Secrets declared to live outside the set (`ExternalSecret`s), as `configMapExternals` for ConfigMaps (`secret/not-found`).
   * @default - none: unknown references are not reported
   */
  readonly secretExternals?: readonly ExternalSecretRef[];
}

/** A rule over a whole set of objects. */
export type AppCheck = (objects: readonly KubeObject[], context?: AppContext) => Finding[];

/** The cross-object checks of every area; one entry per area. */
export const APP_CHECKS: readonly AppCheck[] = [
  (objects) => checkGmsaReferences(objects),
  (objects, context) => checkConfigMapReferences(objects, context?.configMapExternals, context),
  (objects, context) => checkSecretReferences(objects, context?.secretExternals, context),
  (objects) => checkServiceTargetPorts(objects),
];

/** The reference to `objects[index]`. */
export function refOf(obj: KubeObject, index: number): ObjectRef {
  return { kind: obj.kind, name: obj.metadata?.name, namespace: obj.metadata?.namespace, index };
}

/** `Kind/namespace/name` (namespace left out when unset), for messages. */
export function describeRef(ref: ObjectRef): string {
  return [ref.kind ?? '?', ref.namespace, ref.name ?? '?'].filter((p) => p !== undefined).join('/');
}

/** Runs only the cross-object checks. */
export function checkApp(objects: readonly KubeObject[], context?: AppContext): Finding[] {
  return APP_CHECKS.flatMap((check) => check(objects, context));
}

/** Every rule over a set of objects: each object's own rules, then the cross-object ones, for the target version of `options`. */
export function lintObjects(objects: readonly KubeObject[], options: RuleOptions = {}): Finding[] {
  const out: Finding[] = [];
  objects.forEach((obj, index) => {
    for (const violation of checkObject(obj, options)) out.push({ object: refOf(obj, index), violation });
  });
  out.push(...checkApp(objects, options));
  return out;
}
