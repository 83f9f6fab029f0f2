/**
 * Pod spec fields the API server validates one by one (`ValidatePodSpec`, `validateAffinity`,
 * `validateTopologySpreadConstraints`, `ValidateVolumes` in pkg/apis/core/validation/validation.go): names that must
 * be DNS labels or subdomains, `activeDeadlineSeconds` in 1–2147483647, inter-pod affinity terms, topology spread
 * constraints, a non-negative emptyDir `sizeLimit`, host aliases, the DNS config, and readiness and scheduling gates.
 * https://kubernetes.io/ja/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity
 * https://kubernetes.io/ja/docs/concepts/scheduling-eviction/topology-spread-constraints/
 */
import { REFERENCE } from '../docs';
import type { PodAffinityTerm, PodLike, TopologySpreadConstraint, WeightedPodAffinityTerm } from '../k8s';
import { isIPv6 } from 'node:net';
import { featureEnabled, targetVersion, type KubernetesVersion } from '../kubernetes-version';
import { dns1123LabelErrors, dns1123SubdomainErrors, qualifiedNameErrors } from '../names';
import { fieldPath } from '../path';
import { Quantity } from '../quantity';
import { defineRule, goQuote, type Violation } from '../violation';
import type { PodContext } from './area';
import { checkLabelSelector } from './metadata';
import { listedObjects } from './listed';

const POD_SPEC = 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#PodSpec';
const NAMES = 'https://kubernetes.io/ja/docs/concepts/overview/working-with-objects/names/';
const INTER_POD = 'https://kubernetes.io/ja/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity';
const SPREAD = 'https://kubernetes.io/ja/docs/concepts/scheduling-eviction/topology-spread-constraints/';
const EMPTY_DIR = 'https://kubernetes.io/ja/docs/concepts/storage/volumes/#emptydir';
const GRACE = 'https://kubernetes.io/ja/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination';
const HOST_ALIASES = REFERENCE.hostAliases;
const EPHEMERAL = REFERENCE.ephemeralContainers;
const IMAGES = REFERENCE.images;
const DNS_CONFIG = REFERENCE.podDnsConfig;
const READINESS_GATES = REFERENCE.readinessGates;
const SCHEDULING_GATES = REFERENCE.schedulingGates;

/** `MaxDNSNameservers`, `MaxDNSSearchPaths`, `MaxDNSSearchListChars` of the API server. */
const MAX_DNS_NAMESERVERS = 3;
const MAX_DNS_SEARCH_PATHS = 32;
const MAX_DNS_SEARCH_LIST_CHARS = 2048;
/** apimachinery `IsValidIP`'s message. */
export const INVALID_IP_MESSAGE = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

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
  spreadMatchLabelKeysWithoutSelector: defineRule('pod/topology-spread-match-label-keys-without-selector', SPREAD, () => 'Forbidden: must not be specified when labelSelector is not set'),
  spreadMatchLabelKeyInvalid: invalidName('pod/topology-spread-match-label-key-invalid', SPREAD),
  spreadMatchLabelKeyInSelector: defineRule('pod/topology-spread-match-label-key-in-selector', SPREAD, (key: string) => `Invalid value: ${goQuote(key)}: exists in both matchLabelKeys and labelSelector`),
  affinityLabelKeysWithoutSelector: defineRule('pod/pod-affinity-label-keys-without-selector', INTER_POD, () => 'Forbidden: must not be specified when labelSelector is not set'),
  affinityLabelKeyInvalid: invalidName('pod/pod-affinity-label-key-invalid', INTER_POD),
  affinityLabelKeyInSelector: defineRule('pod/pod-affinity-match-label-key-in-selector', INTER_POD, (key: string) => `Invalid value: ${goQuote(key)}: exists in both matchLabelKeys and labelSelector`),
  affinityLabelKeyInBoth: defineRule('pod/pod-affinity-match-label-key-in-mismatch', INTER_POD, (key: string) => `Invalid value: ${goQuote(key)}: exists in both matchLabelKeys and mismatchLabelKeys`),
  hostAliasIpInvalid: defineRule('pod/host-alias-ip-invalid', HOST_ALIASES, (ip: string) => `Invalid value: ${goQuote(ip)}: ${INVALID_IP_MESSAGE}`),
  hostAliasHostnameInvalid: invalidName('pod/host-alias-hostname-invalid', HOST_ALIASES),
  dnsNameserversRequired: defineRule('pod/dns-config-nameservers-required', DNS_CONFIG, () => 'Required value: must provide at least one DNS nameserver when `dnsPolicy` is None'),
  dnsNameserversTooMany: defineRule('pod/dns-config-nameservers-too-many', DNS_CONFIG, (list: string) => `Invalid value: ${list}: must not have more than ${MAX_DNS_NAMESERVERS} nameservers`),
  dnsNameserverInvalid: defineRule('pod/dns-config-nameserver-invalid', DNS_CONFIG, (ip: string) => `Invalid value: ${goQuote(ip)}: ${INVALID_IP_MESSAGE}`),
  dnsSearchesTooMany: defineRule('pod/dns-config-searches-too-many', DNS_CONFIG, (list: string) => `Invalid value: ${list}: must not have more than ${MAX_DNS_SEARCH_PATHS} search paths`),
  dnsSearchesTooLong: defineRule(
    'pod/dns-config-searches-too-long',
    DNS_CONFIG,
    (list: string) => `Invalid value: ${list}: must not have more than ${MAX_DNS_SEARCH_LIST_CHARS} characters (including spaces) in the search list`,
  ),
  dnsSearchInvalid: invalidName('pod/dns-config-search-invalid', DNS_CONFIG),
  dnsOptionNameRequired: defineRule('pod/dns-config-option-name-required', DNS_CONFIG, () => 'Required value: must not be empty'),
  readinessGateInvalid: invalidName('pod/readiness-gate-invalid', READINESS_GATES),
  schedulingGateInvalid: invalidName('pod/scheduling-gate-invalid', SCHEDULING_GATES),
  schedulingGateDuplicate: defineRule('pod/scheduling-gate-duplicate', SCHEDULING_GATES, (name: string) => `Duplicate value: ${goQuote(name)}`),
  /** `ValidatePodCreate` ("cannot be set on create") and `ValidatePodTemplateSpec` (templates): ephemeral containers are added to running pods only. */
  ephemeralContainersForbidden: defineRule('pod/ephemeral-containers-forbidden', EPHEMERAL, (inTemplate: boolean) =>
    inTemplate ? 'Forbidden: ephemeral containers not allowed in pod template' : 'Forbidden: cannot be set on create',
  ),
  /** `validateContainerOnlyForPod`: a Pod's (not a template's) container image. */
  imageWhitespace: defineRule('pod/image-whitespace', IMAGES, (image: string) => `Invalid value: ${goQuote(image)}: must not have leading or trailing whitespace`),
  /** Ours: a pod template's images are not checked for whitespace, but every Pod the workload creates is, and is rejected. */
  templateImageWhitespace: defineRule(
    'pod/template-image-whitespace',
    IMAGES,
    (image: string) => `Invalid value: ${goQuote(image)}: must not have leading or trailing whitespace (the workload is accepted, but every Pod it creates is rejected)`,
    'warning',
  ),
  inclusionPolicyUnsupported: defineRule(
    'pod/topology-spread-inclusion-policy-unsupported',
    SPREAD,
    (value: string) => `Unsupported value: ${goQuote(value)}: supported values: "Honor", "Ignore"`,
  ),
};

const DNS1123_SUBDOMAIN_WITH_UNDERSCORE = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*';
const DNS1123_SUBDOMAIN_WITH_UNDERSCORE_RE = new RegExp(`^${DNS1123_SUBDOMAIN_WITH_UNDERSCORE}$`);

/** apimachinery `IsDNS1123SubdomainWithUnderscore`, with its messages. */
function dns1123SubdomainWithUnderscoreErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN_WITH_UNDERSCORE_RE.test(value))
    errs.push(
      `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${DNS1123_SUBDOMAIN_WITH_UNDERSCORE}')`,
    );
  return errs;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** `validatePodAffinityTerm`: selectors, namespaces, and a topologyKey that is a non-empty qualified name. */
function checkAffinityTerm(term: PodAffinityTerm, at: string): Violation[] {
  if (!isRecord(term)) return [];
  const out = [...checkLabelSelector(term.labelSelector, `${at}.labelSelector`), ...checkLabelSelector(term.namespaceSelector, `${at}.namespaceSelector`)];
  for (const ns of Array.isArray(term.namespaces) ? term.namespaces : [])
    if (typeof ns === 'string') for (const detail of dns1123LabelErrors(ns)) out.push(podFieldRules.affinityNamespaceInvalid.at(`${at}.namespace`, ns, detail));
  out.push(...checkAffinityLabelKeys(term, at));
  const key = typeof term.topologyKey === 'string' ? term.topologyKey : '';
  if (key === '') out.push(podFieldRules.affinityTopologyKeyRequired.at(`${at}.topologyKey`));
  for (const detail of qualifiedNameErrors(key)) out.push(podFieldRules.affinityTopologyKeyInvalid.at(`${at}.topologyKey`, key, detail));
  return out;
}

const stringsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * `validateMatchLabelKeysAndMismatchLabelKeys`: both lists need a labelSelector and hold label keys; a matchLabelKeys key
 * may not also be a key of the selector's matchExpressions (reported at the term's own index, as the API server
 * does), nor a mismatchLabelKeys key.
 */
function checkAffinityLabelKeys(term: PodAffinityTerm, at: string): Violation[] {
  const out: Violation[] = [];
  const match = stringsOf(term.matchLabelKeys);
  const mismatch = stringsOf(term.mismatchLabelKeys);
  const selector = isRecord(term.labelSelector) ? term.labelSelector : undefined;
  for (const [field, keys] of [['matchLabelKeys', match], ['mismatchLabelKeys', mismatch]] as const) {
    if (keys.length === 0) continue;
    if (!selector) {
      out.push(podFieldRules.affinityLabelKeysWithoutSelector.at(`${at}.${field}`));
      continue;
    }
    keys.forEach((key, i) => {
      for (const detail of qualifiedNameErrors(key)) out.push(podFieldRules.affinityLabelKeyInvalid.at(fieldPath(`${at}.${field}`, i), key, detail));
    });
  }
  if (selector) {
    const index = new Map(match.map((key, i) => [key, i] as const));
    const seen = new Set(Object.keys(isRecord(selector.matchLabels) ? selector.matchLabels : {}));
    for (const expr of Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []) {
      const key = isRecord(expr) && typeof expr.key === 'string' ? expr.key : undefined;
      if (key === undefined) continue;
      const i = index.get(key);
      if (i !== undefined && seen.has(key)) out.push(podFieldRules.affinityLabelKeyInSelector.at(fieldPath(at, i), key));
      seen.add(key);
    }
  }
  const mismatchSet = new Set(mismatch);
  match.forEach((key, i) => {
    if (mismatchSet.has(key)) out.push(podFieldRules.affinityLabelKeyInBoth.at(fieldPath(`${at}.matchLabelKeys`, i), key));
  });
  return out;
}

/** `validateMatchLabelKeysInTopologySpread`: the keys need a labelSelector, are label keys, and are not keys of the selector. */
function checkSpreadLabelKeys(c: TopologySpreadConstraint, at: string): Violation[] {
  const keys = stringsOf(c.matchLabelKeys);
  if (keys.length === 0) return [];
  const out: Violation[] = [];
  const selectorKeys = new Set<string>();
  if (isRecord(c.labelSelector)) {
    for (const key of Object.keys(isRecord(c.labelSelector.matchLabels) ? c.labelSelector.matchLabels : {})) selectorKeys.add(key);
    for (const expr of Array.isArray(c.labelSelector.matchExpressions) ? c.labelSelector.matchExpressions : []) if (isRecord(expr) && typeof expr.key === 'string') selectorKeys.add(expr.key);
  } else out.push(podFieldRules.spreadMatchLabelKeysWithoutSelector.at(`${at}.matchLabelKeys`));
  keys.forEach((key, i) => {
    const p = fieldPath(`${at}.matchLabelKeys`, i);
    for (const detail of qualifiedNameErrors(key)) out.push(podFieldRules.spreadMatchLabelKeyInvalid.at(p, key, detail));
    if (selectorKeys.has(key)) out.push(podFieldRules.spreadMatchLabelKeyInSelector.at(p, key));
  });
  return out;
}

/** apimachinery `IsValidIP` (`ParseIPSloppy`): IPv4 in dotted decimal (leading zeros allowed), or IPv6. */
export function isValidIp(value: string): boolean {
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(value);
  if (v4) return v4.slice(1).every((octet) => octet.length <= 3 && Number(octet) <= 255);
  return value.includes(':') && isIPv6(value);
}

/** `ValidateHostAliases`: each ip an IP address, each hostname a DNS subdomain. */
function checkHostAliases(aliases: unknown, at: string): Violation[] {
  if (!Array.isArray(aliases)) return [];
  const out: Violation[] = [];
  listedObjects(aliases).forEach((alias, i) => {
    if (!isRecord(alias)) return;
    const a = fieldPath(at, i);
    const ip = typeof alias.ip === 'string' ? alias.ip : '';
    if (!isValidIp(ip)) out.push(podFieldRules.hostAliasIpInvalid.at(`${a}.ip`, ip));
    stringsOf(alias.hostnames).forEach((hostname, j) => {
      for (const detail of dns1123SubdomainErrors(hostname)) out.push(podFieldRules.hostAliasHostnameInvalid.at(fieldPath(`${a}.hostnames`, j), hostname, detail));
    });
  });
  return out;
}

/** `validatePodDNSConfig`: with dnsPolicy None a nameserver (the dnsConfig itself: pod-policies.ts); at most 3 nameservers, each an IP; the search list's limits. */
function checkDnsConfig(config: unknown, dnsPolicy: unknown, at: string, version: KubernetesVersion): Violation[] {
  if (dnsPolicy === 'None') {
    // a missing dnsConfig is pod/dns-config-required (pod-policies.ts)
    if (!isRecord(config)) return [];
    if (!Array.isArray(config.nameservers) || config.nameservers.length === 0) return [podFieldRules.dnsNameserversRequired.at(`${at}.nameservers`)];
  }
  if (!isRecord(config)) return [];
  const out: Violation[] = [];
  const nameservers = stringsOf(config.nameservers);
  if (nameservers.length > MAX_DNS_NAMESERVERS) out.push(podFieldRules.dnsNameserversTooMany.at(`${at}.nameservers`, JSON.stringify(nameservers)));
  nameservers.forEach((ns, i) => {
    if (!isValidIp(ns)) out.push(podFieldRules.dnsNameserverInvalid.at(fieldPath(`${at}.nameservers`, i), ns));
  });
  const searches = stringsOf(config.searches);
  if (searches.length > MAX_DNS_SEARCH_PATHS) out.push(podFieldRules.dnsSearchesTooMany.at(`${at}.searches`, JSON.stringify(searches)));
  if (searches.join(' ').length > MAX_DNS_SEARCH_LIST_CHARS) out.push(podFieldRules.dnsSearchesTooLong.at(`${at}.searches`, JSON.stringify(searches)));
  // relaxed search validation (RelaxedDNSSearchValidation, on by default from 1.33): "." alone, and underscores;
  // before, a search path (less one trailing dot) is a DNS subdomain
  const relaxed = featureEnabled('RelaxedDNSSearchValidation', version);
  searches.forEach((search, i) => {
    if (relaxed && search === '.') return;
    const trimmed = search.endsWith('.') ? search.slice(0, -1) : search;
    const errors = relaxed ? dns1123SubdomainWithUnderscoreErrors(trimmed) : dns1123SubdomainErrors(trimmed);
    for (const detail of errors) out.push(podFieldRules.dnsSearchInvalid.at(fieldPath(`${at}.searches`, i), trimmed, detail));
  });
  (Array.isArray(config.options) ? config.options : []).forEach((option, i) => {
    if (!isRecord(option) || typeof option.name !== 'string' || option.name.length === 0) out.push(podFieldRules.dnsOptionNameRequired.at(fieldPath(`${at}.options`, i)));
  });
  return out;
}

/** `validateReadinessGates` and `validateSchedulingGates`: qualified names; scheduling gates unique. */
function checkGates(spec: Record<string, unknown>, base: string): Violation[] {
  const out: Violation[] = [];
  listedObjects(spec.readinessGates).forEach((gate, i) => {
    if (!isRecord(gate)) return;
    const type = typeof gate.conditionType === 'string' ? gate.conditionType : '';
    for (const detail of qualifiedNameErrors(type)) out.push(podFieldRules.readinessGateInvalid.at(`${fieldPath(`${base}.readinessGates`, i)}.conditionType`, type, detail));
  });
  const seen = new Set<string>();
  listedObjects(spec.schedulingGates).forEach((gate, i) => {
    if (!isRecord(gate)) return;
    const name = typeof gate.name === 'string' ? gate.name : '';
    const p = fieldPath(`${base}.schedulingGates`, i);
    for (const detail of qualifiedNameErrors(name)) out.push(podFieldRules.schedulingGateInvalid.at(p, name, detail));
    if (seen.has(name)) out.push(podFieldRules.schedulingGateDuplicate.at(p, name));
    seen.add(name);
  });
  return out;
}

function checkInterPodAffinity(affinity: unknown, at: string): Violation[] {
  if (!isRecord(affinity)) return [];
  const out: Violation[] = [];
  const required = affinity.requiredDuringSchedulingIgnoredDuringExecution;
  listedObjects(Array.isArray(required) ? (required as PodAffinityTerm[]) : []).forEach((term, i) => out.push(...checkAffinityTerm(term, fieldPath(`${at}.requiredDuringSchedulingIgnoredDuringExecution`, i))));
  const preferred = affinity.preferredDuringSchedulingIgnoredDuringExecution;
  listedObjects(Array.isArray(preferred) ? (preferred as WeightedPodAffinityTerm[]) : []).forEach((weighted, i) => {
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
  const listed = listedObjects(constraints);
  listed.forEach((c, i) => {
    if (!isRecord(c)) return;
    const sub = fieldPath(at, i);
    if (typeof c.maxSkew !== 'number' || c.maxSkew <= 0) out.push(podFieldRules.maxSkewNotPositive.at(`${sub}.maxSkew`, c.maxSkew));
    if (!nonEmpty(c.topologyKey)) out.push(podFieldRules.spreadTopologyKeyRequired.at(`${sub}.topologyKey`));
    const when = typeof c.whenUnsatisfiable === 'string' ? c.whenUnsatisfiable : '';
    if (when !== 'DoNotSchedule' && when !== 'ScheduleAnyway') out.push(podFieldRules.whenUnsatisfiableUnsupported.at(`${sub}.whenUnsatisfiable`, when));
    // `ValidateSpreadConstraintNotRepeat`: reported on the first of two, their unset fields read as empty
    if (listed.slice(i + 1).some((r) => isRecord(r) && (r.topologyKey ?? '') === (c.topologyKey ?? '') && (r.whenUnsatisfiable ?? '') === (c.whenUnsatisfiable ?? '')))
      out.push(podFieldRules.spreadDuplicate.at(`${sub}.{topologyKey, whenUnsatisfiable}`, String(c.topologyKey ?? ''), when));
    if (c.minDomains !== undefined && c.minDomains !== null) {
      if (typeof c.minDomains !== 'number' || c.minDomains <= 0) out.push(podFieldRules.minDomainsNotPositive.at(`${sub}.minDomains`, c.minDomains));
      if (when !== 'DoNotSchedule') out.push(podFieldRules.minDomainsNeedsDoNotSchedule.at(`${sub}.minDomains`, c.minDomains, when));
    }
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy'] as const) {
      const v = c[policy];
      if (v !== undefined && v !== null && v !== 'Honor' && v !== 'Ignore') out.push(podFieldRules.inclusionPolicyUnsupported.at(`${sub}.${policy}`, String(v)));
    }
    out.push(...checkSpreadLabelKeys(c, sub));
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
export function checkPodFields(pod: PodLike, base = 'spec', context: PodContext = {}): Violation[] {
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
  // a bare Pod's spec is at `spec`; a template's is nested (`spec.template.spec` …)
  const isPod = base === 'spec';
  if (Array.isArray(spec.ephemeralContainers) && spec.ephemeralContainers.length > 0) out.push(podFieldRules.ephemeralContainersForbidden.at(`${base}.ephemeralContainers`, !isPod));
  const imageWhitespace = isPod ? podFieldRules.imageWhitespace : podFieldRules.templateImageWhitespace;
  for (const list of ['containers', 'initContainers'] as const)
    (Array.isArray(spec[list]) ? spec[list] : []).forEach((c, i) => {
      const image = isRecord(c) ? c.image : undefined;
      if (typeof image === 'string' && image.trim() !== image) out.push(imageWhitespace.at(`${fieldPath(`${base}.${list}`, i)}.image`, image));
    });
  out.push(...checkHostAliases(spec.hostAliases, `${base}.hostAliases`));
  out.push(...checkDnsConfig(spec.dnsConfig, spec.dnsPolicy, `${base}.dnsConfig`, targetVersion(context)));
  out.push(...checkGates(spec, base));
  if (Array.isArray(spec.topologySpreadConstraints)) out.push(...checkTopologySpread(spec.topologySpreadConstraints, `${base}.topologySpreadConstraints`));
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((volume, i) => {
    const limit = isRecord(volume) && isRecord(volume.emptyDir) ? volume.emptyDir.sizeLimit : undefined;
    if (typeof limit !== 'string' && typeof limit !== 'number') return;
    const q = Quantity.tryParse(limit);
    if (q.ok && q.quantity.sign() < 0) out.push(podFieldRules.emptyDirSizeLimitNegative.at(`${fieldPath(`${base}.volumes`, i)}.emptyDir.sizeLimit`));
  });
  return out;
}
