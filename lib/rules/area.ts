/**
 * What an area of rules is: its rule table, and the checks that run those rules — over one pod spec, over one
 * whole object, over a set of objects. The areas themselves are one list, in areas.ts.
 */
import type { KubeObject, PodLike } from '../k8s';
import type { RuleOptions } from '../kubernetes-version';
import type { Rule, Violation } from '../violation';
import type { StreamingAppCheck } from './app-check';

/** What a pod check knows besides the pod spec: the target Kubernetes version, and the object holding the pod spec (a StatefulSet's claim templates …). */
export interface PodContext extends RuleOptions {
  readonly object?: KubeObject;
}
/** A rule over one pod spec found at `base` inside a manifest. */
export type PodCheck = (pod: PodLike, base: string, context: PodContext) => Violation[];
/** A rule over one whole object. */
export type ObjectCheck = (obj: KubeObject, options: RuleOptions) => Violation[];

/** An area's rules by key (`resourceRules`), each made by `defineRule`. */
export interface RuleTable {
  readonly [key: string]: Rule<string, never>;
}

/** One area of rules and the checks that run them; an area without a check runs its rules elsewhere (a guarantee, an explicit call). */
export interface Area {
  /** The area's name, as `podkit rules` lists it. */
  readonly name: string;
  /** Every rule of the area. */
  readonly rules: RuleTable;
  /** Runs on every pod spec (a Pod's, a workload's template). */
  readonly pod?: PodCheck;
  /** Runs on every object. */
  readonly object?: ObjectCheck;
  /** Runs once on the whole set of objects (an app, the linted files). */
  readonly app?: StreamingAppCheck;
}
