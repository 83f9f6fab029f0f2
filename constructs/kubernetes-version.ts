/**
 * The target Kubernetes version of an app, as a construct context value set on the app before its charts are added:
 * `app.node.setContext('podkit:kubernetesVersion', '1.33')`. Every podkit construct checks its manifest against that
 * version's rules; without it, against the newest supported version (`DEFAULT_KUBERNETES_VERSION`).
 */
import type { Construct } from 'constructs';
import { parseKubernetesVersion, type RuleOptions } from '../lib/kubernetes-version';

/** The context key that sets the target Kubernetes version of an app. */
export const KUBERNETES_VERSION_CONTEXT = 'podkit:kubernetesVersion';

/**
 * The rule options of the app `scope` is in: its target Kubernetes version, from the context key.
 * @throws Error if the context value is not a supported version
 */
export function ruleOptionsOf(scope: Construct): RuleOptions {
  const value: unknown = scope.node.tryGetContext(KUBERNETES_VERSION_CONTEXT);
  if (value === undefined) return {};
  const parsed = parseKubernetesVersion(value);
  if (!parsed.ok) throw new Error(`${KUBERNETES_VERSION_CONTEXT}: ${parsed.error}`);
  return { kubernetesVersion: parsed.version };
}
