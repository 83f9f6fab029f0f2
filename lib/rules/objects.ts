/**
 * Object and container identity.
 *
 * "Most resource types require a name that can be used as a DNS subdomain name as defined in RFC 1123" and
 * a container's name must be a DNS label, unique among the pod's containers; a pod needs at least one
 * container, and each container an image.
 * https://kubernetes.io/ja/docs/concepts/overview/working-with-objects/names/
 */
import { REFERENCE } from '../docs';
import { containersOf, type KubeObject, type PodLike } from '../k8s';
import { dns1123LabelErrors, dns1123SubdomainErrors } from '../names';
import { fieldPath } from '../path';
import { defineRule, goQuote, type Violation } from '../violation';

export const objectRules = {
  nameRequired: defineRule('objects/name-required', REFERENCE.names, () => 'Required value: name or generateName is required'),
  nameInvalid: defineRule('objects/name-invalid', REFERENCE.names, (name: string, detail: string) => `Invalid value: ${goQuote(name)}: ${detail}`),
  generateNameInvalid: defineRule('objects/generate-name-invalid', REFERENCE.names, (prefix: string, detail: string) => `Invalid value: ${goQuote(prefix)}: ${detail}`),
  namespaceInvalid: defineRule('objects/namespace-invalid', REFERENCE.names, (ns: string, detail: string) => `Invalid value: ${goQuote(ns)}: ${detail}`),
  containersRequired: defineRule('objects/containers-required', REFERENCE.podSpec, () => 'Required value'),
  containerNameRequired: defineRule('objects/container-name-required', REFERENCE.container, () => 'Required value'),
  containerNameInvalid: defineRule('objects/container-name-invalid', REFERENCE.container, (name: string, detail: string) => `Invalid value: ${goQuote(name)}: ${detail}`),
  containerNameDuplicate: defineRule('objects/container-name-duplicate', REFERENCE.container, (name: string) => `Duplicate value: ${goQuote(name)}`),
  imageRequired: defineRule('objects/image-required', REFERENCE.container, () => 'Required value'),
};

/** RBAC objects are named by `ValidateRBACName` (a path segment: upper case allowed), not as DNS subdomains. */
const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/** apimachinery `path.IsValidPathSegmentName`. */
export function pathSegmentNameErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

/**
 * apimachinery `maskTrailingDash`: a `generateName` is validated as the start of a name (a random suffix follows),
 * so a trailing dash is masked before the name rule runs (the last two characters become "a", as upstream writes it).
 */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/**
 * Checks `metadata.name` (a DNS subdomain; for RBAC kinds a path segment), `metadata.generateName` (the same rule
 * for a prefix, as `ValidateObjectMeta` runs it) and `metadata.namespace` (a DNS label) of any object.
 */
export function checkObjectMeta(obj: KubeObject, base = 'metadata'): Violation[] {
  const out: Violation[] = [];
  const meta = obj.metadata ?? {};
  if (typeof meta.name !== 'string' || meta.name === '') {
    if (!meta.generateName) out.push(objectRules.nameRequired.at(fieldPath(base, 'name')));
  } else {
    const errors = RBAC_KINDS.has(obj.kind ?? '') ? pathSegmentNameErrors(meta.name) : dns1123SubdomainErrors(meta.name);
    for (const detail of errors) out.push(objectRules.nameInvalid.at(fieldPath(base, 'name'), meta.name, detail));
  }
  if (typeof meta.generateName === 'string' && meta.generateName !== '') {
    // a path segment as a prefix: only its characters are checked ('.' and '..' are whole names)
    const errors = RBAC_KINDS.has(obj.kind ?? '') ? pathSegmentNameErrors(meta.generateName).filter((e) => e.startsWith('may not contain')) : dns1123SubdomainErrors(maskTrailingDash(meta.generateName));
    for (const detail of errors) out.push(objectRules.generateNameInvalid.at(fieldPath(base, 'generateName'), meta.generateName, detail));
  }
  if (typeof meta.namespace === 'string') {
    for (const detail of dns1123LabelErrors(meta.namespace))
      out.push(objectRules.namespaceInvalid.at(fieldPath(base, 'namespace'), meta.namespace, detail));
  }
  return out;
}

/** Checks that a pod spec has containers, and that every container has a valid, unique name and an image. */
export function checkContainers(pod: PodLike, base = 'spec'): Violation[] {
  const out: Violation[] = [];
  const spec = pod.spec;
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) out.push(objectRules.containersRequired.at(fieldPath(base, 'containers')));
  // The API server validates app containers first, then each init container against every name seen so far
  // (validateContainers, then validateInitContainers), so a clash is reported at the init container.
  const all = containersOf(spec);
  const seen = new Set<string>();
  // each container's findings, by its position in `all`: reported in manifest order (init containers first),
  // whatever order the names were checked in
  const found: (Violation[] | undefined)[] = new Array(all.length);
  for (const appContainers of [true, false]) {
    for (let i = 0; i < all.length; i++) {
      const { container, list, rel } = all[i]!;
      if ((list === 'containers') !== appContainers) continue;
      const name = container.name;
      let v: Violation[] | undefined;
      if (typeof name !== 'string' || name === '') {
        (v ??= []).push(objectRules.containerNameRequired.at(`${base}.${rel}.name`));
      } else {
        for (const detail of dns1123LabelErrors(name)) (v ??= []).push(objectRules.containerNameInvalid.at(`${base}.${rel}.name`, name, detail));
        if (seen.has(name)) (v ??= []).push(objectRules.containerNameDuplicate.at(`${base}.${rel}.name`, name));
        seen.add(name);
      }
      if (typeof container.image !== 'string' || container.image === '') (v ??= []).push(objectRules.imageRequired.at(`${base}.${rel}.image`));
      found[i] = v;
    }
  }
  for (const v of found) if (v) for (const x of v) out.push(x);
  return out;
}
