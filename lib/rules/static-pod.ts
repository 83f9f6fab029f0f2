/**
 * Static Pods cannot reference other API objects.
 *
 * "static podsはKubeletがサポートしていないため、ConfigMapに使用できません" (configure-pod-configmap); the kubelet runs
 * a static Pod from a file on its node and only mirrors it to the API server, whose NodeRestriction admission
 * refuses a mirror Pod that references a service account, Secrets, ConfigMaps, ClusterTrustBundles or
 * PersistentVolumeClaims. The messages are NodeRestriction's, for the node the static Pod runs on.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/static-pod/
 */
import { docsUrl } from '../docs';
import { containersOf, type PodLike } from '../k8s';
import { dns1123SubdomainErrors } from '../names';
import { fieldPath } from '../path';
import { defineRule, goQuote, type Violation } from '../violation';
import { listedObjects } from './listed';

/** What NodeRestriction names in its message. */
export type ApiObjectKind = 'a service account' | 'secrets' | 'configmaps' | 'clustertrustbundles' | 'persistentvolumeclaims';

export const staticPodRules = {
  apiObjectReference: defineRule(
    'static-pod/api-object-reference',
    docsUrl('static-pod'),
    (node: string, kind: ApiObjectKind) => `Forbidden: node ${goQuote(node)} can not create pods that reference ${kind} (a static Pod cannot use API objects)`,
  ),
  mirrorNameInvalid: defineRule(
    'static-pod/mirror-name-invalid',
    docsUrl('static-pod', 'behavior-of-static-pods'),
    (mirror: string, detail: string) => `Invalid value: ${goQuote(mirror)}: ${detail} (the kubelet names the Pod <name>-<node>)`,
  ),
  /** Ours: a static Pod's manifest is the file the kubelet reads; applying it with the rest would make a second, ordinary Pod. */
  ownFile: defineRule(
    'static-pod/own-file',
    docsUrl('static-pod', 'configuration-files'),
    (others: string) => `a static Pod must be the only object of its chart, whose file goes to the node's staticPodPath (also found: ${others})`,
  ),
};

/** The name of the mirror Pod the kubelet creates for a static Pod: `<name>-<node>`, the node name lowercased. */
export function mirrorPodName(name: string, node: string): string {
  return `${name}-${node.toLowerCase()}`;
}

/** Checks that the mirror Pod name `<name>-<node>` is a valid object name. */
export function checkMirrorPodName(name: string, node: string, at = 'metadata.name'): Violation[] {
  const mirror = mirrorPodName(name, node);
  return dns1123SubdomainErrors(mirror).map((detail) => staticPodRules.mirrorNameInvalid.at(at, mirror, detail));
}

/** Every reference of a pod spec to another API object, with its path and what it references. */
export function apiObjectReferences(pod: PodLike, base = 'spec'): { path: string; kind: ApiObjectKind }[] {
  const out: { path: string; kind: ApiObjectKind }[] = [];
  const spec = pod.spec;
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '') out.push({ path: fieldPath(base, 'serviceAccountName'), kind: 'a service account' });
  if (typeof spec.serviceAccount === 'string' && spec.serviceAccount !== '') out.push({ path: fieldPath(base, 'serviceAccount'), kind: 'a service account' });
  const pullSecrets = spec.imagePullSecrets;
  if (Array.isArray(pullSecrets)) pullSecrets.forEach((_, i) => out.push({ path: fieldPath(base, 'imagePullSecrets', i), kind: 'secrets' }));
  for (const { container, rel } of containersOf(spec)) {
    const at = `${base}.${rel}`;
    listedObjects(container.env).forEach((env, i) => {
      if (env.valueFrom?.secretKeyRef) out.push({ path: fieldPath(at, 'env', i, 'valueFrom', 'secretKeyRef'), kind: 'secrets' });
      if (env.valueFrom?.configMapKeyRef) out.push({ path: fieldPath(at, 'env', i, 'valueFrom', 'configMapKeyRef'), kind: 'configmaps' });
    });
    listedObjects(container.envFrom).forEach((src, i) => {
      if (src.secretRef) out.push({ path: fieldPath(at, 'envFrom', i, 'secretRef'), kind: 'secrets' });
      if (src.configMapRef) out.push({ path: fieldPath(at, 'envFrom', i, 'configMapRef'), kind: 'configmaps' });
    });
  }
  listedObjects(spec.volumes).forEach((volume, i) => {
    const at = fieldPath(base, 'volumes', i);
    if (volume.secret) out.push({ path: fieldPath(at, 'secret'), kind: 'secrets' });
    if (volume.configMap) out.push({ path: fieldPath(at, 'configMap'), kind: 'configmaps' });
    if (volume.persistentVolumeClaim) out.push({ path: fieldPath(at, 'persistentVolumeClaim'), kind: 'persistentvolumeclaims' });
    const csi = volume.csi as { nodePublishSecretRef?: unknown } | undefined;
    if (csi?.nodePublishSecretRef) out.push({ path: fieldPath(at, 'csi', 'nodePublishSecretRef'), kind: 'secrets' });
    listedObjects(volume.projected?.sources).forEach((source, j) => {
      const sat = fieldPath(at, 'projected', 'sources', j);
      if (source.secret) out.push({ path: fieldPath(sat, 'secret'), kind: 'secrets' });
      if (source.configMap) out.push({ path: fieldPath(sat, 'configMap'), kind: 'configmaps' });
      if (source.clusterTrustBundle) out.push({ path: fieldPath(sat, 'clusterTrustBundle'), kind: 'clustertrustbundles' });
    });
  });
  return out;
}

/** Checks that a static Pod for `node` references no other API object. */
export function checkStaticPod(pod: PodLike, node: string, base = 'spec'): Violation[] {
  return apiObjectReferences(pod, base).map(({ path, kind }) => staticPodRules.apiObjectReference.at(path, node, kind));
}
