/**
 * Liveness, readiness and startup probes.
 *
 * "successThreshold: … Liveness ProbeおよびStartup Probeには1を設定する必要があります" (liveness and startup probes must
 * have successThreshold 1); a probe has exactly one handler; "ポート番号の場合、1から65535の範囲内である必要があります"
 * (a port number is 1–65535, otherwise a named port); readiness probes may not set terminationGracePeriodSeconds.
 * The API server checks these in `validateProbe`/`validateHandler` (k8s-validation-rules.md §1), after defaulting
 * zero fields (periodSeconds 0 → 10, successThreshold 0 → 1 …), so zero is never rejected here. The page says
 * "最小値は1" (minimum 1) for periodSeconds, timeoutSeconds, successThreshold and failureThreshold; current
 * Kubernetes accepts 0 there (it means the default), and current Kubernetes wins: only negatives are errors.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
 */
import { REFERENCE, docsUrl } from '../docs';
import { containersOf, type Container, type KubeObject, type PodLike, type Probe } from '../k8s';
import { rootTypeOf } from '../schema';
import { defineRule, type Violation } from '../violation';
import { checkHandler, handlerRules, type AnyHandler } from './handlers';

const PAGE = 'configure-liveness-readiness-startup-probes';
const CONFIGURE = docsUrl(PAGE, 'configure-probes');
const READINESS = docsUrl(PAGE, 'define-readiness-probes');
const STARTUP = docsUrl(PAGE, 'define-startup-probes');

/** The probe fields of a container, by wire name. */
export type ProbeField = 'livenessProbe' | 'readinessProbe' | 'startupProbe';
/** The probe fields, in the order they are checked. */
export const PROBE_FIELDS: readonly ProbeField[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];

/** The numeric fields `validateProbe` checks to be ≥ 0. */
export const PROBE_NUMBER_FIELDS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

/** The probe rules: the handler rules under `probes/`, plus the probe kinds' own. */
export const probeRules = {
  ...handlerRules('probes', CONFIGURE, docsUrl(PAGE, 'use-a-named-port')),
  livenessSuccessThreshold: defineRule('probes/liveness-success-threshold', CONFIGURE, (n: number) => `Invalid value: ${n}: must be 1`),
  startupSuccessThreshold: defineRule('probes/startup-success-threshold', CONFIGURE, (n: number) => `Invalid value: ${n}: must be 1`),
  negativeField: defineRule('probes/negative-field', CONFIGURE, (n: number) => `Invalid value: ${n}: must be greater than or equal to 0`),
  /**
   * Kubernetes rejects it too, while decoding the int32 field; the wording is ours. Reported when a pod spec is
   * checked alone (`checkPod`); on a whole object the decoder's own finding, `fields/integer-range`, is reported instead.
   */
  notInteger: defineRule('probes/not-integer', CONFIGURE, (value: unknown) => `Invalid value: ${JSON.stringify(value)}: must be an integer (the field is an int32)`),
  terminationGracePeriodPositive: defineRule(
    'probes/termination-grace-period-positive',
    REFERENCE.probeTerminationGracePeriod,
    (n: number) => `Invalid value: ${n}: must be greater than 0`,
  ),
  readinessTerminationGracePeriod: defineRule(
    'probes/readiness-termination-grace-period',
    REFERENCE.probeTerminationGracePeriod,
    (n: number) => `Invalid value: ${n}: must not be set for readinessProbes`,
  ),
  startupBudgetTooShort: defineRule(
    'probes/startup-budget-too-short',
    STARTUP,
    (budget: number, required: number, failureThreshold: number, periodSeconds: number) =>
      `failureThreshold × periodSeconds = ${failureThreshold} × ${periodSeconds} = ${budget}s is shorter than the ${required}s start-up to tolerate (podkit rule)`,
  ),
};

/** Probe fields after the API server's defaulting (`SetDefaults_Probe`, `SetDefaults_HTTPGetAction`). */
export interface DefaultedProbe extends Probe {
  initialDelaySeconds: number;
  timeoutSeconds: number;
  periodSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

/** The probe as Kubernetes stores it: zero or unset timeoutSeconds → 1, periodSeconds → 10, successThreshold → 1, failureThreshold → 3; httpGet path "" → "/", scheme "" → "HTTP". */
export function defaultProbe(probe: Probe): DefaultedProbe {
  // a field written `null` is decoded as unset, and defaulted as one
  const or = (value: number | null | undefined, fallback: number) => (value === undefined || value === null || value === 0 ? fallback : value);
  const out: DefaultedProbe = {
    ...probe,
    initialDelaySeconds: probe.initialDelaySeconds ?? 0,
    timeoutSeconds: or(probe.timeoutSeconds, 1),
    periodSeconds: or(probe.periodSeconds, 10),
    successThreshold: or(probe.successThreshold, 1),
    failureThreshold: or(probe.failureThreshold, 3),
  };
  if (probe.httpGet) out.httpGet = { ...probe.httpGet, path: probe.httpGet.path || '/', scheme: probe.httpGet.scheme || 'HTTP' };
  return out;
}

/**
 * The start-up time a startup probe tolerates, by the page's formula `failureThreshold × periodSeconds`
 * ("30 * 10 = 300秒"), with Kubernetes' defaults for unset fields.
 * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
 */
export function startupBudgetSeconds(probe: Probe): number {
  const d = defaultProbe(probe);
  return d.failureThreshold * d.periodSeconds;
}

/** The failureThreshold that makes a startup probe tolerate `seconds` of start-up at `periodSeconds` (default 10). */
export function failureThresholdFor(seconds: number, periodSeconds = 10): number {
  return Math.max(1, Math.ceil(seconds / periodSeconds));
}

/** Checks that `probe` tolerates at least `requiredSeconds` of start-up (`at` is the probe's path). */
export function checkStartupBudget(probe: Probe, requiredSeconds: number, at: string): Violation[] {
  const d = defaultProbe(probe);
  const budget = d.failureThreshold * d.periodSeconds;
  return budget >= requiredSeconds ? [] : [probeRules.startupBudgetTooShort.at(`${at}.failureThreshold`, budget, requiredSeconds, d.failureThreshold, d.periodSeconds)];
}

/**
 * `validateProbe` plus the kind's own rule, for one probe at `at` of `container`. With `decoded`, a value that is
 * not an integer is left to the decoder's finding (`fields/integer-range`, reported on the whole object), so that it
 * is reported once.
 */
export function checkProbe(field: ProbeField, probe: Probe, at: string, container: Container, decoded = false): Violation[] {
  const out = checkHandler(probeRules, probe as AnyHandler, at, container, ['exec', 'httpGet', 'tcpSocket', 'grpc']);
  for (const name of PROBE_NUMBER_FIELDS) {
    const value = probe[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      if (!decoded) out.push(probeRules.notInteger.at(`${at}.${name}`, value));
    } else if (value < 0) out.push(probeRules.negativeField.at(`${at}.${name}`, value));
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (typeof grace === 'number') {
    if (!Number.isInteger(grace)) {
      if (!decoded) out.push(probeRules.notInteger.at(`${at}.terminationGracePeriodSeconds`, grace));
    } else if (grace <= 0) out.push(probeRules.terminationGracePeriodPositive.at(`${at}.terminationGracePeriodSeconds`, grace));
  }
  // defaultProbe(probe).successThreshold, without copying the probe (`null` is decoded as unset)
  const threshold: number | null | undefined = probe.successThreshold;
  const success = threshold === undefined || threshold === null || threshold === 0 ? 1 : threshold;
  if (field === 'livenessProbe' && success !== 1) out.push(probeRules.livenessSuccessThreshold.at(`${at}.successThreshold`, success));
  if (field === 'startupProbe' && success !== 1) out.push(probeRules.startupSuccessThreshold.at(`${at}.successThreshold`, success));
  if (field === 'readinessProbe' && grace !== undefined && grace !== null)
    out.push(probeRules.readinessTerminationGracePeriod.at(`${at}.terminationGracePeriodSeconds`, grace));
  return out;
}

/**
 * Checks the probes of every app container and every sidecar (an init container with `restartPolicy: Always`).
 * Probes on other init containers are forbidden outright (`init-containers/field-forbidden`), so they are not
 * validated further, as in the API server.
 */
export function checkProbes(pod: PodLike, base = 'spec', context: { readonly object?: KubeObject } = {}): Violation[] {
  const out: Violation[] = [];
  // checked as part of a whole object whose kind the field schema has: the decoder's finding stands for a non-integer
  const decoded = context.object !== undefined && rootTypeOf(context.object.apiVersion, context.object.kind) !== undefined;
  for (const { container, list, rel } of containersOf(pod.spec)) {
    const sidecar = list === 'initContainers' && container.restartPolicy === 'Always';
    if (list !== 'containers' && !sidecar) continue;
    for (const field of PROBE_FIELDS) {
      const probe = container[field];
      if (probe && typeof probe === 'object') for (const v of checkProbe(field, probe, `${base}.${rel}.${field}`, container, decoded)) out.push(v);
    }
  }
  return out;
}

/** The probes a probed workload (`probed: true`, `ProbedDeployment`) promises on every app container. */
export const probePromiseRules = {
  livenessRequired: defineRule(
    'probes/liveness-required',
    docsUrl(PAGE, 'define-a-liveness-command'),
    () => 'Required value: every app container and sidecar of a probed workload has a livenessProbe (podkit rule)',
  ),
  readinessRequired: defineRule(
    'probes/readiness-required',
    READINESS,
    () => 'Required value: every app container and sidecar of a probed workload has a readinessProbe (podkit rule)',
  ),
};

/**
 * Checks that every long-running container of the pod spec at `base` — each app container and each sidecar (an
 * init container with `restartPolicy: Always`) — has a liveness and a readiness probe. With `readiness: false`
 * (a Job's pods, which no Service sends traffic to and which run to completion) only the liveness probe is
 * required. Init containers that run to completion take no probes.
 */
export function checkProbesPresent(pod: PodLike, base = 'spec', options: { readonly readiness?: boolean } = {}): Violation[] {
  const out: Violation[] = [];
  const readiness = options.readiness ?? true;
  const check = (container: Container, at: string) => {
    if (!container.livenessProbe) out.push(probePromiseRules.livenessRequired.at(`${at}.livenessProbe`));
    if (readiness && !container.readinessProbe) out.push(probePromiseRules.readinessRequired.at(`${at}.readinessProbe`));
  };
  (pod.spec.initContainers ?? []).forEach((container, i) => {
    if (container.restartPolicy === 'Always') check(container, `${base}.initContainers[${i}]`);
  });
  (pod.spec.containers ?? []).forEach((container, i) => check(container, `${base}.containers[${i}]`));
  return out;
}
