/**
 * StatefulSets (apps/v1): podManagementPolicy is OrderedReady or Parallel; updateStrategy is RollingUpdate or
 * OnDelete (rollingUpdate only with RollingUpdate; partition ≥ 0; maxUnavailable an integer or percentage, not 0,
 * at most 100%); the PVC retention policy is Retain or Delete (`ValidateStatefulSetSpec`, with its messages).
 * `serviceName` is optional in current Kubernetes (the API server does not require it), so it is not checked.
 *
 * Each `volumeClaimTemplates` entry becomes a PersistentVolumeClaim per pod. The API server accepts the
 * StatefulSet without validating them, then rejects every claim the controller creates (so no pod starts) when
 * the template has no name, no access mode or no storage request (`ValidatePersistentVolumeClaimSpec`): those are
 * reported here at the template, with the message the claim would get.
 * https://kubernetes.io/ja/docs/concepts/workloads/controllers/statefulset/
 */
import type { KubeObject } from '../k8s';
import { defineRule, goQuote, type Violation } from '../violation';
import { checkIntOrPercent, intOrPercentValue, intOrStringText, isPatchDirective, pushIfNegative, requiresSelector, workloadRules, type IntOrPercent } from './workloads';

const DOCS = 'https://kubernetes.io/ja/docs/concepts/workloads/controllers/statefulset/';

/** The StatefulSet rules, with the API server's messages. */
export const statefulSetRules = {
  podManagementPolicy: defineRule('statefulsets/pod-management-policy', DOCS, (value: string) => `Invalid value: ${goQuote(value)}: must be 'OrderedReady' or 'Parallel'`),
  /** The API server prints the strategy as a Go struct; it is printed as JSON here. */
  updateStrategyType: defineRule('statefulsets/update-strategy-type', DOCS, (strategy: unknown) => `Invalid value: ${JSON.stringify(strategy)}: must be 'RollingUpdate' or 'OnDelete'`),
  rollingUpdateWithOnDelete: defineRule(
    'statefulsets/rolling-update-with-on-delete',
    DOCS,
    (rollingUpdate: unknown) => `Invalid value: ${JSON.stringify(rollingUpdate)}: only allowed for updateStrategy 'RollingUpdate'`,
  ),
  maxUnavailableZero: defineRule('statefulsets/max-unavailable-zero', DOCS, (value: IntOrPercent) => `Invalid value: ${intOrStringText(value)}: cannot be 0`),
  claimRetentionPolicy: defineRule(
    'statefulsets/claim-retention-policy',
    DOCS,
    (value: string) => `Unsupported value: ${goQuote(value)}: supported values: "Retain", "Delete"`,
  ),
  claimTemplateNameRequired: defineRule('statefulsets/claim-template-name-required', DOCS, () => 'Required value: name or generateName is required'),
  claimTemplateAccessModes: defineRule('statefulsets/claim-template-access-modes', DOCS, () => 'Required value: at least 1 access mode is required'),
  claimTemplateStorage: defineRule('statefulsets/claim-template-storage', DOCS, () => 'Required value'),
};

interface ClaimTemplate {
  metadata?: { name?: unknown };
  spec?: { accessModes?: unknown; resources?: { requests?: Record<string, unknown> } };
}

interface StatefulSetSpec {
  podManagementPolicy?: unknown;
  updateStrategy?: { type?: unknown; rollingUpdate?: { partition?: unknown; maxUnavailable?: IntOrPercent } | null } | null;
  persistentVolumeClaimRetentionPolicy?: { whenDeleted?: unknown; whenScaled?: unknown } | null;
  volumeClaimTemplates?: unknown;
}

function checkUpdateStrategy(obj: KubeObject, spec: StatefulSetSpec, out: Violation[]): void {
  const strategy = spec.updateStrategy ?? {};
  // apps/v1beta1 defaulted the type to OnDelete; `type: null` is decoded as the empty type, and defaulted so
  const type = strategy.type === undefined || strategy.type === null || strategy.type === '' ? (requiresSelector(obj) ? 'RollingUpdate' : 'OnDelete') : strategy.type;
  const rolling = strategy.rollingUpdate;
  const base = 'spec.updateStrategy.rollingUpdate';
  if (type === 'OnDelete') {
    if (rolling !== undefined && rolling !== null) out.push(statefulSetRules.rollingUpdateWithOnDelete.at(base, rolling));
  } else if (type === 'RollingUpdate') {
    if (!rolling) return;
    pushIfNegative(out, workloadRules.negativeValue, rolling.partition, `${base}.partition`);
    const maxUnavailable = rolling.maxUnavailable;
    if (maxUnavailable === undefined || maxUnavailable === null) return;
    const invalid = checkIntOrPercent(maxUnavailable, `${base}.maxUnavailable`, true);
    out.push(...invalid);
    if (intOrPercentValue(maxUnavailable) === 0 && invalid.length === 0) out.push(statefulSetRules.maxUnavailableZero.at(`${base}.maxUnavailable`, maxUnavailable));
  } else out.push(statefulSetRules.updateStrategyType.at('spec.updateStrategy', strategy));
}

function checkClaimTemplates(templates: unknown, out: Violation[]): void {
  if (!Array.isArray(templates)) return;
  templates.forEach((t: ClaimTemplate | null, i) => {
    const at = `spec.volumeClaimTemplates[${i}]`;
    if (!t || typeof t !== 'object') return;
    const name = t.metadata?.name;
    if (typeof name !== 'string' || name === '') out.push(statefulSetRules.claimTemplateNameRequired.at(`${at}.metadata.name`));
    const modes = t.spec?.accessModes;
    if (!Array.isArray(modes) || modes.length === 0) out.push(statefulSetRules.claimTemplateAccessModes.at(`${at}.spec.accessModes`));
    const requests = t.spec?.resources?.requests;
    if (!requests || typeof requests !== 'object' || !Object.prototype.hasOwnProperty.call(requests, 'storage')) {
      out.push(statefulSetRules.claimTemplateStorage.at(`${at}.spec.resources[storage]`));
    }
  });
}

/** Checks a StatefulSet's own fields (its selector and template: `checkWorkload`). Other kinds: none. */
export function checkStatefulSet(obj: KubeObject): Violation[] {
  if (obj.kind !== 'StatefulSet' || isPatchDirective(obj)) return [];
  const spec = (obj.spec ?? {}) as StatefulSetSpec;
  if (typeof spec !== 'object') return [];
  const out: Violation[] = [];
  const policy = spec.podManagementPolicy;
  if (typeof policy === 'string' && policy !== '' && policy !== 'OrderedReady' && policy !== 'Parallel') out.push(statefulSetRules.podManagementPolicy.at('spec.podManagementPolicy', policy));
  checkUpdateStrategy(obj, spec, out);
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    for (const key of ['whenDeleted', 'whenScaled'] as const) {
      const value = retention[key];
      if (typeof value === 'string' && value !== '' && value !== 'Retain' && value !== 'Delete') {
        out.push(statefulSetRules.claimRetentionPolicy.at(`spec.persistentVolumeClaimRetentionPolicy.${key}`, value));
      }
    }
  }
  checkClaimTemplates(spec.volumeClaimTemplates, out);
  return out;
}
