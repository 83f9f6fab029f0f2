/**
 * The public part of the pure library: what a user writes with or reads back. Rule internals (the rule
 * tables, message builders, Go-compatible helpers, the ConfigMap engine) stay reachable from their own modules
 * for this repository's tests, not from the package. Manifest wire types are the `k8s` namespace (index.ts).
 */
export { Quantity, parseQuantity } from './quantity';
export type { BinarySuffix, DecimalSuffix, QuantityErrorKind, QuantityFormat, QuantityInput, QuantityParseResult } from './quantity';
export { ViolationError, assertNoViolations, failing, formatViolation } from './violation';
export type { Rule, Severity, Violation } from './violation';
// from the catalog, not lib/violation: it registers the rule ids (declaration merging), so the declarations that export RuleId load it
export type { RuleId } from './rules/catalog';
export type { PageSlug } from './docs';
export { RULE_AREAS } from './rules/areas';
export { checkObject, checkPod } from './rules/check';
export { checkApp } from './rules/app';
export type { AppContext, Finding, ObjectRef } from './rules/app';
export { checkQosClass, qosClassOf } from './rules/qos';
export type { QosClass } from './rules/qos';
export { checkPodSecurity, checkPodSecurityOf, podSecurityLevelOf, podSecurityMessage, LATEST_POD_SECURITY_VERSION, PodSecurityPolicyError } from './rules/pod-security';
export type { PodSecurityLevel, PodSecurityPolicyInput, PodSecurityViolation } from './rules/pod-security';
export { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS } from './kubernetes-version';
export type { KubernetesVersion, RuleOptions } from './kubernetes-version';
export { effectiveSecurityContext } from './rules/security-context';
export { startupBudgetSeconds } from './rules/probes';
export { checkSchedulability } from './rules/schedulability';
export type { SchedulabilityOptions } from './rules/schedulability';
export type { ClusterProfile, NodeAllocatable, NodeProfile, ProfileQuantity } from './scheduling/profile';
export type { SimulateOptions } from './scheduling/simulate';
