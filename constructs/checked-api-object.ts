/**
 * The base of every construct here: an `ApiObject` whose manifest is checked by the rules of `lib/`.
 *
 * Props are turned into the manifest object first; the rules then run on that object (not on the props),
 * eagerly in the constructor where props alone decide, and again at synth through `node.addValidation`
 * for what later `add*()` calls or escape hatches change. Errors fail synthesis with every violation
 * listed; warnings are printed, and fail too in strict mode.
 */
import { ApiObject, ApiObjectMetadataDefinition, App, Chart, ImplicitTokenResolver, LazyResolver, NumberStringUnionResolver, type ApiObjectProps, type JsonPatch, type OwnerReference } from 'cdk8s';
import type { Construct } from 'constructs';
import type { KubeObject } from '../lib/k8s';
import { checkApp, checkObject, describeRef } from '../lib/rules';
import { ruleOptionsOf } from './kubernetes-version';
import { ViolationError, formatViolation, failing, type Violation } from '../lib/violation';
import { appChecksOf } from './app-checks';
import { noteManifestChange, openPass, registerTakerClass, validationPass, type AppObject } from './app-objects';
import { configMapExternalsOf } from './config-map-references';
import { secretExternalsOf } from './secret-references';
import { isWire } from './wire';
import './yaml-quoting';

/**
 * A promise a construct makes about its manifest (a QoS class, a Pod Security level, probes on every container):
 * checked on the manifest at construction and again at synth, escape hatches included. Once given to a
 * construct it cannot be withdrawn: the base keeps its promises in a private list and checks them itself.
 */
export interface ManifestPromise {
  /** What is promised, as users say it: `'QoS class Guaranteed'`. */
  readonly name: string;
  /** Every violation of the promise by `manifest`, the object as it will be written; `self` is the construct. */
  readonly check: (manifest: KubeObject, self: ApiObject) => readonly Violation[];
}

/** Options shared by every checked construct. */
export interface CheckOptions {
  /**
   * Treat warnings (e.g. envFrom keys Kubernetes will skip) as errors.
   * @default - true when the environment variable `PODKIT_STRICT` is `1`
   */
  readonly strict?: boolean;
  /**
   * Further promises this object keeps, checked with the construct's own at construction and at synth.
   * @default - only the construct's own promises
   */
  readonly promises?: readonly ManifestPromise[];
}

/** `options` with one more promise, for a construct that adds its own to what it was given. */
export function withPromise(options: CheckOptions | undefined, promise: ManifestPromise): CheckOptions {
  return { ...(options?.strict === undefined ? {} : { strict: options.strict }), promises: [...(options?.promises ?? []), promise] };
}

/** Whether warnings fail, for this object. */
export function isStrict(options: CheckOptions | undefined): boolean {
  return options?.strict ?? process.env.PODKIT_STRICT === '1';
}

const reported = new WeakSet<object>();
const NONE: readonly Violation[] = Object.freeze([]);

/** Prints warnings once per object (validation may run more than once). */
function printWarnings(owner: object, path: string, warnings: readonly Violation[]): void {
  if (warnings.length === 0 || reported.has(owner)) return;
  reported.add(owner);
  for (const w of warnings) process.stderr.write(`[${path}] ${formatViolation(w)}\n`);
}

/** An `ApiObject` whose manifest is checked by the rules of `lib/` before anything is written. */
export abstract class CheckedApiObject extends ApiObject {
  /**
   * `instanceof` by prototype chain for this class and its subclasses. cdk8s's `ApiObject` answers
   * `instanceof` for every ApiObject (a static `Symbol.hasInstance` that subclasses inherit), so without this
   * `anyApiObject instanceof StaticPod` would be true.
   */
  static override [Symbol.hasInstance](o: unknown): o is ApiObject {
    return Function.prototype[Symbol.hasInstance].call(this, o);
  }

  private readonly checkOptions: CheckOptions | undefined;

  /** The promises this object keeps: a private, frozen list that only the constructor fills. */
  readonly #promises: readonly ManifestPromise[];

  /** The props given to cdk8s, deeply frozen (see `freezeProps`): the eager check builds the manifest from them. */
  private readonly wireProps: ApiObjectProps;

  /** Whether the props are plain JSON throughout, which cdk8s's built-in resolvers leave as they are. */
  private readonly plainProps: boolean;

  /**
   * The props are frozen here (plain objects and arrays, deeply; `toWire` output already is): the manifest
   * is then a function of the props, the metadata and the patches, and a change after the eager check can
   * only come through `addJsonPatch` or the metadata's `add*()` methods, which both end the reuse of the
   * eager check's results. A subclass changes its manifest after construction with `addJsonPatch`.
   */
  protected constructor(scope: Construct, id: string, props: ApiObjectProps, options?: CheckOptions) {
    const plain = freezeProps(props);
    super(scope, id, props);
    this.#promises = Object.freeze([...(options?.promises ?? [])]);
    this.wireProps = props;
    this.plainProps = plain;
    // Only the options: `options` is often the whole props object, which must not stay alive with the construct.
    this.checkOptions = options?.strict === undefined ? undefined : { strict: options.strict };
    this.node.addValidation({ validate: () => this.validateManifest() });
    Object.setPrototypeOf(this.metadata, TrackedMetadata.prototype);
    registerAppValidation(this, this.checkOptions);
  }

  /** The manifest as it will be written. */
  get manifest(): KubeObject {
    return this.toJson() as KubeObject;
  }

  /** Every violation of this object's manifest: the single-object rules plus the construct's own promise. */
  violations(): Violation[] {
    return this.violationsOf(this.manifest);
  }

  /**
   * The manifest, exactly as cdk8s `ApiObject.toJson()` computes it. During a synthesis the validation
   * pass has just computed it (see app-objects.ts); synthesis takes that one instead of resolving again.
   */
  override toJson(): any {
    return openPass(this)?.take(this) ?? super.toJson();
  }

  override addJsonPatch(...ops: JsonPatch[]): void {
    noteManifestChange();
    this.patched = true;
    super.addJsonPatch(...ops);
  }

  /** Whether a JSON patch was added: the manifest is then no longer a function of the props and metadata alone. */
  private patched = false;

  /**
   * Whether the eager check's rule results still describe the manifest: the props are frozen plain JSON, no
   * patch was added, the metadata was not changed since, and the app resolves with cdk8s's built-in resolvers
   * only (a custom resolver may change any value of the manifest).
   */
  private eagerResultsCurrent(): boolean {
    const eager = this.eagerCheck;
    return eager !== undefined && this.plainProps && !this.patched && eager.metadataChanges === metadataChangesOf(this.metadata) && builtInResolversOnly(App.of(this));
  }

  /**
   * The metadata as `this.metadata.toJson()` writes it, built without a cdk8s resolve while nothing can make them
   * differ (plain values, no metadata change yet, built-in resolvers only): what cdk8s's `ApiObject` puts in it
   * (the props' metadata, its name, the chart's namespace and labels), sanitized as cdk8s does.
   */
  private eagerMetadata(): unknown {
    if (metadataChangesOf(this.metadata) === 0 && builtInResolversOnly(App.of(this))) {
      const fromProps = (this.wireProps.metadata ?? {}) as Record<string, unknown>;
      const labels = { ...Chart.of(this).labels, ...(fromProps.labels as Record<string, unknown> | undefined) };
      const sanitized = sanitizePlain({ ...fromProps, name: this.metadata.name, namespace: this.metadata.namespace, labels });
      if (sanitized !== NOT_PLAIN) return sanitized;
    }
    return this.metadata.toJson();
  }

  /** The names of the promises this object keeps. */
  get promiseNames(): readonly string[] {
    return this.#promises.map((p) => p.name);
  }

  /** Violations of the promises this object keeps. */
  #promiseViolations(manifest: KubeObject): Violation[] {
    const out: Violation[] = [];
    for (const promise of this.#promises) for (const v of promise.check(manifest, this)) out.push(v);
    return out;
  }

  /** Throws now if the manifest built from the props breaks a rule; call at the end of a constructor. */
  protected checkNow(): void {
    // Plain props are built into the manifest as `toJson()` would, without a cdk8s resolve of the whole object:
    // right after construction there is no patch yet, and cdk8s resolves the metadata itself. Props holding a
    // value cdk8s resolves (a `Lazy`) are resolved as synthesis will.
    const manifest = (this.plainProps ? { ...this.wireProps, metadata: this.eagerMetadata() } : super.toJson()) as KubeObject;
    const own = checkObject(manifest, ruleOptionsOf(this));
    this.eagerCheck = { metadataChanges: metadataChangesOf(this.metadata), violations: own.length === 0 ? NONE : own };
    const all = [...own, ...this.#promiseViolations(manifest)];
    if (all.length === 0) return;
    const bad = failing(all, isStrict(this.checkOptions));
    if (bad.length > 0) throw new ViolationError(bad, this.node.path);
  }

  /**
   * The manifest's single-object rule results as of the eager check, with the count of metadata changes at
   * that time: the rules of `lib/` are pure functions of the manifest, so synthesis reuses them while nothing
   * the manifest is made of has changed (see `eagerResultsCurrent`). (The construct's promise is always
   * checked again: it may look beyond the manifest.)
   */
  private eagerCheck: { readonly metadataChanges: number; readonly violations: readonly Violation[] } | undefined;

  private violationsOf(manifest: KubeObject): Violation[] {
    const eager = this.eagerCheck;
    const own = eager && this.eagerResultsCurrent() ? eager.violations : checkObject(manifest, ruleOptionsOf(this));
    return [...own, ...this.#promiseViolations(manifest)];
  }

  /** Runs once per validation pass: cdk8s validates the app again for every chart it synthesizes. */
  private validateManifest(): string[] {
    const pass = openPass(this);
    if (!pass) return this.validationLines(this.manifest);
    // Only looked at here: synthesis takes the pass's manifest afterwards.
    return pass.memo(this, () => this.validationLines(pass.manifestOf(this) ?? this.manifest));
  }

  private validationLines(manifest: KubeObject): string[] {
    const all = this.violationsOf(manifest);
    if (all.length === 0) return [];
    const strict = isStrict(this.checkOptions);
    printWarnings(this, this.node.path, strict ? [] : all.filter((v) => v.severity === 'warning'));
    return failing(all, strict).map(formatViolation);
  }
}

registerTakerClass(CheckedApiObject);

/** How many times each tracked metadata was changed. */
const metadataChanges = new WeakMap<ApiObjectMetadataDefinition, number>();

function metadataChangesOf(metadata: ApiObjectMetadataDefinition): number {
  return metadataChanges.get(metadata) ?? 0;
}

/**
 * cdk8s object metadata whose changes are counted (they end the reuse of the eager check's results) and end
 * the open validation pass (the manifest they are in changes).
 */
class TrackedMetadata extends ApiObjectMetadataDefinition {
  override addLabel(key: string, value: string): void {
    this.changed();
    super.addLabel(key, value);
  }

  override addAnnotation(key: string, value: string): void {
    this.changed();
    super.addAnnotation(key, value);
  }

  override addFinalizers(...finalizers: string[]): void {
    this.changed();
    super.addFinalizers(...finalizers);
  }

  override addOwnerReference(owner: OwnerReference): void {
    this.changed();
    super.addOwnerReference(owner);
  }

  override add(key: string, value: any): void {
    this.changed();
    super.add(key, value);
  }

  private changed(): void {
    metadataChanges.set(this, metadataChangesOf(this) + 1);
    noteManifestChange();
  }
}

const BUILT_IN_RESOLVERS: readonly (abstract new (...args: never[]) => object)[] = [LazyResolver, ImplicitTokenResolver, NumberStringUnionResolver];

/** Whether `app` resolves with cdk8s's built-in resolvers only: they leave plain JSON as it is. */
function builtInResolversOnly(app: App): boolean {
  return app.resolvers.every((r) => BUILT_IN_RESOLVERS.some((k) => r instanceof k));
}

const NOT_PLAIN: unique symbol = Symbol('not plain');

/**
 * cdk8s's `sanitizeValue` with the options metadata uses (keys sorted; nulls, empty arrays and empty objects
 * dropped), for plain JSON only: anything else gives NOT_PLAIN.
 */
function sanitizePlain(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint' ? NOT_PLAIN : value;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    const out: unknown[] = [];
    for (const item of value) {
      const s = sanitizePlain(item);
      if (s === NOT_PLAIN) return NOT_PLAIN;
      out.push(s);
    }
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  let empty = true;
  for (const key of Object.keys(value).sort()) {
    const s = sanitizePlain((value as Record<string, unknown>)[key]);
    if (s === NOT_PLAIN) return NOT_PLAIN;
    if (s !== undefined) {
      out[key] = s;
      empty = false;
    }
  }
  return empty ? undefined : out;
}

/**
 * Deeply freezes the plain objects and arrays of `props` (stopping at `toWire` output, frozen already) and
 * says whether everything in it is plain JSON. Anything else (a `Lazy`, a class instance) is left as it is:
 * cdk8s may resolve it to a different value at synthesis.
 */
function freezeProps(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return typeof value !== 'function' && typeof value !== 'symbol' && typeof value !== 'bigint';
  if (isWire(value)) return true;
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value) ? proto !== Array.prototype : proto !== Object.prototype && proto !== null) return false;
  let plain = true;
  for (const v of Object.values(value)) plain = freezeProps(v) && plain;
  Object.freeze(value);
  return plain;
}

const registered = new WeakSet<object>();

/**
 * Adds, once per app, the validation that runs the cross-object rules (`checkApp`, and the checks added
 * with `addAppCheck`) over every object of the app, podkit's own or not. Findings are reported against the object they are in.
 * It runs once per synthesis although cdk8s validates the app again for every chart (see app-objects.ts).
 */
export function registerAppValidation(scope: Construct, options: CheckOptions | undefined): void {
  const root = scope.node.root;
  if (registered.has(root)) return;
  registered.add(root);
  root.node.addValidation({
    validate: () => {
      const pass = validationPass(root);
      return pass.memo(pass, () => appFindingLines(root, pass.objects, options));
    },
  });
}

/** The cross-object findings of the app: errors (and warnings in strict mode) as lines; other warnings are printed. */
function appFindingLines(root: Construct, objects: readonly AppObject[], options: CheckOptions | undefined): string[] {
  const manifests = objects.map((o) => o.manifest);
  // a ConfigMap referenced by any pod of the app must be in the app or declared external
  const context = { configMapExternals: configMapExternalsOf(root), secretExternals: secretExternalsOf(root), ...ruleOptionsOf(root) };
  const findings = [...checkApp(manifests, context), ...appChecksOf(root).flatMap((check) => check(manifests, context))];
  const strict = isStrict(options);
  const lines: string[] = [];
  for (const f of findings) {
    const where = objects[f.object.index]?.constructPath ?? describeRef(f.object);
    const text = `${describeRef(f.object)} (${where}): ${formatViolation(f.violation)}`;
    if (f.violation.severity === 'error' || strict) lines.push(text);
    else if (!reported.has(f)) process.stderr.write(`${text}\n`);
  }
  return lines;
}
