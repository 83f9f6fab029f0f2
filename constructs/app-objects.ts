/**
 * The manifests of a whole cdk8s app, gathered once per validation pass, so that cross-reference rules
 * (a ConfigMap key, a credential spec, a node's capacity) see every object without being quadratic.
 */
import { ApiObject } from 'cdk8s';
import type { IConstruct } from 'constructs';
import type { KubeObject } from '../lib/k8s';

/** An object of the app together with the construct path cdk8s will print for it. */
export interface AppObject {
  readonly manifest: KubeObject;
  readonly constructPath: string;
}

const cache = new WeakMap<IConstruct, { stamp: number; objects: AppObject[] }>();

/** Every `ApiObject` under the root of `scope`, as JSON. Memoized per root while the tree keeps its size. */
export function appObjects(scope: IConstruct): AppObject[] {
  const root = scope.node.root;
  const all = root.node.findAll();
  const hit = cache.get(root);
  if (hit && hit.stamp === all.length) return hit.objects;
  const objects: AppObject[] = [];
  for (const c of all) {
    if (c instanceof ApiObject) objects.push({ manifest: c.toJson() as KubeObject, constructPath: c.node.path });
  }
  cache.set(root, { stamp: all.length, objects });
  return objects;
}
