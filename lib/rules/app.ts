/**
 * Rules across objects: a reference from one object to another (a ConfigMap key, a credential spec, a
 * node's capacity) is checked against every object of the app or of the linted files at once.
 * Each cross-object check must be linear (index the objects once, then look up), never quadratic.
 */
import type { KubeObject } from '../k8s';
import type { RuleOptions } from '../kubernetes-version';
import type { AppContext } from './app-check';
import { APP_CHECKS } from './areas';
import { checkObject } from './check';
import { refOf, type Finding } from './finding';

// declared in modules of their own, which the areas import without importing this one
export type { AppCheck, AppContext } from './app-check';
export { describeRef, refOf, type Finding, type ObjectRef } from './finding';
// so that declarations naming findings (the linter's) load the catalog, which registers the rule ids `RuleId` lists
export type { RuleId } from './catalog';

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
