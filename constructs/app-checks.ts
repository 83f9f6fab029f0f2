/**
 * App-level checks added at run time (e.g. the schedulability check bound to a cluster profile), kept per
 * construct root, run by the app-level validation next to the fixed `APP_CHECKS`.
 */
import type { IConstruct } from 'constructs';
import type { AppCheck } from '../lib/rules/app';

const extra = new WeakMap<IConstruct, AppCheck[]>();

/** Adds a cross-object check to the app (the construct root) of `scope`. */
export function addAppCheck(scope: IConstruct, check: AppCheck): void {
  const root = scope.node.root;
  const list = extra.get(root) ?? [];
  list.push(check);
  extra.set(root, list);
}

/** The checks added to the app of `scope`, in the order they were added. */
export function appChecksOf(scope: IConstruct): readonly AppCheck[] {
  return extra.get(scope.node.root) ?? [];
}
