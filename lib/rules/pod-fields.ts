/**
 * Pod spec fields the API server validates one by one (`ValidatePodSpec`, `validateAffinity`,
 * `validateTopologySpreadConstraints`, `ValidateVolumes` in pkg/apis/core/validation/validation.go): names that must
 * be DNS labels or subdomains, `activeDeadlineSeconds` in 1–2147483647, inter-pod affinity terms, topology spread
 * constraints and a non-negative emptyDir `sizeLimit`.
 * https://kubernetes.io/ja/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity
 * https://kubernetes.io/ja/docs/concepts/scheduling-eviction/topology-spread-constraints/
 */
import type { PodAffinityTerm, PodLike, TopologySpreadConstraint, WeightedPodAffinityTerm } from '../k8s';
import { dns1123LabelErrors, dns1123SubdomainErrors, qualifiedNameErrors } from '../names';
import { fieldPath } from '../path';
import { Quantity } from '../quantity';
import { defineRule, goQuote, type Violation } from '../violation';
import { checkLabelSelector } from './metadata';

const POD_SPEC = 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#PodSpec';
const NAMES = 'https://kubernetes.io/ja/docs/concepts/overview/working-with-objects/names/';
const INTER_POD = 'https://kubernetes.io/ja/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity';
const SPREAD = 'https://kubernetes.io/ja/docs/concepts/scheduling-eviction/topology-spread-constraints/';
const EMPTY_DIR = 'https://kubernetes.io/ja/docs/concepts/storage/volumes/#emptydir';
const GRACE = 'https://kubernetes.io/ja/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination';

const MAX_INT32 = 2147483647;
const invalidName = <const Id extends string>(id: Id, docs: string) => defineRule(id, docs, (value: string, detail: string) => `Invalid value: ${goQuote(value)}: ${detail}`);
const show = (v: unknown) => (typeof v === 'string' ? goQuote(v) : String(v));

export const podFieldRules = {
  activeDeadlineSecondsRange: defineRule(
    'pod/active-deadline-seconds-range',
    POD_SPEC,
    (value: unknown) => `Invalid value: ${show(value)}: must be between 1 and ${MAX_INT32}, inclusive`,
  ),
  hostnameInvalid: invalidName('pod/hostname-invalid', NAMES),
  subdomainInvalid: invalidName('pod/subdomain-invalid', NAMES),
  serviceAccountNameInvalid: invalidName('pod/service-account-name-invalid', NAMES),
  priorityClassNameInvalid: invalidName('pod/priority-class-name-invalid', NAMES),
  runtimeClassNameInvalid: invalidName('pod/runtime-class-name-invalid', NAMES),
  /** Ours: the API server accepts a negative value and sets it to 1 (since 1.27), so what is written is not what runs. */
  terminationGracePeriodNegative: defineRule(
    'pod/termination-grace-period-negative',
    GRACE,
    (value: number) => `Invalid value: ${value}: must be greater than or equal to 0 (the API server replaces a negative value with 1)`,
    'warning',
  ),
  emptyDirSizeLimitNegative: defineRule('pod/empty-dir-size-limit-negative', EMPTY_DIR, () => 'Forbidden: SizeLimit field must be a valid resource quantity'),
  affinityWeightRange: defineRule('pod/pod-affinity-weight-range', INTER_POD, (weight: unknown) => `Invalid value: ${show(weight)}: must be in the range 1-100`),
  affinityTopologyKeyRequired: defineRule('pod/pod-affinity-topology-key-required', INTER_POD, () => 'Required value: can not be empty'),
  affinityTopologyKeyInvalid: invalidName('pod/pod-affinity-topology-key-invalid', INTER_POD),
  affinityNamespaceInvalid: invalidName('pod/pod-affinity-namespace-invalid', INTER_POD),
  maxSkewNotPositive: defineRule('pod/topology-spread-max-skew', SPREAD, (value: unknown) => `Invalid value: ${show(value)}: must be greater than zero`),
  spreadTopologyKeyRequired: defineRule('pod/topology-spread-topology-key-required', SPREAD, () => 'Required value: can not be empty'),
  whenUnsatisfiableUnsupported: defineRule(
    'pod/topology-spread-when-unsatisfiable-unsupported',
    SPREAD,
    (value: string) => `Unsupported value: ${goQuote(value)}: supported values: "DoNotSchedule", "ScheduleAnyway"`,
  ),
  spreadDuplicate: defineRule('pod/topology-spread-duplicate', SPREAD, (topologyKey: string, when: string) => `Duplicate value: ${goQuote(`{${topologyKey}, ${when}}`)}`),
  minDomainsNotPositive: defineRule('pod/topology-spread-min-domains', SPREAD, (value: unknown) => `Invalid value: ${show(value)}: must be greater than zero`),
  minDomainsNeedsDoNotSchedule: defineRule(
    'pod/topology-spread-min-domains-requires-do-not-schedule',
    SPREAD,
    (value: unknown, when: string) => `Invalid value: ${show(value)}: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${when}`,
  ),
  inclusionPolicyUnsupported: defineRule(
    'pod/topology-spread-inclusion-policy-unsupported',
    SPREAD,
    (value: string) => `Unsupported value: ${goQuote(value)}: supported values: "Honor", "Ignore"`,
  ),
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** `validatePodAffinityTerm`: selectors, namespaces, and a topologyKey that is a non-empty qualified name. */
function checkAffinityTerm(term: PodAffinityTerm, at: string): Violation[] {
  if (!isRecord(term)) return [];
  const out = [...checkLabelSelector(term.labelSelector, `${at}.labelSelector`), ...checkLabelSelector(term.namespaceSelector, `${at}.namespaceSelector`)];
  for (const ns of Array.isArray(term.namespaces) ? term.namespaces : [])
    if (typeof ns === 'string') for (const detail of dns1123LabelErrors(ns)) out.push(podFieldRules.affinityNamespaceInvalid.at(`${at}.namespace`, ns, detail));
  const key = typeof term.topologyKey === 'string' ? term.topologyKey : '';
  if (key === '') out.push(podFieldRules.affinityTopologyKeyRequired.at(`${at}.topologyKey`));
  for (const detail of qualifiedNameErrors(key)) out.push(podFieldRules.affinityTopologyKeyInvalid.at(`${at}.topologyKey`, key, detail));
  return out;
}

function checkInterPodAffinity(affinity: unknown, at: string): Violation[] {
  if (!isRecord(affinity)) return [];
  const out: Violation[] = [];
  const required = affinity.requiredDuringSchedulingIgnoredDuringExecution;
  (Array.isArray(required) ? (required as PodAffinityTerm[]) : []).forEach((term, i) => out.push(...checkAffinityTerm(term, fieldPath(`${at}.requiredDuringSchedulingIgnoredDuringExecution`, i))));
  const preferred = affinity.preferredDuringSchedulingIgnoredDuringExecution;
  (Array.isArray(preferred) ? (preferred as WeightedPodAffinityTerm[]) : []).forEach((weighted, i) => {
    if (!isRecord(weighted)) return;
    const w = fieldPath(`${at}.preferredDuringSchedulingIgnoredDuringExecution`, i);
    const weight = weighted.weight;
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 1 || weight > 100) out.push(podFieldRules.affinityWeightRange.at(`${w}.weight`, weight));
    out.push(...checkAffinityTerm(weighted.podAffinityTerm, `${w}.podAffinityTerm`));
  });
  return out;
}

function checkTopologySpread(constraints: readonly TopologySpreadConstraint[], at: string): Violation[] {
  const out: Violation[] = [];
  constraints.forEach((c, i) => {
    if (!isRecord(c)) return;
    const sub = fieldPath(at, i);
    if (typeof c.maxSkew !== 'number' || c.maxSkew <= 0) out.push(podFieldRules.maxSkewNotPositive.at(`${sub}.maxSkew`, c.maxSkew));
    if (!nonEmpty(c.topologyKey)) out.push(podFieldRules.spreadTopologyKeyRequired.at(`${sub}.topologyKey`));
    const when = typeof c.whenUnsatisfiable === 'string' ? c.whenUnsatisfiable : '';
    if (when !== 'DoNotSchedule' && when !== 'ScheduleAnyway') out.push(podFieldRules.whenUnsatisfiableUnsupported.at(`${sub}.whenUnsatisfiable`, when));
    if (constraints.slice(i + 1).some((r) => isRecord(r) && r.topologyKey === c.topologyKey && r.whenUnsatisfiable === c.whenUnsatisfiable))
      out.push(podFieldRules.spreadDuplicate.at(`${sub}.{topologyKey, whenUnsatisfiable}`, String(c.topologyKey ?? ''), when));
    if (c.minDomains !== undefined && c.minDomains !== null) {
      if (typeof c.minDomains !== 'number' || c.minDomains <= 0) out.push(podFieldRules.minDomainsNotPositive.at(`${sub}.minDomains`, c.minDomains));
      if (when !== 'DoNotSchedule') out.push(podFieldRules.minDomainsNeedsDoNotSchedule.at(`${sub}.minDomains`, c.minDomains, when));
    }
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy'] as const) {
      const v = c[policy];
      if (v !== undefined && v !== null && v !== 'Honor' && v !== 'Ignore') out.push(podFieldRules.inclusionPolicyUnsupported.at(`${sub}.${policy}`, String(v)));
    }
    out.push(...checkLabelSelector(c.labelSelector, `${sub}.labelSelector`));
  });
  return out;
}

/** The pod spec's name fields, each with its rule and its name validation (one list for every call). */
const NAMED_FIELDS = [
  ['hostname', podFieldRules.hostnameInvalid, dns1123LabelErrors],
  ['subdomain', podFieldRules.subdomainInvalid, dns1123LabelErrors],
  ['serviceAccountName', podFieldRules.serviceAccountNameInvalid, dns1123SubdomainErrors],
  ['priorityClassName', podFieldRules.priorityClassNameInvalid, dns1123SubdomainErrors],
] as const;

/** Checks the pod spec fields listed in this file's header. */
export function checkPodFields(pod: PodLike, base = 'spec'): Violation[] {
  const spec = pod.spec;
  const out: Violation[] = [];
  const ads = spec.activeDeadlineSeconds as unknown;
  if (ads !== undefined && ads !== null && (typeof ads !== 'number' || ads < 1 || ads > MAX_INT32))
    out.push(podFieldRules.activeDeadlineSecondsRange.at(`${base}.activeDeadlineSeconds`, ads));
  for (const [field, rule, errors] of NAMED_FIELDS) {
    const value = spec[field];
    if (nonEmpty(value)) for (const detail of errors(value)) out.push(rule.at(`${base}.${field}`, value, detail));
  }
  // runtimeClassName is validated whenever it is set, even empty
  if (typeof spec.runtimeClassName === 'string')
    for (const detail of dns1123SubdomainErrors(spec.runtimeClassName)) out.push(podFieldRules.runtimeClassNameInvalid.at(`${base}.runtimeClassName`, spec.runtimeClassName, detail));
  const grace = spec.terminationGracePeriodSeconds;
  if (typeof grace === 'number' && grace < 0) out.push(podFieldRules.terminationGracePeriodNegative.at(`${base}.terminationGracePeriodSeconds`, grace));
  const affinity = spec.affinity;
  if (isRecord(affinity)) {
    out.push(...checkInterPodAffinity(affinity.podAffinity, `${base}.affinity.podAffinity`));
    out.push(...checkInterPodAffinity(affinity.podAntiAffinity, `${base}.affinity.podAntiAffinity`));
  }
  if (Array.isArray(spec.topologySpreadConstraints)) out.push(...checkTopologySpread(spec.topologySpreadConstraints, `${base}.topologySpreadConstraints`));
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((volume, i) => {
    const limit = isRecord(volume) && isRecord(volume.emptyDir) ? volume.emptyDir.sizeLimit : undefined;
    if (typeof limit !== 'string' && typeof limit !== 'number') return;
    const q = Quantity.tryParse(limit);
    if (q.ok && q.quantity.sign() < 0) out.push(podFieldRules.emptyDirSizeLimitNegative.at(`${fieldPath(`${base}.volumes`, i)}.emptyDir.sizeLimit`));
  });
  return out;
}
