/**
 * Rules across objects: a reference from one object to another (a ConfigMap key, a credential spec, a
 * node's capacity) is checked against every object of the app or of the linted files at once.
 * Each cross-object check is fed the objects one at a time ({@link AppCheckRun}) and keeps only small facts
 * about each (what it provides, what it references and where), never the object, so that a linter can stream
 * files of any size; it resolves the references at the end. Linear: index once, then look up, never quadratic.
 */
import type { KubeObject } from '../k8s';
import type { RuleOptions } from '../kubernetes-version';
import { runAppCheck, type AppCheckRun, type AppContext } from './app-check';
import { APP_CHECKS } from './areas';
import { checkObject } from './check';
import { refOf, type Finding } from './finding';

// declared in modules of their own, which the areas import without importing this one
export { runAppCheck, type AppCheck, type AppCheckRun, type AppContext, type ExternalConfigMapRef, type ExternalSecretRef, type StreamingAppCheck } from './app-check';
export { describeRef, refOf, type Finding, type ObjectRef } from './finding';
export { APP_CHECKS } from './areas';
// so that declarations naming findings (the linter's) load the catalog, which registers the rule ids `RuleId` lists
export type { RuleId } from './catalog';

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
