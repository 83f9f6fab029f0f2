/**
 * Fields whose feature is off by default in the target Kubernetes version. With the gate off the API server drops the
 * field before validation (`dropDisabledFields`, pkg/api/pod/util.go): an `image` volume loses its source and is
 * rejected as a volume without a type; `hostUsers: false` and `procMount: Unmasked` are silently removed, so the pod
 * runs in the host's user namespace with the default /proc masks. Feature states are the defaults of
 * lib/kubernetes-version.ts (ImageVolume on from 1.35, UserNamespacesSupport and ProcMountType from 1.33).
 * https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/
 */
import { containersOf, type PodLike } from '../k8s';
import { FEATURE_ON_BY_DEFAULT_SINCE, featureEnabled, targetVersion, type KubernetesVersion, type RuleOptions } from '../kubernetes-version';
import { fieldPath } from '../path';
import { defineRule, type Violation } from '../violation';

const IMAGE = 'https://kubernetes.io/docs/concepts/storage/volumes/#image';
const USER_NS = 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/';
const PROC_MOUNT = 'https://kubernetes.io/docs/concepts/security/linux-kernel-security-constraints/#proc-mount';

export const featureGateRules = {
  imageVolume: defineRule(
    'feature-gates/image-volume',
    IMAGE,
    (target: KubernetesVersion) =>
      `Required value: must specify a volume type (the ImageVolume feature is off by default in Kubernetes ${target}, on from ${FEATURE_ON_BY_DEFAULT_SINCE.ImageVolume}: the API server drops the image source)`,
  ),
  hostUsers: defineRule(
    'feature-gates/host-users',
    USER_NS,
    (target: KubernetesVersion) =>
      `the UserNamespacesSupport feature is off by default in Kubernetes ${target} (on from ${FEATURE_ON_BY_DEFAULT_SINCE.UserNamespacesSupport}): the API server drops hostUsers and the pod runs in the host's user namespace`,
    'warning',
  ),
  procMount: defineRule(
    'feature-gates/proc-mount',
    PROC_MOUNT,
    (target: KubernetesVersion) =>
      `the ProcMountType feature is off by default in Kubernetes ${target} (on from ${FEATURE_ON_BY_DEFAULT_SINCE.ProcMountType}): the API server drops procMount and /proc stays masked`,
    'warning',
  ),
};

/** The pod check: fields of features that are off by default in the target version. */
export function checkFeatureGates(pod: PodLike, base = 'spec', options: RuleOptions = {}): Violation[] {
  const target = targetVersion(options);
  const out: Violation[] = [];
  const spec = pod.spec;
  if (!featureEnabled('ImageVolume', target)) {
    (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v, i) => {
      if (v && typeof v === 'object' && v.image !== undefined && v.image !== null) out.push(featureGateRules.imageVolume.at(fieldPath(`${base}.volumes`, i), target));
    });
  }
  if (!featureEnabled('UserNamespacesSupport', target) && spec.hostUsers === false) out.push(featureGateRules.hostUsers.at(`${base}.hostUsers`, target));
  if (!featureEnabled('ProcMountType', target)) {
    for (const { container, rel } of containersOf(spec)) {
      if (container.securityContext?.procMount === 'Unmasked') out.push(featureGateRules.procMount.at(`${base}.${rel}.securityContext.procMount`, target));
    }
  }
  return out;
}
