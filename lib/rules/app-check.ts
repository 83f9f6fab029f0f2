/**
 * The shape of a cross-object check and what it may know. A module of its own so the area list (areas.ts) and the
 * areas that make such checks name the type without importing the app-level entry point (app.ts), which imports them.
 */
import type { KubeObject } from '../k8s';
import type { RuleOptions } from '../kubernetes-version';
import type { Finding } from './finding';

/** A ConfigMap that lives outside the app (created with kubectl, by another tool), declared explicitly. */
export interface ExternalConfigMapRef {
  readonly name: string;
  /** @default 'default' */
  readonly namespace?: string;
  /** The keys it is known to hold; when given, key references are checked against them. */
  readonly keys?: readonly string[];
}

/** A Secret that lives outside the app (created with kubectl, by another tool), declared explicitly. */
export interface ExternalSecretRef {
  readonly name: string;
  /** @default 'default' */
  readonly namespace?: string;
  /** The keys it is known to hold; when given, key references are checked against them. */
  readonly keys?: readonly string[];
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

/** One run of a cross-object check, fed the objects of the set one at a time, in order. */
export interface AppCheckRun {
  /** Notes what `obj`, at `index` in the set, provides and references: small facts, never the object itself. */
  add(obj: KubeObject, index: number): void;
  /** Resolves every noted reference against what the objects provide: the findings, in object order. */
  finish(): Finding[];
}

/** The cross-object check of one area: starts a run over a set of objects. */
export type StreamingAppCheck = (context?: AppContext) => AppCheckRun;

/** Runs a streaming check over a whole list (the list form of an {@link AppCheckRun}). */
export function runAppCheck(run: AppCheckRun, objects: readonly KubeObject[]): Finding[] {
  objects.forEach((obj, index) => run.add(obj, index));
  return run.finish();
}
