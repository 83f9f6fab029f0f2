/**
 * Extended resources as one whole number per resource, emitted as both request and limit.
 *
 * "拡張リソースは、`*.kubernetes.io/`以外の任意のドメインで完全修飾されます"; the API server requires extended
 * resources to be whole numbers with a request equal to the limit, and a limit whenever a request is set.
 * `extendedResources({ 'example.com/dongle': 3 })` makes the unequal and limit-less shapes unrepresentable and
 * rejects, at type level, names without a domain or in `kubernetes.io`. The runtime rules (resources.ts,
 * extended-resources.ts) still check the manifest: a widened `string` key or a fraction gets past the type.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/extended-resource/
 */
import type { QuantityInput } from '../lib/quantity';
import type { ResourceList, ResourceRequirementsProps } from './container';

/** A fully qualified resource name: `<domain>/<name>`. */
export type ExtendedResourceName = `${string}.${string}/${string}`;

/** The key checks of {@link ExtendedResources}: fully qualified, not containing `kubernetes.io/`. */
export type CheckedExtendedNames<Names extends string> = {
  readonly [K in Names]: K extends `${string}kubernetes.io/${string}` ? never : K extends ExtendedResourceName ? number : never;
};

/** One whole number per extended resource (`{ 'example.com/dongle': 3 }`), names checked by {@link CheckedExtendedNames}. */
export type ExtendedResources<Names extends string> = CheckedExtendedNames<Names> & { readonly [K in Names]: number };

/**
 * `resources` for a container: each extended resource's count as both its request and its limit, merged
 * with optional cpu/memory/other requests and limits. Key order: `requests` then `limits`, as the docs write them.
 */
export function extendedResources<const Names extends string>(
  resources: ExtendedResources<Names>,
  others: ResourceRequirementsProps = {},
): { readonly requests: ResourceList; readonly limits: ResourceList } {
  const counts = resources as unknown as Record<string, QuantityInput>;
  return { requests: { ...others.requests, ...counts }, limits: { ...others.limits, ...counts } };
}
