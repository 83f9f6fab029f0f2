/**
 * Init containers and sidecars.
 *
 * "Initコンテナはアプリケーションコンテナが実行される前に完了します": init containers run to completion, in order, before the
 * app containers start, so they take no lifecycle hooks and no probes, unless `restartPolicy: Always` makes one a
 * sidecar that keeps running beside the app containers (and then gets the app containers' full validation).
 * `restartPolicy` on a container is for init containers only, and only `Always`. Container names are unique
 * across init and app containers (`objects/container-name-duplicate`). (k8s-validation-rules.md §8.)
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-pod-initialization/
 */
import { REFERENCE } from '../docs';
import { containersOf, type Container, type PodLike } from '../k8s';
import { featureFieldKnown, targetVersion, type RuleOptions } from '../kubernetes-version';
import { defineRule, goQuote, type Violation } from '../violation';

/** The container fields an init container may only set as a sidecar. */
export const SIDECAR_ONLY_FIELDS = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** Go's `%#v` of a `[]core.ContainerResizePolicy`, as the API server prints it. */
function goResizePolicies(list: readonly ({ resourceName?: string; restartPolicy?: string } | null)[]): string {
  // a null item is the zero value the API server decodes it to
  const items = list.map((p) => `core.ContainerResizePolicy{ResourceName:${goQuote(p?.resourceName ?? '')}, RestartPolicy:${goQuote(p?.restartPolicy ?? '')}}`);
  return `[]core.ContainerResizePolicy{${items.join(', ')}}`;
}

/** The init-container and sidecar rules (§8), with the API server's messages. */
export const initContainerRules = {
  fieldForbidden: defineRule('init-containers/field-forbidden', REFERENCE.initContainers, () => 'Forbidden: may not be set for init containers without restartPolicy=Always'),
  restartPolicyUnsupported: defineRule(
    'init-containers/restart-policy-unsupported',
    REFERENCE.sidecarContainers,
    (value: string) => `Unsupported value: ${goQuote(value)}: supported values: "Always"`,
  ),
  restartPolicyOnAppContainer: defineRule('init-containers/restart-policy-on-app-container', REFERENCE.sidecarContainers, () => 'Forbidden: may not be set for non-init containers'),
  resizePolicyForbidden: defineRule(
    'init-containers/resize-policy-forbidden',
    REFERENCE.resizePolicy,
    (list: readonly { resourceName?: string; restartPolicy?: string }[]) => `Invalid value: ${goResizePolicies(list)}: must not be set for init containers`,
  ),
};

/** Whether an init container is a sidecar: `restartPolicy: Always`. */
export function isSidecar(container: { restartPolicy?: string }): boolean {
  return container.restartPolicy === 'Always';
}

/**
 * Whether the API server drops the container's `lifecycle` before validating it: from 1.33, with ContainerStopSignals
 * off by default (every supported version), `dropContainerStopSignals` (pkg/api/pod/util.go) clears `stopSignal` and
 * then a `lifecycle` left with neither hook. An init container whose lifecycle holds only a stop signal is accepted.
 */
function lifecycleDropped(container: Container, stopSignalsDropped: boolean): boolean {
  if (!stopSignalsDropped) return false;
  const lifecycle = container.lifecycle as { postStart?: unknown; preStop?: unknown; stopSignal?: unknown } | null | undefined;
  if (!lifecycle || typeof lifecycle !== 'object') return false;
  const set = (v: unknown) => v !== undefined && v !== null;
  return set(lifecycle.stopSignal) && !set(lifecycle.postStart) && !set(lifecycle.preStop);
}

/** Checks the init-container and sidecar rules of a pod spec. */
export function checkInitContainers(pod: PodLike, base = 'spec', options: RuleOptions = {}): Violation[] {
  const out: Violation[] = [];
  const stopSignalsDropped = featureFieldKnown('ContainerStopSignals', targetVersion(options));
  for (const { container, list, rel } of containersOf(pod.spec)) {
    const at = `${base}.${rel}`;
    const restartPolicy = container.restartPolicy;
    if (list === 'containers') {
      if (restartPolicy !== undefined && restartPolicy !== null) out.push(initContainerRules.restartPolicyOnAppContainer.at(`${at}.restartPolicy`));
      continue;
    }
    if (list !== 'initContainers') continue;
    if (restartPolicy !== undefined && restartPolicy !== null && restartPolicy !== 'Always')
      out.push(initContainerRules.restartPolicyUnsupported.at(`${at}.restartPolicy`, String(restartPolicy)));
    if (!isSidecar(container)) {
      for (const field of SIDECAR_ONLY_FIELDS) {
        if (container[field] === undefined || container[field] === null) continue;
        if (field === 'lifecycle' && lifecycleDropped(container, stopSignalsDropped)) continue;
        out.push(initContainerRules.fieldForbidden.at(`${at}.${field}`));
      }
    }
    if (Array.isArray(container.resizePolicy)) out.push(initContainerRules.resizePolicyForbidden.at(`${at}.resizePolicy`, container.resizePolicy));
  }
  return out;
}
