/**
 * The linter: every rule of `lib/` over objects read from files, with each finding located at `file:line:col`.
 * Single-object and cross-object rules come from `lintObjects` (lib/rules), so a rule added to any area is
 * linted without a change here; checks that run only on request come from ./extensions.ts.
 */
import { podSpecOf } from '../k8s';
import { checkApp, type Finding } from '../rules/app';
import { checkObject } from '../rules/index';
import { yamlRules } from '../rules/yaml';
import { failing, type Violation } from '../violation';
import { LINT_EXTENSIONS, NotAvailableError, type LintExtensions, type PssPolicy } from './extensions';
import type { KubernetesVersion } from '../kubernetes-version';
import { locate } from './locate';
import type { ManifestReadError, Position, SkippedDocument, SourcedObject } from './read';

/** What to check besides the rules that always run. */
export interface LintOptions {
  /** Also check the Pod Security Standards at this level (and policy version: `restricted:v1.30`). */
  readonly pss?: PssPolicy;
  /** Also check that every Pod schedules on this cluster profile (the JSON of the `--cluster` file). */
  readonly cluster?: unknown;
  /** The Kubernetes version the manifests are for (`--kubernetes-version`); default the newest supported. */
  readonly kubernetesVersion?: KubernetesVersion;
}

/** A finding located in the file its object came from. */
export interface LocatedFinding extends Position {
  readonly file: string;
  readonly object: { readonly kind?: string; readonly namespace?: string; readonly name?: string };
  readonly violation: Violation<string>;
}


/** Throws {@link NotAvailableError} if `options` ask for a check this build does not have. */
export function assertAvailable(options: LintOptions, extensions: LintExtensions = LINT_EXTENSIONS): void {
  if (options.pss !== undefined && !extensions.podSecurity) throw new NotAvailableError('--pss', 'the Pod Security Standards check');
  if (options.cluster !== undefined && !extensions.cluster) throw new NotAvailableError('--cluster', 'the cluster profile (schedulability) check');
}

/** The outcome of linting a set of objects. */
export interface LintReport {
  readonly findings: readonly LocatedFinding[];
  readonly objects: number;
  /** Documents that are not Kubernetes objects (a Kustomization, a template …), listed with the reason. */
  readonly skipped: readonly SkippedDocument[];
  /** Inputs that could not be read (each stops its own file only): the run fails with exit code 2. */
  readonly unreadable: readonly ManifestReadError[];
}

/**
 * A lint run over objects fed one at a time ({@link LintSession.add}): each object's own rules run as it
 * arrives, while its YAML is at hand; only the objects themselves are kept, for the rules across objects and the
 * optional checks, which run at {@link LintSession.finish}. A finding about a kept object is located by reading
 * its document again.
 */
export class LintSession {
  private readonly located: LocatedFinding[] = [];
  private readonly kept: SourcedObject[] = [];
  private readonly files: string[] = [];
  private readonly fileOrder = new Map<string, number>();
  private readonly skipped: SkippedDocument[] = [];
  private readonly unreadable: ManifestReadError[] = [];

  /** @throws NotAvailableError if `options` ask for a check this build does not have */
  constructor(
    private readonly options: LintOptions = {},
    private readonly extensions: LintExtensions = LINT_EXTENSIONS,
  ) {
    assertAvailable(options, extensions);
  }

  private noteFile(file: string): void {
    if (!this.fileOrder.has(file)) {
      this.fileOrder.set(file, this.files.length);
      this.files.push(file);
    }
  }

  /** Lints one object now (its own rules, its duplicate keys) and keeps it for the checks across objects. */
  add(source: SourcedObject): void {
    this.noteFile(source.file);
    const object = objectOf(source);
    const violations = checkObject(source.object, { kubernetesVersion: this.options.kubernetesVersion });
    const mistyped = mistypedPaths(violations);
    for (const violation of violations) {
      if (mistyped && violation.rule !== TYPE_MISMATCH && mistyped.has(violation.path)) continue;
      this.located.push({ file: source.file, ...locate(source, violation.path), object, violation });
    }
    if (this.options.pss !== undefined && this.extensions.podSecurity) {
      const found = podSpecOf(source.object);
      if (found) for (const violation of this.extensions.podSecurity(found.pod, this.options.pss, found.base)) this.located.push({ file: source.file, ...locate(source, violation.path), object, violation });
    }
    for (const dup of source.duplicateKeys) this.located.push({ file: source.file, ...dup.position, object, violation: yamlRules.duplicateKey.at(dup.path, dup.key) });
    this.kept.push(source.detach ? source.detach() : source);
  }

  /** Records a document that is not a Kubernetes object. */
  skip(skipped: SkippedDocument): void {
    this.noteFile(skipped.file);
    this.skipped.push(skipped);
  }

  /** Records an input that could not be read. */
  fail(error: ManifestReadError): void {
    this.noteFile(error.file);
    this.unreadable.push(error);
  }

  /** Runs the checks across objects and returns every finding, in file order, then line and column. */
  finish(): LintReport {
    const objects = lazyList(this.kept.length, (i) => this.kept[i]!.object);
    const across: Finding[] = checkApp(objects, { kubernetesVersion: this.options.kubernetesVersion });
    if (this.options.cluster !== undefined && this.extensions.cluster) {
      across.push(...this.extensions.cluster.check(objects, this.extensions.cluster.parseProfile(this.options.cluster)));
    }
    for (const { object, violation } of across) {
      const source = this.kept[object.index]!;
      this.located.push({ file: source.file, ...locate(source, violation.path), object: objectOf(source), violation });
    }
    const order = (file: string) => this.fileOrder.get(file) ?? 0;
    this.located.sort((a, b) => order(a.file) - order(b.file) || a.line - b.line || a.col - b.col || a.violation.rule.localeCompare(b.violation.rule));
    return { findings: this.located, objects: this.kept.length, skipped: this.skipped, unreadable: this.unreadable };
  }
}

const TYPE_MISMATCH = 'fields/type-mismatch';

/**
 * The paths of the values of the wrong JSON type (a string in an int32 field), or undefined when there is none. The
 * API server's decoding stops at such a value (`json: cannot unmarshal string into Go struct field …`) before any
 * validation, so a rule that would judge the value at the same path (a port range, an integer check) is not reported
 * beside it: its reason does not hold for a value that is not a number at all.
 */
function mistypedPaths(violations: readonly Violation[]): Set<string> | undefined {
  let out: Set<string> | undefined;
  for (const v of violations) if (v.rule === TYPE_MISMATCH) (out ??= new Set()).add(v.path);
  return out;
}

/**
 * Lints objects read from any number of files together: cross-references resolve across all of them.
 * @throws NotAvailableError if an option asks for a check this build does not have
 */
export function lintSourced(sourced: readonly SourcedObject[], options: LintOptions = {}, extensions: LintExtensions = LINT_EXTENSIONS): LintReport {
  const session = new LintSession(options, extensions);
  for (const source of sourced) session.add(source);
  return session.finish();
}

/**
 * A read-only array whose items are made when read (`at(i)`), not held: the checks across objects walk every
 * object once or twice and keep only the few they index, so the objects never all exist at once.
 */
function lazyList<T>(length: number, at: (index: number) => T): readonly T[] {
  const index = (prop: string | symbol) => (typeof prop === 'string' && /^(0|[1-9][0-9]*)$/.test(prop) && Number(prop) < length ? Number(prop) : undefined);
  return new Proxy(new Array<T>(length), {
    get(target, prop, receiver) {
      const i = index(prop);
      return i === undefined ? Reflect.get(target, prop, receiver) : at(i);
    },
    has(target, prop) {
      return index(prop) !== undefined || Reflect.has(target, prop);
    },
    set() {
      return false;
    },
  });
}

function objectOf(source: SourcedObject): LocatedFinding['object'] {
  const meta = source.object.metadata;
  return { kind: source.object.kind, namespace: meta?.namespace, name: meta?.name ?? meta?.generateName };
}

/** The findings that fail the lint: errors, and warnings too when `strict`. */
export function failingFindings(report: LintReport, strict = false): LocatedFinding[] {
  const bad = new Set(failing(report.findings.map((f) => f.violation), strict));
  return report.findings.filter((f) => bad.has(f.violation));
}
