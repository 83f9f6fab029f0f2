/**
 * The manifests of a whole cdk8s app, gathered once per synthesis, so that cross-reference rules (a
 * ConfigMap key, a credential spec, a node's capacity) see every object without being quadratic.
 *
 * cdk8s validates the whole app once in `app.synth()` / `app.synthYaml()` and then again before it writes
 * each chart (`chart.toJson()`), so an app of C charts is validated C + 1 times per synthesis. The first
 * validation of a synchronous job opens a pass: every object's manifest is computed once and the checks'
 * results are kept; the later validations of the same job reuse them while the construct tree keeps its size
 * and no checked object was patched. The pass never supplies what is written: cdk8s computes every manifest
 * it writes, and each checked object compares it with what the pass checked (see checked-api-object.ts).
 */
import { ApiObject, ImplicitTokenResolver, LazyResolver, NumberStringUnionResolver, type App } from 'cdk8s';
import type { IConstruct } from 'constructs';
import type { KubeObject } from '../lib/k8s';

/** An object of the app together with the construct path cdk8s will print for it. */
export interface AppObject {
  readonly manifest: KubeObject;
  readonly constructPath: string;
}

/**
 * The method a checked object offers the pass: its manifest as of now, computed as cheaply as it can be
 * known (with whatever the object keeps for its own checks). `plainResolvers` tells whether the app resolves
 * with cdk8s's built-in resolvers only (see {@link builtInResolversOnly}).
 */
export const PASS_MANIFEST: unique symbol = Symbol('podkit.passManifest');

/** An object that gives the pass its manifest itself. */
interface PassParticipant {
  [PASS_MANIFEST](plainResolvers: boolean): KubeObject;
}

/**
 * Whether the app `root` resolves with cdk8s's built-in resolvers only: they leave plain JSON as it is. (cdk8s
 * before 2.65 has no custom resolvers: `resolvers` is undefined there, as on a root that is not an `App`.)
 */
export function builtInResolversOnly(root: IConstruct): boolean {
  const resolvers = (root as Partial<App>).resolvers;
  if (resolvers === undefined) return true;
  for (const r of resolvers) if (!(r instanceof LazyResolver || r instanceof ImplicitTokenResolver || r instanceof NumberStringUnionResolver)) return false;
  return true;
}

function isParticipant(o: ApiObject): o is ApiObject & PassParticipant {
  return typeof (o as Partial<PassParticipant>)[PASS_MANIFEST] === 'function';
}

/** An entry of a pass: the construct path is only computed when a finding is reported. */
class PassObject implements AppObject {
  constructor(
    readonly manifest: KubeObject,
    private readonly construct: IConstruct,
  ) {}

  get constructPath(): string {
    return this.construct.node.path;
  }
}

/** One validation pass over an app: its manifests, and the checks' results computed in it. */
export class ValidationPass {
  /** A number no other pass of the process has (an object can remember the pass it was validated in without keeping it alive). */
  readonly id = nextPassId++;
  private readonly byObject = new Map<ApiObject, KubeObject>();
  private readonly results = new Map<object, unknown>();
  private readonly written = new Set<ApiObject>();
  private closed = false;
  #failed = false;

  private constructor(
    /** Every `ApiObject` of the app with its manifest, in tree order. */
    readonly objects: readonly AppObject[],
    private readonly constructCount: number,
    private readonly epoch: number,
    /** Whether the app resolves with cdk8s's built-in resolvers only (resolvers do not change during a synthesis). */
    readonly plainResolvers: boolean,
  ) {}

  /** Computes the manifest of every `ApiObject` among `all` (the app's constructs, the root first). */
  static collect(all: readonly IConstruct[]): ValidationPass {
    const objects: AppObject[] = [];
    const entries: [ApiObject, KubeObject][] = [];
    const root = all[0]?.node.root;
    const plainResolvers = root === undefined || builtInResolversOnly(root);
    for (const c of all) {
      if (!(c instanceof ApiObject)) continue;
      const manifest = (isParticipant(c) ? c[PASS_MANIFEST](plainResolvers) : c.toJson()) as KubeObject;
      objects.push(new PassObject(manifest, c));
      entries.push([c, manifest]);
    }
    const pass = new ValidationPass(objects, all.length, mutationEpoch, plainResolvers);
    for (const [obj, manifest] of entries) pass.byObject.set(obj, manifest);
    return pass;
  }

  /** Whether nothing tracked that a manifest depends on has changed since the pass opened. */
  get current(): boolean {
    return !this.closed && this.epoch === mutationEpoch;
  }

  /** Whether a new validation of an app of `constructCount` constructs may reuse this pass. */
  reusableFor(constructCount: number): boolean {
    return this.current && this.constructCount === constructCount;
  }

  /** The object's manifest as the pass computed it. */
  manifestOf(obj: ApiObject): KubeObject | undefined {
    return this.byObject.get(obj);
  }

  /**
   * Records that cdk8s wrote `obj` in this pass; false if it was written in it already (a second
   * synthesis in the same job: what the pass computed may be out of date).
   */
  noteWritten(obj: ApiObject): boolean {
    if (this.written.has(obj)) return false;
    this.written.add(obj);
    return true;
  }

  /** `compute()` once per pass and owner (a validation: its error lines), then the same lines. */
  memo(owner: object, compute: () => string[]): string[] {
    const known = this.results.get(owner) as string[] | undefined;
    if (known !== undefined) return known;
    const result = compute();
    if (result.length > 0) this.#failed = true;
    this.results.set(owner, result);
    return result;
  }

  /**
   * Whether a validation of the pass reported an error: cdk8s then threw, and the app may be changed before it
   * is validated again in the same job (a `Lazy` given another value), so the next validation of the app opens
   * a new pass rather than repeat these errors.
   */
  get failed(): boolean {
    return this.#failed;
  }

  close(): void {
    this.closed = true;
    this.byObject.clear();
    this.results.clear();
    this.written.clear();
  }
}

let nextPassId = 0;
const passes = new WeakMap<IConstruct, ValidationPass>();
/** Bumped by every tracked change to a checked object's manifest (a JSON patch); a pass is only current within one epoch. */
let mutationEpoch = 0;

/** Records that a checked object's manifest is about to change (an escape hatch), ending the open passes. */
export function noteManifestChange(): void {
  mutationEpoch++;
}

/**
 * The validation pass of the app `root` belongs to: the open one if it may be reused, otherwise a new one
 * (open until the current synchronous job ends).
 */
export function validationPass(root: IConstruct): ValidationPass {
  const all = root.node.findAll();
  const open = passes.get(root);
  if (open?.reusableFor(all.length)) return open;
  return openNewPass(root, all);
}

/** A new pass for the app `root`, replacing the open one. */
export function freshPass(root: IConstruct): ValidationPass {
  return openNewPass(root, root.node.findAll());
}

function openNewPass(root: IConstruct, all: readonly IConstruct[]): ValidationPass {
  passes.get(root)?.close();
  const pass = ValidationPass.collect(all);
  passes.set(root, pass);
  queueMicrotask(() => {
    pass.close();
    if (passes.get(root) === pass) passes.delete(root);
  });
  return pass;
}

/** The open, current pass of the app `scope` belongs to, if any. Never opens one. */
export function openPass(scope: IConstruct): ValidationPass | undefined {
  const pass = passes.get(scope.node.root);
  return pass?.current ? pass : undefined;
}

/**
 * Every `ApiObject` under the root of `scope`, as JSON: the open validation pass's manifests when called
 * during one, otherwise computed now.
 */
export function appObjects(scope: IConstruct): readonly AppObject[] {
  return openPass(scope)?.objects ?? ValidationPass.collect(scope.node.root.node.findAll()).objects;
}
