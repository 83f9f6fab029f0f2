/**
 * The linter: every rule of `lib/` over objects read from files, with each finding located at `file:line:col`.
 * Single-object and cross-object rules come from lib/rules (`checkObject`, `APP_CHECKS`), so a rule added to any
 * area is linted without a change here; the Pod Security Standards (`--pss`) and the schedulability on a cluster
 * profile (`--cluster`) run on request.
 */
import { podSpecOf, type KubeObject } from '../k8s';
import { startAppChecks, type AppCheckRun, type Finding } from '../rules/app';
import { checkObject } from '../rules/index';
import { yamlRules } from '../rules/yaml';
import { failing, type Violation } from '../violation';
import { checkPodSecurity } from '../rules/pod-security';
import { schedulabilityFindings } from '../rules/schedulability';
import type { ParsedClusterProfile } from '../scheduling';
import { asClusterProfile } from './cluster-profile';
import type { PssPolicy } from './pss';
import type { KubernetesVersion } from '../kubernetes-version';
import { locateViolation } from './locate';
import { schemaFieldPath } from './schema-path';
import { reattach, type ManifestReadError, type Position, type SkippedDocument, type SourcedObject, type SourceText } from './read';

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
 * arrives, while its YAML is at hand, and the rules across objects note the few facts they need of it (what it
 * provides, what it references and where: ../rules/app.ts); the object itself is not kept, only where it is
 * in its source ({@link SourcedObject.origin}), so that a finding across objects is located at
 * {@link LintSession.finish} by reading its document again. The cluster check (`--cluster`) simulates the
 * scheduling of every pod in order, so with it the objects that hold a pod spec are kept, as compact JSON.
 */
export class LintSession {
  private readonly located: LocatedFinding[] = [];
  /** Where every object added is: to locate the findings across objects. */
  private readonly kept = new KeptOrigins();
  private readonly app: AppCheckRun;
  /** With `--cluster`: the objects that hold a pod spec, as JSON, with their index in `kept`. */
  private readonly pods: { readonly json: string; readonly index: number }[] = [];
  private readonly files: string[] = [];
  private readonly fileOrder = new Map<string, number>();
  private readonly skipped: SkippedDocument[] = [];
  private readonly unreadable: ManifestReadError[] = [];

  private readonly profile: ParsedClusterProfile | undefined;

  /** @throws Error naming what is wrong if `options.cluster` is not a cluster profile */
  constructor(private readonly options: LintOptions = {}) {
    this.profile = options.cluster === undefined ? undefined : asClusterProfile(options.cluster);
    this.app = startAppChecks({ kubernetesVersion: options.kubernetesVersion });
  }

  private noteFile(file: string): void {
    if (!this.fileOrder.has(file)) {
      this.fileOrder.set(file, this.files.length);
      this.files.push(file);
    }
  }

  /** Lints one object now (its own rules, its duplicate keys) and notes what the checks across objects need of it. */
  add(source: SourcedObject): void {
    this.noteFile(source.file);
    const index = this.kept.size;
    const object = objectOf(source.object);
    const violations = checkObject(source.object, { kubernetesVersion: this.options.kubernetesVersion });
    const mistyped = mistypedPaths(violations);
    for (const violation of violations) {
      if (mistyped && violation.rule !== TYPE_MISMATCH && mistyped.has(violation.path)) continue;
      this.located.push({ file: source.file, ...locateViolation(source, violation), object, violation });
    }
    const found = this.options.pss !== undefined || this.profile !== undefined ? podSpecOf(source.object) : undefined;
    if (found && this.options.pss !== undefined) {
      for (const violation of checkPodSecurity(found.pod, this.options.pss, found.base)) this.located.push({ file: source.file, ...locateViolation(source, violation), object, violation });
    }
    for (const dup of source.duplicateKeys) this.located.push({ file: source.file, ...dup.position, object, violation: yamlRules.duplicateKey.at(schemaFieldPath(source.object, dup.path), dup.key) });
    this.app.add(source.object, index);
    if (found && this.profile !== undefined) this.pods.push({ json: JSON.stringify(source.object), index });
    this.kept.add(source);
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
    const across: Finding[] = this.app.finish();
    if (this.profile !== undefined) {
      const pods = lazyList(this.pods.length, (i) => JSON.parse(this.pods[i]!.json) as KubeObject);
      for (const { object, violation } of schedulabilityFindings(pods, this.profile)) {
        across.push({ object: { ...object, index: this.pods[object.index]!.index }, violation });
      }
    }
    this.locateAcross(across);
    const order = (file: string) => this.fileOrder.get(file) ?? 0;
    this.located.sort((a, b) => order(a.file) - order(b.file) || a.line - b.line || a.col - b.col || a.violation.rule.localeCompare(b.violation.rule));
    return { findings: this.located, objects: this.kept.size, skipped: this.skipped, unreadable: this.unreadable };
  }

  /** Locates the findings across objects: each object with findings is read again once, then dropped. */
  private locateAcross(across: readonly Finding[]): void {
    const byObject = new Map<number, Finding[]>();
    for (const finding of across) {
      const list = byObject.get(finding.object.index);
      if (list) list.push(finding);
      else byObject.set(finding.object.index, [finding]);
    }
    for (const [index, findings] of byObject) {
      const source = this.kept.reattach(index);
      const object = objectOf(source.object);
      for (const { violation } of findings) this.located.push({ file: source.file, ...locateViolation(source, violation), object, violation });
    }
  }
}

/**
 * Where each object of a run is, in a few integers per object (its source texts are held once each: a string for stdin
 * or a small file, a handle that reads the file again for a file read in chunks), to read
 * it again for a finding; an object not read by `readDocuments` (it has no origin) is kept as it is.
 */
class KeptOrigins {
  private static readonly FIELDS = 7;
  private ints = new Int32Array(KeptOrigins.FIELDS * 1024);
  private readonly sources: { readonly file: string; readonly text: SourceText; readonly json: boolean }[] = [];
  private readonly items = new Map<number, readonly number[]>();
  private readonly others = new Map<number, SourcedObject>();
  size = 0;

  add(source: SourcedObject): void {
    const index = this.size++;
    const origin = source.origin;
    if (!origin) {
      this.others.set(index, source);
      return;
    }
    const last = this.sources.length - 1;
    if (last < 0 || this.sources[last]!.text !== origin.text || this.sources[last]!.file !== origin.file) this.sources.push({ file: origin.file, text: origin.text, json: origin.json });
    if (origin.items.length > 0) this.items.set(index, origin.items);
    const at = index * KeptOrigins.FIELDS;
    if (at + KeptOrigins.FIELDS > this.ints.length) {
      const grown = new Int32Array(this.ints.length * 2);
      grown.set(this.ints);
      this.ints = grown;
    }
    const ints = this.ints;
    ints[at] = this.sources.length - 1;
    ints[at + 1] = origin.start;
    ints[at + 2] = origin.end;
    ints[at + 3] = origin.base.line;
    ints[at + 4] = origin.base.col;
    ints[at + 5] = origin.position.line;
    ints[at + 6] = origin.position.col;
  }

  /** The object at `index`, read again from its document. */
  reattach(index: number): SourcedObject {
    const other = this.others.get(index);
    if (other) return reattach(other);
    const [source, start, end, baseLine, baseCol, line, col] = this.ints.subarray(index * KeptOrigins.FIELDS, (index + 1) * KeptOrigins.FIELDS);
    const { file, text, json } = this.sources[source!]!;
    return reattach({ file, text, json, start: start!, end: end!, items: this.items.get(index) ?? [], base: { line: baseLine!, col: baseCol! }, position: { line: line!, col: col! } });
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
 * @throws Error naming what is wrong if `options.cluster` is not a cluster profile
 */
export function lintSourced(sourced: readonly SourcedObject[], options: LintOptions = {}): LintReport {
  const session = new LintSession(options);
  for (const source of sourced) session.add(source);
  return session.finish();
}

/**
 * A read-only array whose items are made when read (`at(i)`), not held: the cluster check walks the pods once
 * and keeps only what it needs of each, so the parsed objects never all exist at once.
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

function objectOf(obj: KubeObject): LocatedFinding['object'] {
  const meta = obj.metadata;
  return { kind: obj.kind, namespace: meta?.namespace, name: meta?.name ?? meta?.generateName };
}

/** The findings that fail the lint: errors, and warnings too when `strict`. */
export function failingFindings(report: LintReport, strict = false): LocatedFinding[] {
  const bad = new Set(failing(report.findings.map((f) => f.violation), strict));
  return report.findings.filter((f) => bad.has(f.violation));
}
