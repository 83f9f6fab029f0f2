/**
 * Deployments (apps/v1): a selector is required, must not be empty, and must match the pod template's labels;
 * the template's restartPolicy can only be Always and it may not set activeDeadlineSeconds; replicas,
 * minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds are not negative, and progressDeadlineSeconds
 * (600 unless given) is greater than minReadySeconds; the strategy is Recreate (without rollingUpdate) or
 * RollingUpdate, whose maxUnavailable and maxSurge (25% unless given) are integers or percentages, not both 0.
 * These are the apps API server's checks (`ValidateDeploymentSpec`, `ValidateDeploymentStrategy`,
 * `ValidateRollingUpdateDeployment`, `ValidatePodTemplateSpecForReplicaSet`); the GMSA and probe pages deploy
 * their pods this way.
 * https://kubernetes.io/ja/docs/concepts/workloads/controllers/deployment/
 */
import type { KubeObject, LabelSelector } from '../k8s';
import { defineRule, goQuote, type Violation } from '../violation';
import { goStringMap, selectorMatches } from './workloads-selectors';
import { checkIntOrPercent, intOrPercentValue, intOrStringText, isPatchDirective, pushIfNegative, requiresSelector, workloadRules, type IntOrPercent } from './workloads';

const DOCS = 'https://kubernetes.io/ja/docs/concepts/workloads/controllers/deployment/';

export type { LabelSelector } from '../k8s';

export { goStringMap, selectorMatches } from './workloads-selectors';

/** The Deployment rules, with the apps API server's messages. */
export const deploymentRules = {
  selectorRequired: defineRule('deployments/selector-required', DOCS, () => 'Required value'),
  /** The API server prints the selector as a Go struct; it is printed as JSON here. */
  selectorEmpty: defineRule('deployments/selector-empty', DOCS, (selector: LabelSelector) => `Invalid value: ${JSON.stringify(selector)}: empty selector is invalid for deployment`),
  selectorMismatch: defineRule(
    'deployments/selector-mismatch',
    DOCS,
    (labels: Record<string, string>) => `Invalid value: ${goStringMap(labels)}: \`selector\` does not match template \`labels\``,
  ),
  templateRestartPolicy: defineRule('deployments/template-restart-policy', DOCS, (value: string) => `Unsupported value: ${goQuote(value)}: supported values: "Always"`),
  replicasNegative: defineRule('deployments/replicas-negative', DOCS, (n: number) => `Invalid value: ${n}: must be greater than or equal to 0`),
  /** The API server prints the strategy as a Go struct; it is printed as JSON here. */
  strategyUnsupported: defineRule(
    'deployments/strategy-unsupported',
    DOCS,
    (strategy: unknown) => `Unsupported value: ${JSON.stringify(strategy)}: supported values: "Recreate", "RollingUpdate"`,
  ),
  recreateRollingUpdate: defineRule('deployments/recreate-rolling-update', DOCS, () => "Forbidden: may not be specified when strategy `type` is 'Recreate'"),
  nothingUnavailable: defineRule(
    'deployments/max-unavailable-and-surge-zero',
    DOCS,
    (maxUnavailable: IntOrPercent) => `Invalid value: ${intOrStringText(maxUnavailable)}: may not be 0 when \`maxSurge\` is 0`,
  ),
  progressDeadline: defineRule(
    'deployments/progress-deadline',
    DOCS,
    (seconds: number) => `Invalid value: ${seconds}: must be greater than minReadySeconds`,
  ),
};

/** Kubernetes' default `progressDeadlineSeconds` for apps/v1 Deployments. */
const DEFAULT_PROGRESS_DEADLINE = 600;

interface DeploymentStrategy {
  type?: unknown;
  rollingUpdate?: { maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent } | null;
}

/** `ValidateDeploymentStrategy` after the apps/v1 defaults (RollingUpdate, maxUnavailable and maxSurge 25%). */
function checkStrategy(strategy: DeploymentStrategy, out: Violation[]): void {
  // `type: null` is decoded as the empty type, which the apps/v1 defaults make RollingUpdate
  const type = strategy.type === undefined || strategy.type === null || strategy.type === '' ? 'RollingUpdate' : strategy.type;
  const rolling = strategy.rollingUpdate;
  if (type === 'Recreate') {
    if (rolling !== undefined && rolling !== null) out.push(deploymentRules.recreateRollingUpdate.at('spec.strategy.rollingUpdate'));
    return;
  }
  if (type !== 'RollingUpdate') {
    out.push(deploymentRules.strategyUnsupported.at('spec.strategy', strategy));
    return;
  }
  const base = 'spec.strategy.rollingUpdate';
  const maxUnavailable = rolling?.maxUnavailable ?? '25%';
  const maxSurge = rolling?.maxSurge ?? '25%';
  out.push(...checkIntOrPercent(maxUnavailable, `${base}.maxUnavailable`, true), ...checkIntOrPercent(maxSurge, `${base}.maxSurge`, false));
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) out.push(deploymentRules.nothingUnavailable.at(`${base}.maxUnavailable`, maxUnavailable));
}

/** A Deployment's selector: given, not empty, selecting the template's labels. */
function checkSelector(selector: LabelSelector | undefined, labels: Record<string, string>, out: Violation[]): void {
  if (!selector) out.push(deploymentRules.selectorRequired.at('spec.selector'));
  else if (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0) out.push(deploymentRules.selectorEmpty.at('spec.selector', selector));
  else if (!selectorMatches(selector, labels)) out.push(deploymentRules.selectorMismatch.at('spec.template.metadata.labels', labels));
}

/** Checks a Deployment's selector, template labels, template restartPolicy and replicas. Other kinds: none. */
export function checkDeployment(obj: KubeObject): Violation[] {
  if (obj.kind !== 'Deployment' || isPatchDirective(obj)) return [];
  const out: Violation[] = [];
  const spec = (obj.spec ?? {}) as {
    replicas?: number;
    minReadySeconds?: unknown;
    revisionHistoryLimit?: unknown;
    progressDeadlineSeconds?: unknown;
    strategy?: DeploymentStrategy | null;
    selector?: LabelSelector;
    template?: { metadata?: { labels?: Record<string, string> }; spec?: { restartPolicy?: string; activeDeadlineSeconds?: unknown } };
  };
  if (typeof spec.replicas === 'number' && spec.replicas < 0) out.push(deploymentRules.replicasNegative.at('spec.replicas', spec.replicas));
  // extensions/v1beta1 and apps/v1beta1 defaulted the selector from the template's labels
  if (requiresSelector(obj)) checkSelector(spec.selector, spec.template?.metadata?.labels ?? {}, out);
  const restart = spec.template?.spec?.restartPolicy;
  if (restart && restart !== 'Always') out.push(deploymentRules.templateRestartPolicy.at('spec.template.spec.restartPolicy', restart));
  const deadline = spec.template?.spec?.activeDeadlineSeconds;
  // the Deployment's template is checked as a ReplicaSet's, and the message says so
  if (deadline !== undefined && deadline !== null) out.push(workloadRules.activeDeadlineForbidden.at('spec.template.spec.activeDeadlineSeconds', 'ReplicaSet'));
  checkStrategy(spec.strategy ?? {}, out);
  pushIfNegative(out, workloadRules.negativeValue, spec.minReadySeconds, 'spec.minReadySeconds');
  pushIfNegative(out, workloadRules.negativeValue, spec.revisionHistoryLimit, 'spec.revisionHistoryLimit');
  pushIfNegative(out, workloadRules.negativeValue, spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds');
  const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
  // only apps/v1 (and v1beta2) default it to 600; extensions/v1beta1 left it unbounded
  const progress = typeof spec.progressDeadlineSeconds === 'number' ? spec.progressDeadlineSeconds : requiresSelector(obj) ? DEFAULT_PROGRESS_DEADLINE : Infinity;
  if (progress <= minReady) out.push(deploymentRules.progressDeadline.at('spec.progressDeadlineSeconds', progress));
  return out;
}
