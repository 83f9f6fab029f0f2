/**
 * Node selection: `nodeSelector`, `nodeName` and node affinity.
 *
 * "これにより、Podは`disktype: ssd`というラベルを持っているノードにスケジューリングされるようになります"; node affinity
 * terms are `key`/`operator`/`values` requirements whose operator decides how many values it takes (the API
 * server's `ValidateNodeSelectorRequirement`), preferred terms carry a `weight` in 1–100, and required
 * affinity needs at least one term. Messages are the API server's (k8s-validation-rules.md §10); the two
 * warnings (Gt/Lt values that are not integers, empty terms) are this library's, since Kubernetes accepts both.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/assign-pods-nodes/
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/assign-pods-nodes-using-node-affinity/
 */
import { REFERENCE, docsUrl } from '../docs';
import type { NodeSelectorRequirement, NodeSelectorTerm, PodLike } from '../k8s';
import { dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from '../names';
import { fieldPath } from '../path';
import { isEmptyTerm, isInt64 } from '../scheduling/node-affinity';
import { defineRule, goQuote, type Violation } from '../violation';
import { listedObjects } from './listed';

const NODE_NAME = docsUrl('assign-pods-nodes', 'create-a-pod-that-gets-scheduled-to-specific-node');
const REQUIRED = docsUrl('assign-pods-nodes-using-node-affinity', 'required-node-affinityを使用してpodをスケジューリングする');
const PREFERRED = docsUrl('assign-pods-nodes-using-node-affinity', 'preferred-node-affinityを使用してpodをスケジューリングする');

export const schedulingRules = {
  valuesRequired: defineRule('scheduling/values-required', REFERENCE.nodeAffinityOperators, () => "Required value: must be specified when `operator` is 'In' or 'NotIn'"),
  valuesForbidden: defineRule('scheduling/values-forbidden', REFERENCE.nodeAffinityOperators, () => "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
  singleValueRequired: defineRule('scheduling/single-value-required', REFERENCE.nodeAffinityOperators, () => "Required value: must be specified single value when `operator` is 'Lt' or 'Gt'"),
  /** Ours: the API server accepts any string, but the scheduler cannot parse it, so the requirement matches no node. */
  integerValue: defineRule(
    'scheduling/integer-value',
    REFERENCE.nodeAffinityOperators,
    (value: string) =>
      `Invalid value: ${goQuote(value)}: for 'Gt', 'Lt' operators, the value must be an integer (the API server accepts it; the scheduler cannot parse it, so the term matches no node)`,
    'warning',
  ),
  invalidOperator: defineRule('scheduling/invalid-operator', REFERENCE.nodeAffinityOperators, (operator: string) => `Invalid value: ${goQuote(operator)}: not a valid selector operator`),
  labelKeyInvalid: defineRule('scheduling/label-key-invalid', REFERENCE.labels, (key: string, detail: string) => `Invalid value: ${goQuote(key)}: ${detail}`),
  labelValueInvalid: defineRule('scheduling/label-value-invalid', REFERENCE.labels, (value: string, detail: string) => `Invalid value: ${goQuote(value)}: ${detail}`),
  fieldKeyInvalid: defineRule('scheduling/field-key-invalid', REFERENCE.nodeAffinityOperators, (key: string) => `Invalid value: ${goQuote(key)}: not a valid field selector key`),
  fieldSingleValue: defineRule(
    'scheduling/field-single-value',
    REFERENCE.nodeAffinityOperators,
    () => "Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
  ),
  fieldValueInvalid: defineRule('scheduling/field-value-invalid', REFERENCE.nodeAffinityOperators, (value: string, detail: string) => `Invalid value: ${goQuote(value)}: ${detail}`),
  termsRequired: defineRule('scheduling/node-selector-terms-required', REQUIRED, () => 'Required value: must have at least one node selector term'),
  weightRange: defineRule('scheduling/weight-range', PREFERRED, (weight: string) => `Invalid value: ${weight}: must be in the range 1-100`),
  nodeNameInvalid: defineRule('scheduling/node-name-invalid', NODE_NAME, (name: string, detail: string) => `Invalid value: ${goQuote(name)}: ${detail}`),
  /** Ours: Kubernetes accepts an empty term; a required one matches no node, a preferred one is ignored. */
  emptyTerm: defineRule(
    'scheduling/empty-node-selector-term',
    REQUIRED,
    (effect: 'matches no node' | 'is ignored by the scheduler') => `an empty node selector term ${effect}`,
    'warning',
  ),
};

/** `ValidateNodeSelectorRequirement` for one `matchExpressions` entry at `at`. */
export function checkNodeSelectorRequirement(req: NodeSelectorRequirement, at: string, validateValues: boolean): Violation[] {
  const out: Violation[] = [];
  const values = Array.isArray(req.values) ? req.values : [];
  const valuesAt = fieldPath(at, 'values');
  switch (req.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) out.push(schedulingRules.valuesRequired.at(valuesAt));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) out.push(schedulingRules.valuesForbidden.at(valuesAt));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) out.push(schedulingRules.singleValueRequired.at(valuesAt));
      values.forEach((v, i) => {
        if (!isInt64(String(v))) out.push(schedulingRules.integerValue.at(fieldPath(valuesAt, i), String(v)));
      });
      break;
    default:
      out.push(schedulingRules.invalidOperator.at(fieldPath(at, 'operator'), String(req.operator)));
  }
  const key = String(req.key ?? '');
  for (const detail of qualifiedNameErrors(key)) out.push(schedulingRules.labelKeyInvalid.at(fieldPath(at, 'key'), key, detail));
  if (validateValues) {
    values.forEach((v, i) => {
      for (const detail of labelValueErrors(String(v))) out.push(schedulingRules.labelValueInvalid.at(fieldPath(valuesAt, i), String(v), detail));
    });
  }
  return out;
}

/** `ValidateNodeFieldSelectorRequirement`: only `metadata.name`, In/NotIn with one node name. */
export function checkNodeFieldSelectorRequirement(req: NodeSelectorRequirement, at: string): Violation[] {
  const out: Violation[] = [];
  const values = Array.isArray(req.values) ? req.values : [];
  const valuesAt = fieldPath(at, 'values');
  if (req.operator === 'In' || req.operator === 'NotIn') {
    if (values.length !== 1) out.push(schedulingRules.fieldSingleValue.at(valuesAt));
  } else {
    out.push(schedulingRules.invalidOperator.at(fieldPath(at, 'operator'), String(req.operator)));
  }
  if (req.key !== 'metadata.name') {
    out.push(schedulingRules.fieldKeyInvalid.at(fieldPath(at, 'key'), String(req.key)));
  } else {
    values.forEach((v, i) => {
      for (const detail of dns1123SubdomainErrors(String(v))) out.push(schedulingRules.fieldValueInvalid.at(fieldPath(valuesAt, i), String(v), detail));
    });
  }
  return out;
}

/** `ValidateNodeSelectorTerm`. Label values are checked in required terms only, as current Kubernetes does. */
export function checkNodeSelectorTerm(term: NodeSelectorTerm, at: string, required: boolean): Violation[] {
  const out: Violation[] = [];
  if (isEmptyTerm(term)) out.push(schedulingRules.emptyTerm.at(at, required ? 'matches no node' : 'is ignored by the scheduler'));
  listedObjects(term?.matchExpressions).forEach((req, j) => out.push(...checkNodeSelectorRequirement(req, fieldPath(at, 'matchExpressions', j), required)));
  listedObjects(term?.matchFields).forEach((req, j) => out.push(...checkNodeFieldSelectorRequirement(req, fieldPath(at, 'matchFields', j))));
  return out;
}

/** Checks `nodeSelector`, `nodeName` and `affinity.nodeAffinity` of a pod spec at `base`. */
export function checkNodeSelection(pod: PodLike, base = 'spec'): Violation[] {
  const out: Violation[] = [];
  const spec = pod.spec;
  const selector = spec.nodeSelector;
  if (selector && typeof selector === 'object') {
    const at = fieldPath(base, 'nodeSelector');
    for (const [key, value] of Object.entries(selector)) {
      for (const detail of qualifiedNameErrors(key)) out.push(schedulingRules.labelKeyInvalid.at(at, key, detail));
      for (const detail of labelValueErrors(String(value))) out.push(schedulingRules.labelValueInvalid.at(at, String(value), detail));
    }
  }
  if (typeof spec.nodeName === 'string' && spec.nodeName.length > 0) {
    for (const detail of dns1123SubdomainErrors(spec.nodeName)) out.push(schedulingRules.nodeNameInvalid.at(fieldPath(base, 'nodeName'), spec.nodeName, detail));
  }
  const affinity = spec.affinity?.nodeAffinity;
  if (!affinity) return out;
  const at = fieldPath(base, 'affinity', 'nodeAffinity');
  const required = affinity.requiredDuringSchedulingIgnoredDuringExecution;
  if (required) {
    const termsAt = fieldPath(at, 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
    const terms = Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : [];
    if (terms.length === 0) out.push(schedulingRules.termsRequired.at(termsAt));
    terms.forEach((term, i) => out.push(...checkNodeSelectorTerm(term, fieldPath(termsAt, i), true)));
  }
  listedObjects(affinity.preferredDuringSchedulingIgnoredDuringExecution).forEach((term, i) => {
    const termAt = fieldPath(at, 'preferredDuringSchedulingIgnoredDuringExecution', i);
    const w = term.weight;
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > 100) out.push(schedulingRules.weightRange.at(fieldPath(termAt, 'weight'), String(w)));
    out.push(...checkNodeSelectorTerm(term.preference, fieldPath(termAt, 'preference'), false));
  });
  return out;
}
