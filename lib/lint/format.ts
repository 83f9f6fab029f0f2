/**
 * Rendering lint and explain results: one line per finding for people, one stable JSON document for machines.
 * The JSON shape is versioned (`"format": "podkit-lint/v1"`); fields are only ever added.
 */
import type { ExplainedObject } from './explain';
import type { LintReport, LocatedFinding } from './lint';
import type { ManifestReadError } from './read';
import { formatDocs } from '../violation';

/** `Kind/namespace/name`, the namespace left out when the manifest does not set one. */
export function describeObject(object: LocatedFinding['object']): string {
  return [object.kind ?? '?', object.namespace, object.name ?? '?'].filter((p) => p !== undefined).join('/');
}

/** `file:line:col: severity: Kind/ns/name: path: message [rule] docs (English: docsEn)` */
export function formatFinding(f: LocatedFinding): string {
  const v = f.violation;
  return `${f.file}:${f.line}:${f.col}: ${v.severity}: ${describeObject(f.object)}: ${v.path}: ${v.message} [${v.rule}] ${formatDocs(v)}`;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** The text report: one line per finding, then a summary line when there is anything to report. */
export function formatLintText(report: LintReport): string {
  if (report.findings.length === 0) return '';
  const errors = report.findings.filter((f) => f.violation.severity === 'error').length;
  const lines = report.findings.map(formatFinding);
  lines.push(`${count(errors, 'error')}, ${count(report.findings.length - errors, 'warning')} in ${count(report.objects, 'object')}`);
  return `${lines.join('\n')}\n`;
}

/** The JSON report: summary, then every finding with its location, object, rule, message and docs link. */
export function lintJson(report: LintReport, failed: boolean): unknown {
  const errors = report.findings.filter((f) => f.violation.severity === 'error').length;
  return {
    format: 'podkit-lint/v1',
    ok: !failed,
    summary: { objects: report.objects, errors, warnings: report.findings.length - errors },
    findings: report.findings.map((f) => ({
      file: f.file,
      line: f.line,
      col: f.col,
      object: f.object,
      path: f.violation.path,
      rule: f.violation.rule,
      severity: f.violation.severity,
      message: f.violation.message,
      docs: f.violation.docs,
      docsEn: f.violation.docsEn,
    })),
  };
}

/** The JSON document for input that could not be read (exit code 2). */
export function readErrorJson(error: ManifestReadError | Error): unknown {
  const located = 'file' in error ? { file: error.file, line: error.position?.line, col: error.position?.col, message: error.detail } : { message: error.message };
  return { format: 'podkit-lint/v1', ok: false, error: located };
}

/** The explain report as text: each object, then its sections indented. */
export function formatExplainText(objects: readonly ExplainedObject[]): string {
  const lines: string[] = [];
  for (const o of objects) {
    lines.push(`${o.file}:${o.line}:${o.col}: ${describeObject(o.object)} (pod spec at ${o.podSpec})`);
    for (const section of o.sections) {
      const only = section.entries.length === 1 ? section.entries[0]! : undefined;
      if (only && only.label === section.title) {
        lines.push(`  ${section.title}: ${only.value}`);
        continue;
      }
      lines.push(`  ${section.title}:`);
      for (const e of section.entries) lines.push(`    ${e.label}: ${e.value}${e.path ? ` (${e.path})` : ''}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** The explain report as JSON. */
export function explainJson(objects: readonly ExplainedObject[]): unknown {
  return { format: 'podkit-explain/v1', objects };
}
