/**
 * Deployments (apps/v1): a selector is required, must not be empty, and must match the pod template's labels;
 * the template's restartPolicy can only be Always; replicas is not negative. These are the apps API server's
 * checks (`ValidateDeploymentSpec`, `ValidatePodTemplateSpecForReplicaSet`); the GMSA and probe pages deploy
 * their pods this way.
 * https://kubernetes.io/ja/docs/concepts/workloads/controllers/deployment/
 */
import type { KubeObject, LabelSelector } from '../k8s';
import { defineRule, goQuote, type Violation } from '../violation';

const DOCS = 'https://kubernetes.io/ja/docs/concepts/workloads/controllers/deployment/';

export type { LabelSelector } from '../k8s';

/** Go's `%#v` of a `map[string]string` (keys sorted, as fmt does). */
export function goStringMap(map: Record<string, string>): string {
  const keys = Object.keys(map).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(map[k]!)}`).join(', ')}}`;
}

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
};

/** Whether `selector` selects a pod with `labels` (matchLabels and the set-based operators). */
export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    if (operator === 'In' && !(has && values.includes(labels[key]!))) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key]!)) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Checks a Deployment's selector, template labels, template restartPolicy and replicas. Other kinds: none. */
export function checkDeployment(obj: KubeObject): Violation[] {
  if (obj.kind !== 'Deployment') return [];
  const out: Violation[] = [];
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: LabelSelector; template?: { metadata?: { labels?: Record<string, string> }; spec?: { restartPolicy?: string } } };
  if (typeof spec.replicas === 'number' && spec.replicas < 0) out.push(deploymentRules.replicasNegative.at('spec.replicas', spec.replicas));
  const selector = spec.selector;
  if (!selector) out.push(deploymentRules.selectorRequired.at('spec.selector'));
  else if (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)
    out.push(deploymentRules.selectorEmpty.at('spec.selector', selector));
  else {
    const labels = spec.template?.metadata?.labels ?? {};
    if (!selectorMatches(selector, labels)) out.push(deploymentRules.selectorMismatch.at('spec.template.metadata.labels', labels));
  }
  const restart = spec.template?.spec?.restartPolicy;
  if (restart && restart !== 'Always') out.push(deploymentRules.templateRestartPolicy.at('spec.template.spec.restartPolicy', restart));
  return out;
}
