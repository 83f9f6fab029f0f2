/**
 * The shape of a cross-object check and what it may know. A module of its own so the area list (areas.ts) and the
 * areas that make such checks name the type without importing the app-level entry point (app.ts), which imports them.
 */
import type { KubeObject } from '../k8s';
import type { RuleOptions } from '../kubernetes-version';
import type { ExternalConfigMapRef } from './config-map';
import type { Finding } from './finding';
import type { ExternalSecretRef } from './secrets';

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
