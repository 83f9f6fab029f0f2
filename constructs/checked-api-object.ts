/**
 * The base of every construct here: an `ApiObject` whose manifest is checked by the rules of `lib/`.
 *
 * It uses cdk8s's public API only: the props go to `ApiObject` as given (copied, with their tokens kept for
 * cdk8s to resolve), the rules run on the manifest as cdk8s resolves it, at synth through `node.addValidation`,
 * and every manifest cdk8s writes (`toJson()`) is compared with the one that was checked. Where the props hold
 * no token, the rules also run eagerly in the constructor, on the props (with the object's name and namespace);
 * synthesis reuses those results while the manifest is the same. Errors fail synthesis
 * with every violation listed; warnings are printed, and fail too in strict mode.
 */
import { ApiObject, type ApiObjectProps, type JsonPatch } from 'cdk8s';
import type { Construct, IConstruct } from 'constructs';
import type { KubeObject } from '../lib/k8s';
import { checkApp, checkObject, describeRef } from '../lib/rules';
import { ViolationError, formatViolation, failing, type Violation } from '../lib/violation';
import { appChecksOf } from './app-checks';
import { PASS_MANIFEST, freshPass, noteManifestChange, openPass, validationPass, type ValidationPass } from './app-objects';
import { configMapExternalsOf } from './config-map-references';
import { ruleOptionsOf } from './kubernetes-version';
import { secretExternalsOf } from './secret-references';
import { jsonEqual } from './json-equal';
import { copyToWire } from './wire';

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

/**
 * Whether `x` is a checked construct of this library (any subclass of `CheckedApiObject`). Use this rather
 * than `instanceof`: cdk8s answers `x instanceof C` for every `ApiObject` subclass `C` with "is `x` an
 * `ApiObject`" (its static `Symbol.hasInstance`), so `instanceof` cannot tell a checked construct from a plain
 * `ApiObject`. For one construct class, `C.prototype.isPrototypeOf(x)` tells.
 */
export function isCheckedApiObject(x: unknown): x is CheckedApiObject {
  return CheckedApiObject.isCheckedApiObject(x);
}

const reported = new WeakSet<object>();
const NONE: readonly Violation[] = Object.freeze([]);
const NO_PROMISES: readonly ManifestPromise[] = Object.freeze([]);

/** Prints warnings once per object (validation may run more than once). */
function printWarnings(owner: object, path: string, warnings: readonly Violation[]): void {
  if (warnings.length === 0 || reported.has(owner)) return;
  reported.add(owner);
  for (const w of warnings) process.stderr.write(`[${path}] ${formatViolation(w)}\n`);
}

/** The single-object rule results for one manifest object. */
interface Checked {
  readonly manifest: KubeObject;
  readonly own: readonly Violation[];
}

/** An `ApiObject` whose manifest is checked by the rules of `lib/` before anything is written. */
export abstract class CheckedApiObject extends ApiObject {
  /** Whether `x` is a checked construct (see {@link isCheckedApiObject}). */
  static isCheckedApiObject(x: unknown): x is CheckedApiObject {
    return typeof x === 'object' && x !== null && #promises in x;
  }

  /** The promises this object keeps: a private, frozen list that only the constructor fills. */
  readonly #promises: readonly ManifestPromise[];

  /** Only the strictness of the options: `options` is often the whole props object, which must not stay alive with the construct. */
  readonly #strict: boolean | undefined;

  /** The props given to cdk8s: a frozen copy of the props (`toWire`), tokens kept. */
  readonly #props: ApiObjectProps;

  /** Whether the props hold no token, so that the props alone decide the manifest's content, less its metadata. */
  readonly #tokenFree: boolean;

  /** Whether the props are also free of `null`: cdk8s then writes them exactly as they are (it drops `null` values). */
  readonly #exact: boolean;

  /** Whether a JSON patch was added: the manifest is then no longer the props and the metadata alone. */
  #patched = false;

  /** The rule results for the manifest last checked. */
  #checked: Checked | undefined;

  /**
   * The props are copied (`toWire`: plain JSON, deeply frozen, cdk8s tokens kept as they are): the manifest is
   * a function of the props as they were at construction, the metadata, the patches and what the tokens
   * resolve to. A subclass changes its manifest after construction with `addJsonPatch`.
   */
  protected constructor(scope: Construct, id: string, props: ApiObjectProps, options?: CheckOptions) {
    const { copy, tokens, nulls } = copyToWire(props);
    super(scope, id, copy);
    this.#props = copy;
    this.#tokenFree = !tokens;
    this.#exact = !tokens && !nulls;
    this.#promises = options?.promises === undefined || options.promises.length === 0 ? NO_PROMISES : Object.freeze([...options.promises]);
    this.#strict = options?.strict;
    this.node.addValidation({ validate: () => this.#validate() });
    registerAppValidation(this, options?.strict === undefined ? undefined : { strict: options.strict });
  }

  /** The manifest as it will be written (cdk8s's `toJson()`, unchecked). */
  get manifest(): KubeObject {
    return super.toJson() as KubeObject;
  }

  /** Every violation of this object's manifest: the single-object rules plus the construct's promises. */
  violations(): Violation[] {
    const manifest = this.manifest;
    return [...this.#ownViolations(manifest), ...this.#promiseViolations(manifest)];
  }

  /** The names of the promises this object keeps. */
  get promiseNames(): readonly string[] {
    return this.#promises.map((p) => p.name);
  }

  /**
   * The manifest, as cdk8s `ApiObject.toJson()` computes it. During a synthesis it is compared with what
   * the validation checked; a manifest that differs (it changed after the validation, e.g. between two
   * syntheses of the same job) is checked before it is written.
   */
  override toJson(): any {
    const written = this.attachDeclarations(super.toJson() as KubeObject);
    const pass = openPass(this);
    if (pass) this.#verifyWritten(pass, written);
    return written;
  }

  /**
   * Attaches to `manifest` what this object declares in memory only (a non-enumerable property, never written
   * out: a workload's external references) and returns it. Every manifest the object gives cdk8s (`toJson()`)
   * and the app's validation pass goes through it; a subclass overrides this, not `toJson()`, so that the
   * validation pass can reuse what the eager check checked.
   */
  protected attachDeclarations(manifest: KubeObject): KubeObject {
    return manifest;
  }

  override addJsonPatch(...ops: JsonPatch[]): void {
    noteManifestChange();
    this.#patched = true;
    super.addJsonPatch(...ops);
  }

  /** Throws now if the manifest built from the props breaks a rule; call at the end of a constructor. */
  protected checkNow(): void {
    // Props holding a token are checked at synth only, on what cdk8s resolves them to.
    if (!this.#tokenFree) return;
    const manifest = { ...this.#props, metadata: this.#metadataFromProps() } as KubeObject;
    const own = checkObject(manifest, ruleOptionsOf(this));
    // Kept for reuse only where cdk8s writes the props as they are.
    if (this.#exact && !this.#patched) {
      fromProps.add(this.attachDeclarations(manifest));
      this.#checked = { manifest, own: own.length === 0 ? NONE : own };
    }
    const all = [...own, ...this.#promiseViolations(manifest)];
    if (all.length === 0) return;
    const bad = failing(all, isStrict(this.#options()));
    if (bad.length === 0) return;
    const error = new ViolationError(bad, this.node.path);
    // the trace starts where the construct was created (the user's `new Pod(…)`), not inside this package
    Error.captureStackTrace(error, this.constructor);
    throw error;
  }

  /**
   * The metadata the props give, with the name and namespace cdk8s gave the object: what cdk8s writes unless
   * the chart adds labels or a change came later (the pass compares it with `metadata.toJson()`).
   */
  #metadataFromProps(): Record<string, unknown> {
    const out: Record<string, unknown> = { ...(this.#props.metadata as Record<string, unknown> | undefined), name: this.metadata.name };
    if (this.metadata.namespace !== undefined) out.namespace = this.metadata.namespace;
    return out;
  }

  /**
   * The manifest for a validation pass. While the props are exact plain JSON, no patch was added and the app
   * resolves with cdk8s's built-in resolvers only (which leave plain JSON as it is), it is the checked props
   * with the metadata as cdk8s writes it now (`metadata.toJson()`), without resolving the whole object.
   */
  [PASS_MANIFEST](plainResolvers: boolean): KubeObject {
    // a subclass that overrides toJson() (to attach in-memory declarations) gives what its toJson() gives
    if ((this as { toJson: unknown }).toJson !== CheckedApiObject.prototype.toJson) return this.toJson() as KubeObject;
    const checked = this.#checked;
    if (checked !== undefined && this.#exact && !this.#patched && plainResolvers) {
      const metadata = this.metadata.toJson();
      if (jsonEqual(metadata, checked.manifest.metadata)) return checked.manifest;
      const manifest = this.attachDeclarations({ ...this.#props, metadata } as KubeObject);
      fromProps.add(manifest);
      return manifest;
    }
    return this.#resolved();
  }

  /** The manifest as cdk8s resolves it, with the declarations attached. */
  #resolved(): KubeObject {
    return this.attachDeclarations(super.toJson() as KubeObject);
  }

  /**
   * Whether `written` (what cdk8s writes now) is `checked`. A manifest the pass built from the props is
   * compared by its metadata only, while the props can only be written as they are: they are a frozen copy,
   * exact plain JSON (no token, no `null`), no patch was added, and the built-in resolvers leave plain JSON as
   * it is.
   */
  #isChecked(written: KubeObject, checked: KubeObject | undefined, plainResolvers: boolean): boolean {
    if (checked === undefined) return false;
    if (fromProps.has(checked) && this.#exact && !this.#patched && plainResolvers) return jsonEqual(written.metadata, checked.metadata);
    return jsonEqual(written, checked);
  }

  /** Single-object rule results for `manifest`, reused while it is the manifest last checked. */
  #ownViolations(manifest: KubeObject): readonly Violation[] {
    const checked = this.#checked;
    if (checked !== undefined && checked.manifest === manifest) return checked.own;
    const own = checkObject(manifest, ruleOptionsOf(this));
    this.#checked = { manifest, own: own.length === 0 ? NONE : own };
    return own;
  }

  #promiseViolations(manifest: KubeObject): Violation[] {
    const out: Violation[] = [];
    for (const promise of this.#promises) for (const v of promise.check(manifest, this)) out.push(v);
    return out;
  }

  #options(): CheckOptions | undefined {
    return this.#strict === undefined ? undefined : { strict: this.#strict };
  }

  /** The id of the pass this object's validation last ran in, and the lines it gave there. */
  #validatedIn = -1;
  #validatedLines: string[] | undefined;

  /** The validation: runs once per validation pass (cdk8s validates the app again for every chart it writes). */
  #validate(): string[] {
    const pass = openPass(this) ?? validationPass(this.node.root);
    // the same pass again (the next chart): its lines, without a lookup in the pass
    if (pass.id === this.#validatedIn) return this.#validatedLines!;
    const lines = pass.memo(this, () => this.#lines(pass.manifestOf(this) ?? this.#resolved()));
    this.#validatedIn = pass.id;
    this.#validatedLines = lines;
    return lines;
  }

  #lines(manifest: KubeObject): string[] {
    const all = [...this.#ownViolations(manifest), ...this.#promiseViolations(manifest)];
    if (all.length === 0) return [];
    const strict = isStrict(this.#options());
    printWarnings(this, this.node.path, strict ? [] : all.filter((v) => v.severity === 'warning'));
    return failing(all, strict).map(formatViolation);
  }

  /**
   * Checks a manifest cdk8s is about to write against what the open pass checked. If it differs (it changed
   * after the pass opened) or was written in this pass already (a second synthesis in the same job), the whole
   * app is validated again in a new pass (every construct's validations, as cdk8s runs them), and this
   * manifest with it.
   */
  #verifyWritten(pass: ValidationPass, written: KubeObject): void {
    const checked = pass.manifestOf(this);
    if (pass.noteWritten(this) && this.#isChecked(written, checked, pass.plainResolvers)) return;
    const root = this.node.root;
    const fresh = freshPass(root);
    fresh.noteWritten(this);
    const errors: string[] = [];
    for (const c of root.node.findAll()) for (const e of c.node.validate()) errors.push(`[${c.node.path}] ${e}`);
    if (!this.#isChecked(written, fresh.manifestOf(this), fresh.plainResolvers)) for (const e of this.#lines(written)) errors.push(`[${this.node.path}] ${e}`);
    if (errors.length > 0) throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
  }
}

/** Manifests built from a checked object's props (and its metadata), not resolved by cdk8s. */
const fromProps = new WeakSet<object>();

/** The options the app-level validation of each app was registered with. */
const appOptions = new WeakMap<IConstruct, CheckOptions | undefined>();

/**
 * Adds, once per app, the validation that runs the cross-object rules (`checkApp`, and the checks added
 * with `addAppCheck`) over every object of the app, podkit's own or not. Findings are reported against the object they are in.
 * It runs once per synthesis although cdk8s validates the app again for every chart (see app-objects.ts).
 */
export function registerAppValidation(scope: Construct, options: CheckOptions | undefined): void {
  const root = scope.node.root;
  if (appOptions.has(root)) return;
  appOptions.set(root, options);
  root.node.addValidation({
    // cdk8s validates the root first, so this starts every validation of the app: after one that failed, a new pass
    validate: () => {
      const open = validationPass(root);
      const pass = open.failed ? freshPass(root) : open;
      return pass.memo(pass, () => appFindingLines(root, pass, options));
    },
  });
}

/** The cross-object findings of the app: errors (and warnings in strict mode) as lines; other warnings are printed. */
function appFindingLines(root: IConstruct, pass: ValidationPass, options: CheckOptions | undefined): string[] {
  const objects = pass.objects;
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
