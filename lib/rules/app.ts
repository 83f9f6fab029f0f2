/**
 * Rules across objects: a reference from one object to another (a ConfigMap key, a credential spec, a
 * node's capacity) is checked against every object of the app or of the linted files at once.
 * Each cross-object check is fed the objects one at a time ({@link AppCheckRun}) and keeps only small facts
 * about each (what it provides, what it references and where), never the object, so that a linter can stream
 * files of any size; it resolves the references at the end. Linear: index once, then look up, never quadratic.
 */
import type { KubeObject } from '../k8s';
import type { RuleOptions } from '../kubernetes-version';
import { refOf, runAppCheck, type AppCheckRun, type Finding, type StreamingAppCheck } from './finding';
import { gmsaAppCheck } from './gmsa';
import { configMapAppCheck, type ExternalConfigMapRef } from './config-map';
import { checkObject } from './index';
import { secretAppCheck, type ExternalSecretRef } from './secrets';
import { serviceAppCheck } from './service';

export { describeRef, refOf, runAppCheck, type AppCheckRun, type Finding, type ObjectRef, type StreamingAppCheck } from './finding';

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
export const APP_CHECKS: readonly StreamingAppCheck[] = [gmsaAppCheck, configMapAppCheck, secretAppCheck, serviceAppCheck];

/** A run of every cross-object check (`APP_CHECKS`) at once: the findings of each check in turn. */
export function startAppChecks(context?: AppContext): AppCheckRun {
  const runs = APP_CHECKS.map((check) => check(context));
  return {
    add(obj, index) {
      for (const run of runs) run.add(obj, index);
    },
    finish: () => runs.flatMap((run) => run.finish()),
  };
}

/** Runs only the cross-object checks. */
export function checkApp(objects: readonly KubeObject[], context?: AppContext): Finding[] {
  return runAppCheck(startAppChecks(context), objects);
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
