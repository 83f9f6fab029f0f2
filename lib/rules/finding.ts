/**
 * A finding across objects: a violation and the object of a set it is in. A module of its own, so that the
 * areas' cross-object checks and ./app.ts, which lists them, need not import each other.
 */
import type { KubeObject } from '../k8s';
import type { Violation } from '../violation';
import type { AppContext } from './app';

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

/** One run of a cross-object check, fed the objects of the set one at a time, in order. */
export interface AppCheckRun {
  /** Notes what `obj`, at `index` in the set, provides and references: small facts, never the object itself. */
  add(obj: KubeObject, index: number): void;
  /** Resolves every noted reference against what the objects provide: the findings, in object order. */
  finish(): Finding[];
}

/** The cross-object check of one area: starts a run over a set of objects. */
export type StreamingAppCheck = (context?: AppContext) => AppCheckRun;

/** Runs a streaming check over a whole list (the list form of an {@link AppCheckRun}). */
export function runAppCheck(run: AppCheckRun, objects: readonly KubeObject[]): Finding[] {
  objects.forEach((obj, index) => run.add(obj, index));
  return run.finish();
}
