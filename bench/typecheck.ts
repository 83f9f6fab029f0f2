/**
 * Type-check cost: one `tsc --noEmit --extendedDiagnostics` run over a project, and the figures it prints.
 * The instantiation count is deterministic for a given compiler and source, so a test may compare it
 * with a recorded baseline; the times are not, and only the benchmark reports them.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** The figures of one `--extendedDiagnostics` run. */
export interface TypecheckDiagnostics {
  readonly files: number;
  readonly types: number;
  readonly instantiations: number;
  /** Seconds, as tsc prints them. */
  readonly checkTime: number;
  readonly totalTime: number;
}

/** The recorded baseline (bench/baseline.json). */
export interface Baseline {
  readonly examplesInstantiations: number;
  readonly recordedAt: string;
  readonly typescript: string;
}

/** Growth allowed over the baseline before the test fails. */
export const INSTANTIATION_TOLERANCE = 0.2;

/** Whether `instantiations` grew more than the tolerance over `baseline`. */
export function exceedsBaseline(instantiations: number, baseline: number, tolerance = INSTANTIATION_TOLERANCE): boolean {
  return instantiations > baseline * (1 + tolerance);
}

/** Parses the `--extendedDiagnostics` report. */
export function parseDiagnostics(report: string): TypecheckDiagnostics {
  const field = (name: string): number => {
    const m = new RegExp(`^${name}:\\s+([\\d.]+)`, 'm').exec(report);
    if (!m) throw new Error(`tsc --extendedDiagnostics printed no "${name}":\n${report}`);
    return Number(m[1]);
  };
  return { files: field('Files'), types: field('Types'), instantiations: field('Instantiations'), checkTime: field('Check time'), totalTime: field('Total time') };
}

/** Runs `tsc --noEmit --extendedDiagnostics -p <project>`; throws on type errors. */
export function typecheck(project: string): TypecheckDiagnostics {
  const tsc = require.resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '--extendedDiagnostics', '-p', project], { cwd: path.dirname(project), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsc -p ${project} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return parseDiagnostics(r.stdout);
}
