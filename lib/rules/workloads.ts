/**
 * Workload controllers (ReplicaSet, ReplicationController, DaemonSet, StatefulSet): what the API server enforces
 * on the object around the pod template. "Only a .spec.template.spec.restartPolicy equal to Always is allowed,
 * which is the default if not specified"; the selector is required, not empty, and must match the template's
 * labels; the template may not set activeDeadlineSeconds. These are the apps and core API servers' checks
 * (`ValidateReplicaSetSpec`, `ValidateDaemonSetSpec`, `ValidateStatefulSetSpec`, `ValidateReplicationControllerSpec`,
 * `ValidatePodTemplateSpecForReplicaSet`, `ValidateDaemonSetUpdateStrategy`), with their messages. Deployments
 * are in deployments.ts, StatefulSet-only fields in workloads-statefulset.ts, Jobs and CronJobs in workloads-jobs.ts.
 * https://kubernetes.io/ja/docs/concepts/workloads/controllers/
 */
import type { KubeObject, LabelSelector } from '../k8s';
import { defineRule, goQuote, type Violation } from '../violation';
import { goStringMap, selectorMatches } from './workloads-selectors';

const DOCS = 'https://kubernetes.io/ja/docs/concepts/workloads/controllers/';

/** A value that is an integer or a percentage (`maxUnavailable`, `maxSurge`), as written. */
export type IntOrPercent = number | string;

/** apimachinery `IsValidPercent`'s message. */
export const PERCENT_MESSAGE =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

/** How an IntOrString prints in a message: its `String()` (no quotes). */
export function intOrStringText(value: IntOrPercent): string {
  return String(value);
}

/** The workload-controller rules, with the API server's messages. */
export const workloadRules = {
  templateRestartPolicy: defineRule('workloads/template-restart-policy', DOCS, (value: string) => `Unsupported value: ${goQuote(value)}: supported values: "Always"`),
  selectorRequired: defineRule('workloads/selector-required', DOCS, () => 'Required value'),
  /** The API server prints the selector as a Go struct; it is printed as JSON here. `kind` is the word it uses. */
  selectorEmpty: defineRule(
    'workloads/selector-empty',
    DOCS,
    (selector: LabelSelector, kind: string) => `Invalid value: ${JSON.stringify(selector)}: empty selector is invalid for ${kind}`,
  ),
  selectorMismatch: defineRule(
    'workloads/selector-mismatch',
    DOCS,
    (labels: Record<string, string>) => `Invalid value: ${goStringMap(labels)}: \`selector\` does not match template \`labels\``,
  ),
  activeDeadlineForbidden: defineRule('workloads/active-deadline-forbidden', DOCS, (kind: string) => `Forbidden: activeDeadlineSeconds in ${kind} is not Supported`),
  negativeValue: defineRule('workloads/negative-value', DOCS, (n: number) => `Invalid value: ${n}: must be greater than or equal to 0`),
  intOrPercentInvalid: defineRule('workloads/int-or-percent-invalid', DOCS, (value: IntOrPercent) => `Invalid value: ${intOrStringText(value)}: ${PERCENT_MESSAGE}`),
  percentOver100: defineRule('workloads/percent-over-100', DOCS, (value: string) => `Invalid value: ${value}: must not be greater than 100%`),
  daemonSetStrategyUnsupported: defineRule(
    'workloads/daemonset-update-strategy-unsupported',
    'https://kubernetes.io/ja/docs/tasks/manage-daemon/update-daemon-set/',
    (strategy: unknown) => `Unsupported value: ${JSON.stringify(strategy)}: supported values: "RollingUpdate", "OnDelete"`,
  ),
  daemonSetSurgeAndUnavailable: defineRule(
    'workloads/daemonset-surge-and-unavailable',
    'https://kubernetes.io/ja/docs/tasks/manage-daemon/update-daemon-set/',
    (maxSurge: IntOrPercent) => `Invalid value: ${intOrStringText(maxSurge)}: may not be set when maxUnavailable is non-zero`,
  ),
  daemonSetNothingUnavailable: defineRule(
    'workloads/daemonset-unavailable-zero',
    'https://kubernetes.io/ja/docs/tasks/manage-daemon/update-daemon-set/',
    () => 'Required value: cannot be 0 when maxSurge is 0',
  ),
};

/** `spec` of a workload controller, as far as these rules read it. */
interface ControllerSpec {
  replicas?: unknown;
  minReadySeconds?: unknown;
  revisionHistoryLimit?: unknown;
  selector?: unknown;
  updateStrategy?: { type?: unknown; rollingUpdate?: { maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent } | null } | null;
  template?: { metadata?: { labels?: Record<string, string> }; spec?: { restartPolicy?: unknown; activeDeadlineSeconds?: unknown } };
}

/** The word each kind's empty-selector message uses (ReplicaSet's says "deployment", as the API server does). */
const EMPTY_SELECTOR_WORD: Readonly<Record<string, string>> = { ReplicaSet: 'deployment', DaemonSet: 'daemonset', StatefulSet: 'statefulset' };

/**
 * Whether the object is a kustomize strategic-merge patch directive (`$patch: delete`, `$patch: replace`), not an
 * object to create: a patch names only what it changes, so the rules for whole objects do not apply.
 */
export function isPatchDirective(obj: KubeObject): boolean {
  return Object.prototype.hasOwnProperty.call(obj, '$patch');
}

/**
 * Whether the object's API version requires a selector (apps/v1 and apps/v1beta2). Older versions (extensions/v1beta1,
 * apps/v1beta1, no longer served) defaulted it from the template's labels, so a missing one is not reported there.
 */
export function requiresSelector(obj: KubeObject): boolean {
  return obj.apiVersion === 'apps/v1' || obj.apiVersion === 'apps/v1beta2';
}

/** Reports `value` at `path` when it is a negative number (`ValidateNonnegativeField`). */
export function pushIfNegative(out: Violation[], rule: { at(path: string, n: number): Violation }, value: unknown, path: string): void {
  if (typeof value === 'number' && value < 0) out.push(rule.at(path, value));
}

/** Whether a label selector has neither matchLabels nor matchExpressions. */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/** apimachinery `IsValidPercent`. */
function isPercent(value: string): boolean {
  return /^[0-9]+%$/.test(value);
}

/** apps validation `getIntOrPercentValue`: the number a percentage or an integer stands for (`IntValue()` for other strings). */
export function intOrPercentValue(value: IntOrPercent): number {
  if (typeof value === 'number') return value;
  const text = isPercent(value) ? value.slice(0, -1) : value;
  return /^[+-]?[0-9]+$/.test(text) ? Number(text) : 0;
}

/** `ValidatePositiveIntOrPercent` and `IsNotMoreThan100Percent` (the latter only where the API server applies it). */
export function checkIntOrPercent(value: IntOrPercent | undefined, path: string, notOver100: boolean): Violation[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') {
    if (!isPercent(value)) return [workloadRules.intOrPercentInvalid.at(path, value)];
    if (notOver100 && Number(value.slice(0, -1)) > 100) return [workloadRules.percentOver100.at(path, value)];
    return [];
  }
  return typeof value === 'number' && value < 0 ? [workloadRules.negativeValue.at(path, value)] : [];
}

/** The label selector's checks shared by the apps/v1 controllers: required, not empty, matching the template. */
function checkLabelSelector(kind: string, spec: ControllerSpec, out: Violation[]): void {
  const selector = spec.selector as LabelSelector | undefined | null;
  const labels = spec.template?.metadata?.labels ?? {};
  if (!selector) {
    // a DaemonSet's missing selector selects nothing, so it fails the match instead
    if (kind === 'DaemonSet') out.push(workloadRules.selectorMismatch.at('spec.template.metadata.labels', labels));
    else out.push(workloadRules.selectorRequired.at('spec.selector'));
    return;
  }
  if (isEmptySelector(selector)) {
    out.push(workloadRules.selectorEmpty.at('spec.selector', selector, EMPTY_SELECTOR_WORD[kind]!));
    // an empty selector of a DaemonSet is still matched (and matches everything); the others skip the match
    return;
  }
  if (!selectorMatches(selector, labels)) out.push(workloadRules.selectorMismatch.at('spec.template.metadata.labels', labels));
}

/** A ReplicationController's selector is a plain map, defaulted to the template's labels when empty. */
function checkMapSelector(spec: ControllerSpec, out: Violation[]): void {
  const labels = spec.template?.metadata?.labels ?? {};
  const given = (spec.selector ?? {}) as Record<string, string>;
  const selector = Object.keys(given).length > 0 ? given : labels;
  if (Object.keys(selector).length === 0) {
    out.push(workloadRules.selectorRequired.at('spec.selector'));
    return;
  }
  if (!selectorMatches({ matchLabels: selector }, labels)) out.push(workloadRules.selectorMismatch.at('spec.template.metadata.labels', labels));
}

/** The template's restartPolicy (defaulted to Always) and activeDeadlineSeconds, for a kind that keeps its pods running. */
export function checkLongRunningTemplate(kind: string, spec: ControllerSpec, out: Violation[]): void {
  const restart = spec.template?.spec?.restartPolicy;
  if (typeof restart === 'string' && restart !== '' && restart !== 'Always') out.push(workloadRules.templateRestartPolicy.at('spec.template.spec.restartPolicy', restart));
  const deadline = spec.template?.spec?.activeDeadlineSeconds;
  if (deadline !== undefined && deadline !== null) out.push(workloadRules.activeDeadlineForbidden.at('spec.template.spec.activeDeadlineSeconds', kind));
}

/** A DaemonSet's updateStrategy, after the defaults (RollingUpdate, maxUnavailable 1, maxSurge 0). */
function checkDaemonSetStrategy(obj: KubeObject, spec: ControllerSpec, out: Violation[]): void {
  const strategy = spec.updateStrategy ?? {};
  // extensions/v1beta1 defaulted the type to OnDelete
  const type = strategy.type ?? (requiresSelector(obj) ? 'RollingUpdate' : 'OnDelete');
  if (type === 'OnDelete') return;
  if (type !== 'RollingUpdate') {
    out.push(workloadRules.daemonSetStrategyUnsupported.at('spec.updateStrategy', strategy));
    return;
  }
  const rolling = strategy.rollingUpdate ?? {};
  const base = 'spec.updateStrategy.rollingUpdate';
  const maxUnavailable = rolling.maxUnavailable ?? 1;
  const maxSurge = rolling.maxSurge ?? 0;
  out.push(...checkIntOrPercent(maxUnavailable, `${base}.maxUnavailable`, true), ...checkIntOrPercent(maxSurge, `${base}.maxSurge`, true));
  const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) out.push(workloadRules.daemonSetSurgeAndUnavailable.at(`${base}.maxSurge`, maxSurge));
  else if (!hasUnavailable && !hasSurge) out.push(workloadRules.daemonSetNothingUnavailable.at(`${base}.maxUnavailable`));
}

const CONTROLLERS = new Set(['ReplicaSet', 'ReplicationController', 'DaemonSet', 'StatefulSet']);

/**
 * Checks a ReplicaSet, ReplicationController, DaemonSet or StatefulSet: selector, template restartPolicy and
 * activeDeadlineSeconds, the non-negative counts, and a DaemonSet's updateStrategy. Other kinds: none.
 */
export function checkWorkload(obj: KubeObject): Violation[] {
  const kind = obj.kind;
  if (!kind || !CONTROLLERS.has(kind) || isPatchDirective(obj)) return [];
  const spec = (obj.spec ?? {}) as ControllerSpec;
  if (typeof spec !== 'object') return [];
  const out: Violation[] = [];
  if (kind !== 'DaemonSet') pushIfNegative(out, workloadRules.negativeValue, spec.replicas, 'spec.replicas');
  pushIfNegative(out, workloadRules.negativeValue, spec.minReadySeconds, 'spec.minReadySeconds');
  if (kind === 'DaemonSet') pushIfNegative(out, workloadRules.negativeValue, spec.revisionHistoryLimit, 'spec.revisionHistoryLimit');
  if (kind === 'ReplicationController') checkMapSelector(spec, out);
  else if (requiresSelector(obj)) checkLabelSelector(kind, spec, out);
  checkLongRunningTemplate(kind, spec, out);
  if (kind === 'DaemonSet') checkDaemonSetStrategy(obj, spec, out);
  return out;
}
