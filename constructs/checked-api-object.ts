/**
 * The base of every construct here: an `ApiObject` whose manifest is checked by the rules of `lib/`.
 *
 * Props are turned into the manifest object first; the rules then run on that object (not on the props),
 * eagerly in the constructor where props alone decide, and again at synth through `node.addValidation`
 * for what later `add*()` calls or escape hatches change. Errors fail synthesis with every violation
 * listed; warnings are printed, and fail too in strict mode.
 */
import { ApiObject, type ApiObjectProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { KubeObject } from '../lib/k8s';
import { checkApp, checkObject, describeRef } from '../lib/rules';
import { ViolationError, formatViolation, failing, type Violation } from '../lib/violation';
import { appChecksOf } from './app-checks';
import { registerConfigMapReferences } from './config-map-references';
import { appObjects } from './app-objects';
import './yaml-quoting';

/** Options shared by every checked construct. */
export interface CheckOptions {
  /**
   * Treat warnings (e.g. envFrom keys Kubernetes will skip) as errors.
   * @default - true when the environment variable `PODKIT_STRICT` is `1`
   */
  readonly strict?: boolean;
}

/** Whether warnings fail, for this object. */
export function isStrict(options: CheckOptions | undefined): boolean {
  return options?.strict ?? process.env.PODKIT_STRICT === '1';
}

const reported = new WeakSet<object>();

/** Prints warnings once per object (validation may run more than once). */
function printWarnings(owner: object, path: string, warnings: readonly Violation[]): void {
  if (warnings.length === 0 || reported.has(owner)) return;
  reported.add(owner);
  for (const w of warnings) process.stderr.write(`[${path}] ${formatViolation(w)}\n`);
}

/** An `ApiObject` whose manifest is checked by the rules of `lib/` before anything is written. */
export abstract class CheckedApiObject extends ApiObject {
  private readonly checkOptions: CheckOptions | undefined;

  protected constructor(scope: Construct, id: string, props: ApiObjectProps, options?: CheckOptions) {
    super(scope, id, props);
    this.checkOptions = options;
    this.node.addValidation({ validate: () => this.validateManifest() });
    registerAppValidation(this, options);
  }

  /** The manifest as it will be written. */
  get manifest(): KubeObject {
    return this.toJson() as KubeObject;
  }

  /** Every violation of this object's manifest: the single-object rules plus the construct's own promise. */
  violations(): Violation[] {
    const manifest = this.manifest;
    return [...checkObject(manifest), ...this.promiseViolations(manifest)];
  }

  /** Violations of the invariant the construct's name promises (e.g. a QoS class); none by default. */
  protected promiseViolations(_manifest: KubeObject): Violation[] {
    return [];
  }

  /** Throws now if the manifest built from the props breaks a rule; call at the end of a constructor. */
  protected checkNow(): void {
    const bad = failing(this.violations(), isStrict(this.checkOptions));
    if (bad.length > 0) throw new ViolationError(bad, this.node.path);
  }

  private validateManifest(): string[] {
    const all = this.violations();
    const strict = isStrict(this.checkOptions);
    printWarnings(this, this.node.path, strict ? [] : all.filter((v) => v.severity === 'warning'));
    return failing(all, strict).map(formatViolation);
  }
}

const registered = new WeakSet<object>();

/**
 * Adds, once per app, the validation that runs the cross-object rules (`checkApp`, and the checks added
 * with `addAppCheck`) over every object of the app, podkit's own or not. Findings are reported against the object they are in.
 */
export function registerAppValidation(scope: Construct, options: CheckOptions | undefined): void {
  const root = scope.node.root;
  // a ConfigMap referenced by any pod of the app must be in the app or declared external
  registerConfigMapReferences(root);
  if (registered.has(root)) return;
  registered.add(root);
  root.node.addValidation({
    validate: () => {
      const objects = appObjects(root);
      const manifests = objects.map((o) => o.manifest);
      const findings = [...checkApp(manifests), ...appChecksOf(root).flatMap((check) => check(manifests))];
      const strict = isStrict(options);
      const lines: string[] = [];
      for (const f of findings) {
        const where = objects[f.object.index]?.constructPath ?? describeRef(f.object);
        const text = `${describeRef(f.object)} (${where}): ${formatViolation(f.violation)}`;
        if (f.violation.severity === 'error' || strict) lines.push(text);
        else if (!reported.has(f)) process.stderr.write(`${text}\n`);
      }
      return lines;
    },
  });
}
