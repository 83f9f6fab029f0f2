/**
 * The manifests of a whole cdk8s app, gathered once per validation pass, so that cross-reference rules
 * (a ConfigMap key, a credential spec, a node's capacity) see every object without being quadratic.
 *
 * cdk8s (2.70) validates the whole app once in `app.synth()` / `app.synthYaml()` and then AGAIN inside
 * every `chart.toJson()` (`App._synthChart`), so an app of C charts is validated C + 1 times per
 * synthesis. A validation that resolved every manifest each time would make synthesis O(C × N). So the
 * first validation of a synthesis opens a pass: every object's manifest is computed once, the checks'
 * results are kept in the pass, and the later validations of the same synthesis reuse them; synthesis
 * then takes each checked object's manifest from the pass instead of resolving it again.
 *
 * A pass is reused only while it is provably the same synthesis: same synchronous job (a microtask
 * closes it), some checked object's manifest not yet taken by synthesis (a completed synthesis has taken
 * them all, so the next one starts afresh), the same number of constructs in the tree, and no
 * `addJsonPatch` on a checked object since it opened.
 */
import { ApiObject } from 'cdk8s';
import type { IConstruct } from 'constructs';
import type { KubeObject } from '../lib/k8s';

/** An object of the app together with the construct path cdk8s will print for it. */
export interface AppObject {
  readonly manifest: KubeObject;
  readonly constructPath: string;
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
  /** Checked objects' manifests not yet taken by synthesis. */
  private readonly untaken = new Map<ApiObject, KubeObject>();
  private readonly results = new Map<object, unknown>();
  private closed = false;

  private constructor(
    /** Every `ApiObject` of the app with its manifest, in tree order. */
    readonly objects: readonly AppObject[],
    private readonly constructCount: number,
    private readonly epoch: number,
  ) {}

  /** Computes the manifest of every `ApiObject` among `all` (the app's constructs). */
  static collect(all: readonly IConstruct[]): ValidationPass {
    const objects: AppObject[] = [];
    const manifests: [ApiObject, KubeObject][] = [];
    for (const c of all) {
      if (!(c instanceof ApiObject)) continue;
      const manifest = c.toJson() as KubeObject;
      objects.push(new PassObject(manifest, c));
      if (takesFromPass(c)) manifests.push([c, manifest]);
    }
    const pass = new ValidationPass(objects, all.length, mutationEpoch);
    for (const [obj, manifest] of manifests) pass.untaken.set(obj, manifest);
    return pass;
  }

  /** Whether nothing a manifest depends on can have changed since the pass opened. */
  get current(): boolean {
    return !this.closed && this.epoch === mutationEpoch;
  }

  /** Whether a new validation of an app of `constructCount` constructs may reuse this pass. */
  reusableFor(constructCount: number): boolean {
    return this.current && this.untaken.size > 0 && this.constructCount === constructCount;
  }

  /** The checked object's manifest as the pass computed it, if synthesis has not taken it yet. */
  manifestOf(obj: ApiObject): KubeObject | undefined {
    return this.untaken.get(obj);
  }

  /** Hands the checked object's manifest to synthesis, once. */
  take(obj: ApiObject): KubeObject | undefined {
    const manifest = this.untaken.get(obj);
    this.untaken.delete(obj);
    return manifest;
  }

  /** `compute()` once per pass and owner (a validation), then the same result. */
  memo<T>(owner: object, compute: () => T): T {
    if (this.results.has(owner)) return this.results.get(owner) as T;
    const result = compute();
    this.results.set(owner, result);
    return result;
  }

  close(): void {
    this.closed = true;
    this.untaken.clear();
    this.results.clear();
  }
}

const passes = new WeakMap<IConstruct, ValidationPass>();
/**
 * Marks the classes whose objects' `toJson()` takes their manifest from the pass (the checked constructs): a
 * property of the class's prototype, so marking costs nothing per object.
 */
const TAKES_FROM_PASS: unique symbol = Symbol('podkit.takesFromPass');
/** Bumped by every tracked change to a checked object's manifest; a pass is only current within one epoch. */
let mutationEpoch = 0;

/** Registers a class of checked objects: their `toJson()` takes their manifest from the open pass. */
export function registerTakerClass(cls: { readonly prototype: ApiObject }): void {
  Object.defineProperty(cls.prototype, TAKES_FROM_PASS, { value: true });
}

function takesFromPass(obj: ApiObject): boolean {
  return (obj as unknown as Record<symbol, unknown>)[TAKES_FROM_PASS] === true;
}

/** Records that a checked object's manifest is about to change (an escape hatch), ending the open passes. */
export function noteManifestChange(): void {
  mutationEpoch++;
}

/**
 * The validation pass of the app `root` belongs to: the open one if it is still the same synthesis,
 * otherwise a new one (open until the current synchronous job ends).
 */
export function validationPass(root: IConstruct): ValidationPass {
  const all = root.node.findAll();
  const open = passes.get(root);
  if (open?.reusableFor(all.length)) return open;
  open?.close();
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
