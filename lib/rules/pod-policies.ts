/**
 * Pod-level policies the probe and init pages rely on: `restartPolicy` ("Startup Probeが成功しない場合、コンテナは300秒後に
 * 終了し、その後はPodの`restartPolicy`に従います"), `dnsPolicy` (the init page's Pod sets `dnsPolicy: Default`) and
 * containers' `resizePolicy`, whose restart policy depends on the pod's. Empty values are defaulted before
 * validation (restartPolicy → Always, dnsPolicy → ClusterFirst). (k8s-validation-rules.md §8.)
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
 */
import { REFERENCE } from '../docs';
import { containersOf, type PodLike } from '../k8s';
import { fieldPath, withIndexedPath } from '../path';
import { defineRule, goQuote, type Violation } from '../violation';
import { listedObjects } from './listed';

const RESTART = REFERENCE.restartPolicy;
const DNS = REFERENCE.dnsPolicy;
const RESIZE = REFERENCE.resizePolicy;

/** Pod `restartPolicy` values, in the API server's order. */
export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
/** Pod `dnsPolicy` values, in the API server's order. */
export const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] as const;
const RESIZE_RESOURCES = ['cpu', 'memory'] as const;
const RESIZE_RESTART_POLICIES = ['NotRequired', 'RestartContainer'] as const;

const supported = (values: readonly string[]) => values.map(goQuote).join(', ');

/** The pod-policy rules, with the API server's messages. */
export const podPolicyRules = {
  restartPolicyUnsupported: defineRule(
    'pod/restart-policy-unsupported',
    RESTART,
    (value: string) => `Unsupported value: ${goQuote(value)}: supported values: ${supported(RESTART_POLICIES)}`,
  ),
  dnsPolicyUnsupported: defineRule(
    'pod/dns-policy-unsupported',
    DNS,
    (value: string) => `Unsupported value: ${goQuote(value)}: supported values: ${supported(DNS_POLICIES)}`,
  ),
  dnsConfigRequired: defineRule('pod/dns-config-required', DNS, () => 'Required value: must provide `dnsConfig` when `dnsPolicy` is None'),
  resizePolicyDuplicate: defineRule('pod/resize-policy-duplicate', RESIZE, (name: string) => `Duplicate value: ${goQuote(name)}`),
  resizePolicyRequired: defineRule('pod/resize-policy-required', RESIZE, () => 'Required value'),
  resizePolicyResourceUnsupported: defineRule(
    'pod/resize-policy-resource-unsupported',
    RESIZE,
    (value: string) => `Unsupported value: ${goQuote(value)}: supported values: ${supported(RESIZE_RESOURCES)}`,
  ),
  resizePolicyRestartUnsupported: defineRule(
    'pod/resize-policy-restart-unsupported',
    RESIZE,
    (value: string) => `Unsupported value: ${goQuote(value)}: supported values: ${supported(RESIZE_RESTART_POLICIES)}`,
  ),
  resizePolicyNeverRequiresNotRequired: defineRule(
    'pod/resize-policy-never-requires-not-required',
    RESIZE,
    (value: string) => `Invalid value: ${goQuote(value)}: must be 'NotRequired' when \`restartPolicy\` is 'Never'`,
  ),
};

/** Checks `restartPolicy`, `dnsPolicy` (+ `dnsConfig`) and every container's `resizePolicy`. */
export function checkPodPolicies(pod: PodLike, base = 'spec'): Violation[] {
  const out: Violation[] = [];
  const spec = pod.spec;
  const restart = spec.restartPolicy || 'Always';
  if (!(RESTART_POLICIES as readonly string[]).includes(restart)) out.push(podPolicyRules.restartPolicyUnsupported.at(`${base}.restartPolicy`, restart));
  const dns = spec.dnsPolicy || 'ClusterFirst';
  if (!(DNS_POLICIES as readonly string[]).includes(dns)) out.push(podPolicyRules.dnsPolicyUnsupported.at(`${base}.dnsPolicy`, dns));
  if (dns === 'None' && (spec.dnsConfig === undefined || spec.dnsConfig === null)) out.push(podPolicyRules.dnsConfigRequired.at(`${base}.dnsConfig`));
  for (const { container, rel } of containersOf(spec)) {
    if (!Array.isArray(container.resizePolicy)) continue;
    const at = `${base}.${rel}.resizePolicy`;
    const seen = new Set<string>();
    listedObjects(container.resizePolicy).forEach((p, i) => {
      // Upstream's validateResizePolicy reports all but a duplicate on the list itself (`field.Required(fldPath, "")`,
      // `field.NotSupported(fldPath, …)`), whichever entry it is; each finding also carries the entry's field, so
      // that the linter points at that entry's line.
      const entry = (field: 'resourceName' | 'restartPolicy') => `${fieldPath(at, i)}.${field}`;
      const name = p.resourceName ?? '';
      if (seen.has(name)) out.push(podPolicyRules.resizePolicyDuplicate.at(fieldPath(at, i), name));
      seen.add(name);
      if (name === '') out.push(withIndexedPath(podPolicyRules.resizePolicyRequired.at(at), entry('resourceName')));
      else if (!(RESIZE_RESOURCES as readonly string[]).includes(name)) out.push(withIndexedPath(podPolicyRules.resizePolicyResourceUnsupported.at(at, name), entry('resourceName')));
      const policy = p.restartPolicy ?? '';
      if (policy === '') out.push(withIndexedPath(podPolicyRules.resizePolicyRequired.at(at), entry('restartPolicy')));
      else if (!(RESIZE_RESTART_POLICIES as readonly string[]).includes(policy)) out.push(withIndexedPath(podPolicyRules.resizePolicyRestartUnsupported.at(at, policy), entry('restartPolicy')));
      if (restart === 'Never' && policy !== 'NotRequired') out.push(withIndexedPath(podPolicyRules.resizePolicyNeverRequiresNotRequired.at(at, policy), entry('restartPolicy')));
    });
  }
  return out;
}
