/**
 * Running the benchmark's child processes: each measurement gets a fresh Node process, so memory and
 * JIT state never leak from one variant into another.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** The repository root (bench/..). */
export const REPO = path.resolve(__dirname, '..');

/** What `/usr/bin/time` reports for a finished command. */
export interface Timed {
  readonly wallMs: number;
  /** User + system CPU time of the command and its children. */
  readonly cpuMs: number;
  readonly maxRssKiB: number;
  readonly stdout: string;
}

/** Runs `command args` in `cwd` under GNU time; throws with its output when it fails. */
export function timed(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Timed {
  const marker = '@@bench-time@@';
  const r = spawnSync('/usr/bin/time', ['-f', `${marker} %e %U %S %M`, command, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = r.stderr.split('\n').find((l) => l.startsWith(marker));
  if (r.status !== 0 || !line) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const [wall, user, sys, rss] = line.slice(marker.length).trim().split(/\s+/).map(Number) as [number, number, number, number];
  return { wallMs: wall * 1000, cpuMs: (user + sys) * 1000, maxRssKiB: rss, stdout: r.stdout };
}

/** Runs a TypeScript file of this repo with ts-node (transpile only) in a fresh Node process; returns stdout. */
export function runTs(file: string, args: readonly string[], extraNodeArgs: readonly string[] = []): string {
  const r = spawnSync(process.execPath, [...extraNodeArgs, '-r', 'ts-node/register/transpile-only', path.join(REPO, file), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Smallest, median and largest of a non-empty list of per-round ratios. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread {
  return { min: Math.min(...values), median: median(values), max: Math.max(...values) };
}

/** `0.98 / 1.02 / 1.10` (min / median / max). */
export function showSpread(s: Spread, digits = 2): string {
  return `${s.min.toFixed(digits)} / ${s.median.toFixed(digits)} / ${s.max.toFixed(digits)}`;
}
