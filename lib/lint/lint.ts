/**
 * The linter: every rule of `lib/` over objects read from files, with each finding located at `file:line:col`.
 * Single-object and cross-object rules come from `lintObjects` (lib/rules), so a rule added to any area is
 * linted without a change here; checks that run only on request come from ./extensions.ts.
 */
import { podSpecOf } from '../k8s';
import type { KubernetesVersion } from '../kubernetes-version';
import { lintObjects, refOf, type Finding } from '../rules/app';
import { yamlRules } from '../rules/yaml';
import { failing, type Violation } from '../violation';
import { LINT_EXTENSIONS, NotAvailableError, type LintExtensions, type PssPolicy } from './extensions';
import { locate } from './locate';
import type { Position, SourcedObject } from './read';

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
}

/** Throws {@link NotAvailableError} if `options` ask for a check this build does not have. */
export function assertAvailable(options: LintOptions, extensions: LintExtensions = LINT_EXTENSIONS): void {
  if (options.pss !== undefined && !extensions.podSecurity) throw new NotAvailableError('--pss', 'the Pod Security Standards check');
  if (options.cluster !== undefined && !extensions.cluster) throw new NotAvailableError('--cluster', 'the cluster profile (schedulability) check');
}

function optionalFindings(sourced: readonly SourcedObject[], options: LintOptions, extensions: LintExtensions): Finding[] {
  const out: Finding[] = [];
  const objects = sourced.map((s) => s.object);
  if (options.pss !== undefined && extensions.podSecurity) {
    const level = options.pss;
    objects.forEach((obj, index) => {
      const found = podSpecOf(obj);
      if (!found) return;
      for (const violation of extensions.podSecurity!(found.pod, level, found.base)) out.push({ object: refOf(obj, index), violation });
    });
  }
  if (options.cluster !== undefined && extensions.cluster) {
    out.push(...extensions.cluster.check(objects, extensions.cluster.parseProfile(options.cluster)));
  }
  return out;
}

/**
 * Lints objects read from any number of files together: cross-references resolve across all of them.
 * @throws NotAvailableError if an option asks for a check this build does not have
 */
export function lintSourced(sourced: readonly SourcedObject[], options: LintOptions = {}, extensions: LintExtensions = LINT_EXTENSIONS): LintReport {
  assertAvailable(options, extensions);
  const findings: Finding[] = [
    ...lintObjects(sourced.map((s) => s.object), { kubernetesVersion: options.kubernetesVersion }),
    ...optionalFindings(sourced, options, extensions),
  ];
  const files = [...new Set(sourced.map((s) => s.file))];
  const located: LocatedFinding[] = findings.map(({ object, violation }) => {
    const source = sourced[object.index]!;
    return { file: source.file, ...locate(source, violation.path), object: objectOf(source), violation };
  });
  sourced.forEach((source) => {
    for (const dup of source.duplicateKeys) {
      located.push({ file: source.file, ...dup.position, object: objectOf(source), violation: yamlRules.duplicateKey.at(dup.path, dup.key) });
    }
  });
  located.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || a.col - b.col || a.violation.rule.localeCompare(b.violation.rule));
  return { findings: located, objects: sourced.length };
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
