/**
 * Extended resources: the page's naming rule that the API server does not enforce.
 *
 * "拡張リソースは、`*.kubernetes.io/`以外の任意のドメインで完全修飾されます". The API server accepts a container
 * resource whose name contains `kubernetes.io/` (`IsPrefixedNativeResource`), so `kubernetes.io/dongle` passes validation,
 * but it is not an extended resource: no device plugin or node advertises it, so the Pod never schedules.
 * This library therefore warns (a warning named as ours). The rules the API server does enforce (whole
 * numbers, request == limit, limit required) are in `resources.ts`.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/extended-resource/
 */
import { docsUrl } from '../docs';
import { containersOf, type PodLike } from '../k8s';
import { fieldKey } from '../path';
import { defineRule, goQuote, type Violation } from '../violation';

export const extendedResourceRules = {
  reservedDomain: defineRule(
    'extended-resources/reserved-domain',
    docsUrl('extended-resource', '拡張リソースをpodに割り当てる'),
    (name: string) =>
      `${goQuote(name)} contains "kubernetes.io/": an extended resource must be fully qualified in a domain other than *.kubernetes.io (the API server accepts the name as a native resource, which no device plugin can advertise)`,
    'warning',
  ),
};

/**
 * `IsPrefixedNativeResource`: the name contains `kubernetes.io/` (so `kubernetes.io/foo`, `x.kubernetes.io/foo`, and
 * also `notkubernetes.io/foo`). Kubernetes treats such a name as native, never as an extended resource: a device
 * plugin cannot advertise it.
 */
export function isKubernetesIoPrefixed(name: string): boolean {
  return name.includes('kubernetes.io/');
}

/** Warns on prefixed container resources in the `kubernetes.io` domain, once per resource name and container. */
export function checkExtendedResourceNames(pod: PodLike, base = 'spec'): Violation[] {
  const out: Violation[] = [];
  for (const { container, rel } of containersOf(pod.spec)) {
    const resources = container.resources;
    if (!resources) continue;
    let seen: Set<string> | undefined;
    for (const part of RESOURCE_LISTS) {
      const list = resources[part];
      if (!list) continue;
      for (const name in list) {
        if (!Object.hasOwn(list, name) || !isKubernetesIoPrefixed(name) || seen?.has(name)) continue;
        (seen ??= new Set()).add(name);
        // at the resource's key, bracketed as the API server prints a resource key (`limits[kubernetes.io/dongle]`)
        out.push(extendedResourceRules.reservedDomain.at(fieldKey(`${base}.${rel}.resources.${part}`, name), name));
      }
    }
  }
  return out;
}

const RESOURCE_LISTS = ['limits', 'requests'] as const;
