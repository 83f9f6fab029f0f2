/**
 * Lifecycle hooks: postStart and preStop.
 *
 * "コンテナが作成された直後にKubernetesはpostStartイベントを送信します" / "Kubernetesはコンテナが終了する直前にpreStopイベントを
 * 送信します": each hook has exactly one handler (exec, httpGet, tcpSocket or sleep; no grpc), and a sleep must be
 * greater than 0 and no longer than the pod's terminationGracePeriodSeconds (defaulted to 30). The API server's
 * checks are `validateLifecycle`/`validateHandler`/`validateSleepAction` (k8s-validation-rules.md §9, v1.31 wording).
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/attach-handler-lifecycle-event/
 */
import { REFERENCE, docsUrl } from '../docs';
import { containersOf, type Container, type Lifecycle, type PodLike } from '../k8s';
import { defineRule, type Violation } from '../violation';
import { checkHandler, handlerRules, type AnyHandler } from './handlers';

const PAGE = docsUrl('attach-handler-lifecycle-event', 'poststartハンドラーとprestopハンドラーを定義する');

/** `SetDefaults_PodSpec`: terminationGracePeriodSeconds defaults to 30. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

/** The lifecycle rules: the handler rules under `lifecycle/`, plus the sleep action's. */
export const lifecycleRules = {
  ...handlerRules('lifecycle', PAGE),
  sleepSeconds: defineRule(
    'lifecycle/sleep-seconds',
    REFERENCE.lifecycleHooks,
    (seconds: number, grace: number) => `Invalid value: ${seconds}: must be greater than 0 and less than terminationGracePeriodSeconds (${grace})`,
  ),
};

/** The hooks of `Lifecycle`, by wire name. */
export const LIFECYCLE_HOOKS = ['postStart', 'preStop'] as const;

/** `validateLifecycle` for one container's `lifecycle` at `at`, given the pod's (defaulted) grace period. */
export function checkLifecycleOf(lifecycle: Lifecycle, at: string, container: Container, gracePeriodSeconds: number): Violation[] {
  const out: Violation[] = [];
  // v1.31: `seconds <= 0 || seconds > grace`; a sleep equal to the grace period is allowed.
  const checkSleep = (seconds: number, path: string) =>
    Number.isInteger(seconds) && seconds > 0 && seconds <= gracePeriodSeconds ? [] : [lifecycleRules.sleepSeconds.at(path, seconds, gracePeriodSeconds)];
  for (const hook of LIFECYCLE_HOOKS) {
    const handler = lifecycle[hook];
    if (handler && typeof handler === 'object')
      out.push(...checkHandler(lifecycleRules, handler as AnyHandler, `${at}.${hook}`, container, ['exec', 'httpGet', 'tcpSocket', 'sleep'], checkSleep));
  }
  return out;
}

/**
 * Checks the hooks of every app container and every sidecar. Hooks on other init containers are forbidden
 * (`init-containers/field-forbidden`) and not validated further, as in the API server.
 */
export function checkLifecycle(pod: PodLike, base = 'spec'): Violation[] {
  const grace = typeof pod.spec.terminationGracePeriodSeconds === 'number' ? pod.spec.terminationGracePeriodSeconds : DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  const out: Violation[] = [];
  for (const { container, list, rel } of containersOf(pod.spec)) {
    const sidecar = list === 'initContainers' && container.restartPolicy === 'Always';
    if (list !== 'containers' && !sidecar) continue;
    if (container.lifecycle && typeof container.lifecycle === 'object')
      out.push(...checkLifecycleOf(container.lifecycle, `${base}.${rel}.lifecycle`, container, grace));
  }
  return out;
}
