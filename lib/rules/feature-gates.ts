/**
 * Fields whose feature is off by default in the target Kubernetes version. With the gate off the API server drops the
 * field before validation (`dropDisabledFields`, pkg/api/pod/util.go), and the pod is created without it: an `image`
 * volume is removed together with every volumeMount of it, in every container (`dropImageVolumes`: `podSpec.Volumes =
 * newVolumes`, then `dropVolumeMounts` on the containers, init and ephemeral containers; read in an upstream util.go
 * newer than 1.34, and the `newVolumes` of its util.go diff in kubernetes/kubernetes#125660, the v1.31 API change);
 * `hostUsers: false` and `procMount: Unmasked` are silently removed, so the pod runs in the host's user namespace with
 * the default /proc masks. Each is a warning: nothing is rejected, something the manifest asks for is lost. Feature
 * states are the defaults of lib/kubernetes-version.ts (ImageVolume on from 1.35, UserNamespacesSupport and
 * ProcMountType from 1.33).
 *
 * `lifecycle.stopSignal` (ContainerStopSignals, alpha from 1.33 and off by default in every supported version) is
 * wiped from every container, init and ephemeral ones included, when the gate is off, and a `lifecycle` left empty
 * goes with it (`dropContainerStopSignals`, called from `dropDisabledFields` in an upstream pkg/api/pod/util.go newer than
 * 1.34, which also drops the EnvFiles and HostnameOverride fields of 1.34): the pod is created, and the container
 * stops with its image's STOPSIGNAL or the runtime's default.
 * The checks the API server runs on the field with the gate on by hand (`spec.os.name` required; Windows pods SIGTERM
 * or SIGKILL only; KEP-4960 "Cross validation with Pod spec.os.name") are not reached with the default gates.
 * https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/
 */
import { REFERENCE } from '../docs';
import { containersOf, type PodLike } from '../k8s';
import {
  FEATURE_OFF_BY_DEFAULT_FROM,
  FEATURE_ON_BY_DEFAULT_SINCE,
  featureEnabled,
  featureFieldKnown,
  targetVersion,
  type KubernetesVersion,
  type RuleOptions,
} from '../kubernetes-version';
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
      `the ImageVolume feature is off by default in Kubernetes ${target} (on from ${FEATURE_ON_BY_DEFAULT_SINCE.ImageVolume}): the API server drops the image volume and the volumeMounts of it, and the pod runs without it`,
    'warning',
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
  stopSignal: defineRule(
    'feature-gates/stop-signal',
    REFERENCE.stopSignals,
    (target: KubernetesVersion) =>
      `the ContainerStopSignals feature is off by default in Kubernetes ${target} (alpha since ${FEATURE_OFF_BY_DEFAULT_FROM.ContainerStopSignals}, off by default in every supported version): the API server drops stopSignal and the container stops with its image's STOPSIGNAL or the runtime's default`,
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
  // Before 1.33 the field is unknown (fields/newer-than-target). A value that is not a string is not reported here:
  // the API server fails to decode it, before anything is dropped.
  if (featureFieldKnown('ContainerStopSignals', target)) {
    for (const { container, rel } of containersOf(spec)) {
      const lifecycle: unknown = container.lifecycle;
      if (lifecycle && typeof lifecycle === 'object' && typeof (lifecycle as { stopSignal?: unknown }).stopSignal === 'string')
        out.push(featureGateRules.stopSignal.at(`${base}.${rel}.lifecycle.stopSignal`, target));
    }
  }
  return out;
}
