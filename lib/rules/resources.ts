/**
 * Requests and limits.
 *
 * "A container's request must be less than or equal to its limit"; quantities must be non-negative;
 * "CPU precision finer than 1m is not allowed" (1m以上の精度は指定できません); resource names are standard
 * (cpu, memory, ephemeral-storage, hugepages-*) or fully qualified; extended resources are whole numbers
 * whose request equals their limit. When only a limit is set, Kubernetes defaults the request to it.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/assign-memory-resource/
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/assign-cpu-resource/
 */
import { REFERENCE, docsUrl } from '../docs';
import { containersOf, type Container, type PodLike, type QuantityValue } from '../k8s';
import { qualifiedNameErrors } from '../names';
import { fieldKey, fieldPath } from '../path';
import { Quantity } from '../quantity';
import { defineRule, goQuote, type Violation } from '../violation';

const UNITS = REFERENCE.resourceUnits;
const RESOURCE_TYPES = REFERENCE.resourceTypes;
const HUGE_PAGES = REFERENCE.hugePages;
const CPU = docsUrl('assign-cpu-resource', 'cpuの単位');
const MEMORY_REQUEST_LIMIT = docsUrl('assign-memory-resource', 'メモリーの要求と制限を指定する');
const CPU_REQUEST_LIMIT = docsUrl('assign-cpu-resource', 'cpuの要求と制限を指定する');
/** The page of a request-above-limit violation: the task page of its resource, else the concept page. */
const requestLimitDocs = (_request: string, resource: string) =>
  resource === 'memory' ? MEMORY_REQUEST_LIMIT : resource === 'cpu' ? CPU_REQUEST_LIMIT : REFERENCE.requestsAndLimits;
const EXTENDED = docsUrl('extended-resource');
const EXTENDED_CONSUMING = REFERENCE.extendedResources;

export const resourceRules = {
  invalidQuantity: defineRule('resources/invalid-quantity', UNITS, (value: string, detail: string) => `Invalid value: ${goQuote(value)}: ${detail}`),
  negativeQuantity: defineRule('resources/negative-quantity', UNITS, (value: string) => `Invalid value: ${goQuote(value)}: must be greater than or equal to 0`),
  requestExceedsLimit: defineRule(
    'resources/request-exceeds-limit',
    MEMORY_REQUEST_LIMIT,
    (request: string, resource: string, limit: string) => `Invalid value: ${goQuote(request)}: must be less than or equal to ${resource} limit of ${limit}`,
    'error',
    requestLimitDocs,
  ),
  cpuPrecision: defineRule(
    'resources/cpu-precision',
    CPU,
    (value: string) => `Invalid value: ${goQuote(value)}: must not be more precise than 1m (0.001 CPU)`,
  ),
  resourceNameInvalid: defineRule('resources/resource-name-invalid', RESOURCE_TYPES, (name: string, detail: string) => `Invalid value: ${goQuote(name)}: ${detail}`),
  resourceNameNotStandard: defineRule(
    'resources/resource-name-not-standard',
    RESOURCE_TYPES,
    (name: string) => `Invalid value: ${goQuote(name)}: must be a standard resource for containers`,
  ),
  extendedResourceName: defineRule(
    'resources/extended-resource-name',
    EXTENDED,
    (name: string) => `Invalid value: ${goQuote(name)}: doesn't follow extended resource name standard`,
  ),
  integerRequired: defineRule('resources/integer-required', EXTENDED_CONSUMING, (value: string) => `Invalid value: ${goQuote(value)}: must be an integer`),
  requestMustEqualLimit: defineRule(
    'resources/request-must-equal-limit',
    EXTENDED_CONSUMING,
    (request: string, resource: string, limit: string) => `Invalid value: ${goQuote(request)}: must be equal to ${resource} limit of ${limit}`,
  ),
  limitRequired: defineRule('resources/limit-required', EXTENDED_CONSUMING, () => 'Required value: Limit must be set for non overcommitable resources'),
  hugePagesRequireCpuOrMemory: defineRule('resources/hugepages-require-cpu-or-memory', HUGE_PAGES, () => 'Forbidden: HugePages require cpu or memory'),
  hugePagesMultiple: defineRule(
    'resources/hugepages-multiple',
    HUGE_PAGES,
    (value: string, resource: string) => `Invalid value: ${goQuote(value)}: ${value} is not positive integer multiple of ${resource}`,
  ),
};

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** `IsHugePageResourceName`. */
export function isHugePageResource(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** `IsNativeResource`: unprefixed, or in the `kubernetes.io/` domain. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** `IsExtendedResourceName`: fully qualified, outside `*kubernetes.io/`, and `requests.<name>` is a qualified name. */
export function isExtendedResource(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return qualifiedNameErrors(`requests.${name}`).length === 0;
}

/** `IsOvercommitAllowed`: native resources other than hugepages may have requests below limits. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResource(name);
}

/** A quantity as written; one written `null` is decoded as the zero quantity, which the API server prints `0`. */
function quantityText(value: QuantityValue | null): string {
  return value === null ? '0' : String(value);
}

// in lib/, not here: the scheduler's simulation (lib/scheduling) adds them up too, and lib/scheduling imports no rule
export { effectiveLimits, effectiveRequests, quantityOf } from '../effective-resources';

/** Checks every container's requests and limits, as the API server's `ValidateResourceRequirements` does. */
export function checkResources(pod: PodLike, base = 'spec'): Violation[] {
  const out: Violation[] = [];
  for (const { container, rel } of containersOf(pod.spec)) {
    if (container.resources) for (const v of checkResourceRequirements(container, `${base}.${rel}.resources`)) out.push(v);
  }
  return out;
}

/** The quantities of one resource list that parsed, in the list's key order. */
interface ParsedList {
  readonly names: string[];
  readonly quantities: Quantity[];
}

/** The quantity `list` holds for `name`, if it parsed (a list has a few names: a scan beats a map). */
function quantityIn(list: ParsedList, name: string): Quantity | undefined {
  const i = list.names.indexOf(name);
  return i === -1 ? undefined : list.quantities[i];
}

/** Checks one `resources` block at `at`. */
export function checkResourceRequirements(container: Container, at: string): Violation[] {
  const out: Violation[] = [];
  const resources = container.resources;
  if (!resources) return out;
  const parsed: Record<'requests' | 'limits', ParsedList> = { requests: { names: [], quantities: [] }, limits: { names: [], quantities: [] } };
  // paths and texts are built only for a finding: this runs for every resource of every container
  for (const part of RESOURCE_PARTS) {
    const list = resources[part];
    if (!list || typeof list !== 'object') continue;
    for (const name in list) {
      if (!Object.hasOwn(list, name)) continue;
      const raw = list[name]!;
      // every finding on one resource is at its key, always bracketed: `limPath.Key(string(resourceName))` and
      // `reqPath.Key(...)` in ValidateResourceRequirements, pkg/apis/core/validation/validation.go (v1.31.1 lines
      // 6695, 6714), so the API server prints `resources.limits[memory]`, `resources.requests[cpu]`
      if (!VALID_RESOURCE_NAMES.has(name)) {
        const invalid = checkResourceName(name, keyPath(at, part, name));
        if (invalid.length === 0 && VALID_RESOURCE_NAMES.size < 1024) VALID_RESOURCE_NAMES.add(name);
        for (const v of invalid) out.push(v);
      }
      // as the API server decodes it: surrounding spaces are trimmed ("200Mi " is 200Mi)
      const r = Quantity.tryParseWire(raw);
      if (!r.ok) {
        out.push(resourceRules.invalidQuantity.at(keyPath(at, part, name), quantityText(raw), r.message));
        continue;
      }
      const q = r.quantity;
      parsed[part].names.push(name);
      parsed[part].quantities.push(q);
      if (q.sign() < 0) out.push(resourceRules.negativeQuantity.at(keyPath(at, part, name), quantityText(raw)));
      if (name === 'cpu' && q.isFinerThan(-3)) out.push(resourceRules.cpuPrecision.at(keyPath(at, part, name), quantityText(raw)));
      if (name.includes('/') && !isNativeResource(name) && !q.isInteger()) out.push(resourceRules.integerRequired.at(keyPath(at, part, name), quantityText(raw)));
      if (isHugePageResource(name)) {
        const pageSize = Quantity.tryParse(name.slice('hugepages-'.length));
        if (pageSize.ok && pageSize.quantity.sign() > 0) {
          const v = q.value();
          const size = pageSize.quantity.value();
          if (v < 0n || v % size !== 0n || !q.equals(Quantity.parse(v.toString()))) out.push(resourceRules.hugePagesMultiple.at(keyPath(at, part, name), quantityText(raw), name));
        }
      }
    }
  }
  let hugePages = false;
  const requests = parsed.requests;
  for (let i = 0; i < requests.names.length; i++) {
    const name = requests.names[i]!;
    const request = requests.quantities[i]!;
    const limit = quantityIn(parsed.limits, name);
    if (isHugePageResource(name)) hugePages = true;
    if (limit) {
      // the API server reports both on the `requests` list, not on the resource's key (the message names the
      // resource): `field.Invalid(reqPath, ...)` in ValidateResourceRequirements, pkg/apis/core/validation/validation.go
      // (v1.31.1 lines 6724-6728, the release snapshots/reference/k8s-validation-rules.md pins; older releases read the same)
      if (!isOvercommitAllowed(name)) {
        if (!request.equals(limit)) out.push(resourceRules.requestMustEqualLimit.at(fieldPath(at, 'requests'), quantityText(resources.requests![name]!), name, quantityText(resources.limits![name]!)));
      } else if (request.cmp(limit) > 0) {
        out.push(resourceRules.requestExceedsLimit.at(fieldPath(at, 'requests'), quantityText(resources.requests![name]!), name, quantityText(resources.limits![name]!)));
      }
    } else if (!isOvercommitAllowed(name)) {
      out.push(resourceRules.limitRequired.at(fieldPath(at, 'limits')));
    }
  }
  for (const name of parsed.limits.names) if (isHugePageResource(name)) hugePages = true;
  if (hugePages) {
    const has = (n: string) => requests.names.includes(n) || parsed.limits.names.includes(n);
    if (!has('cpu') && !has('memory')) out.push(resourceRules.hugePagesRequireCpuOrMemory.at(at));
  }
  return out;
}

/** The path of the resource `name` in the list `part` of the `resources` block at `at` (built for a finding only). */
function keyPath(at: string, part: 'limits' | 'requests', name: string): string {
  return fieldKey(`${at}.${part}`, name);
}

/** The resource lists of a container, in the order they are checked. */
const RESOURCE_PARTS = ['limits', 'requests'] as const;

/** Names `checkResourceName` found valid (it is a function of the name alone): most manifests use a few. */
const VALID_RESOURCE_NAMES = new Set<string>();

/** `validateContainerResourceName`: a qualified name; unprefixed names standard; prefixed ones native or extended. */
export function checkResourceName(name: string, path: string): Violation[] {
  const errs = qualifiedNameErrors(name);
  if (errs.length > 0) return errs.map((detail) => resourceRules.resourceNameInvalid.at(path, name, detail));
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePageResource(name)) return [resourceRules.resourceNameNotStandard.at(path, name)];
  } else if (!isNativeResource(name) && !isExtendedResource(name)) {
    return [resourceRules.extendedResourceName.at(path, name)];
  }
  return [];
}
