/**
 * A finding: a violation located in one object of a set of objects, as the cross-object checks, the linter and the
 * schedulability check report it. A module of its own so the rule areas that report findings import it without
 * importing the app-level entry point (lib/rules/app.ts), which imports them.
 */
import type { KubeObject } from '../k8s';
import type { Violation } from '../violation';

/** Which object a finding is about. */
export interface ObjectRef {
  /** `kind` of the object. */
  readonly kind?: string;
  /** `metadata.name` of the object. */
  readonly name?: string;
  /** `metadata.namespace` of the object. */
  readonly namespace?: string;
  /** Position of the object in the list that was checked. */
  readonly index: number;
}

/** A violation located in one object of a set of objects. */
export interface Finding {
  /** The object the violation is in. */
  readonly object: ObjectRef;
  /** The violation, with its path inside that object. */
  readonly violation: Violation;
}

/** The reference to `objects[index]`. */
export function refOf(obj: KubeObject, index: number): ObjectRef {
  return { kind: obj.kind, name: obj.metadata?.name, namespace: obj.metadata?.namespace, index };
}

/** `Kind/namespace/name` (namespace left out when unset), for messages. */
export function describeRef(ref: ObjectRef): string {
  return [ref.kind ?? '?', ref.namespace, ref.name ?? '?'].filter((p) => p !== undefined).join('/');
}
