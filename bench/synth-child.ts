/**
 * Measurements in a fresh process: `synth-child.ts '<plan JSON>'`, where the plan is a list of steps
 * `{ variant, pods, measure, profile }`. Steps run in order; a step with `measure: false` is a warm-up (its app is
 * built and thrown away so the measured steps run steady-state code rather than JIT warm-up). Prints one
 * JSON line: per measured step the CPU and wall time of build + synth and the output size, and the peak
 * RSS of the whole process.
 *
 * A plan of one measured step is a cold run, as `cdk8s synth` is; a plan alternating variants measures
 * them paired, so that a change in the machine's load hits both alike.
 *
 * A step with `profile: true` runs under V8's sampling profiler (`node:inspector`, started and stopped around
 * the step alone, so module loading is outside it) and its result carries where the time went, by script
 * (see {@link ProfileSplit}); the profiler slows the step, so its times are not for ratios.
 */
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SYNTH, VARIANTS, type Variant } from './variants';

/** One step of a plan. */
export interface Step {
  readonly variant: Variant;
  readonly pods: number;
  /** @default true */
  readonly measure?: boolean;
  /** Run the step under the sampling profiler and report its split. @default false */
  readonly profile?: boolean;
}

/** The places a profile's time is attributed to. */
export const PROFILE_PARTS = ['yaml', 'cdk8s', 'package', 'workload', 'gc', 'other'] as const;
export type ProfilePart = (typeof PROFILE_PARTS)[number];

/**
 * Where a profiled step's CPU time went, by the script of the function running: `yaml` (node_modules/yaml: the
 * YAML stringify), `cdk8s` (node_modules/cdk8s and node_modules/constructs), `package` (this repository's
 * sources outside bench/: the constructs and the rules), `workload` (bench/: building the workload's data),
 * `gc` (V8's garbage collector) and `other` (any other script, or a sample outside any script: V8 compiling
 * code, the program itself). A builtin (`JSON.stringify`, `Array.prototype.map`, a RegExp) or a function of
 * Node's own (`util.isDeepStrictEqual`) counts for the script that called it.
 */
export interface ProfileSplit {
  /** Samples taken in the step (one every 100 µs of wall time while it ran). */
  readonly samples: number;
  /** Per part, its share of the sampled time (0 to 1). */
  readonly share: Readonly<Record<ProfilePart, number>>;
  /** The functions of the package with the most self time (builtins they call included): their share of the step's CPU time, in ms. */
  readonly topPackage: readonly { readonly fn: string; readonly ms: number }[];
}

/** One measured step. */
export interface StepResult {
  readonly variant: Variant;
  readonly pods: number;
  readonly ms: number;
  /** CPU time (user + system) of the step, in ms: less sensitive than wall time to other load on the machine. */
  readonly cpuMs: number;
  readonly bytes: number;
  readonly documents: number;
  /** Where the time went, for a profiled step. */
  readonly profile?: ProfileSplit;
}

/** The line a child prints. */
export interface ChildResult {
  readonly steps: StepResult[];
  /** Peak resident set size of the process, in KiB (`process.resourceUsage().maxRSS`). */
  readonly maxRssKiB: number;
}

function parsePlan(arg: string | undefined): Step[] {
  const plan = JSON.parse(arg ?? '[]') as Step[];
  for (const s of plan) {
    if (!VARIANTS.includes(s.variant) || !Number.isInteger(s.pods) || s.pods <= 0) throw new Error(`bad step ${JSON.stringify(s)}; variants: ${VARIANTS.join(', ')}`);
  }
  if (plan.length === 0) throw new Error("usage: synth-child.ts '[{\"variant\":\"podkit\",\"pods\":10000}]'");
  return plan;
}

/** The parts of V8's CPU profile this reads (`Profiler.stop`'s result). */
interface CpuProfile {
  readonly nodes: readonly { readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }; readonly children?: readonly number[] }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** `session.post`, whose callback runs before it returns for a session in the same thread. */
function post<T>(session: Session, method: string, params?: object): T {
  let result: { value: T } | { error: Error } | undefined;
  session.post(method, params, (error, value) => {
    result = error ? { error } : { value: value as T };
  });
  if (result === undefined) throw new Error(`${method}: no synchronous answer from the inspector`);
  if ('error' in result) throw result.error;
  return result.value;
}

/** Runs `f` under the sampling profiler (every 100 µs) and returns its result and the profile. */
function profiled<T>(f: () => T): { result: T; profile: CpuProfile } {
  const session = new Session();
  session.connect();
  try {
    post(session, 'Profiler.enable');
    post(session, 'Profiler.setSamplingInterval', { interval: 100 });
    post(session, 'Profiler.start');
    const result = f();
    return { result, profile: post<{ profile: CpuProfile }>(session, 'Profiler.stop').profile };
  } finally {
    session.disconnect();
  }
}

const REPO = path.resolve(__dirname, '..');
const BENCH = `${path.join(REPO, 'bench')}${path.sep}`;

/** The part a script belongs to, or undefined for a frame without a script of its own (a builtin, Node's own JavaScript, GC, the program itself). */
function partOfUrl(url: string): ProfilePart | undefined {
  if (url === '' || url.startsWith('node:')) return undefined;
  const file = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  if (/[\\/]node_modules[\\/]yaml[\\/]/.test(file)) return 'yaml';
  if (/[\\/]node_modules[\\/](?:cdk8s|constructs)[\\/]/.test(file)) return 'cdk8s';
  if (file.startsWith(BENCH)) return 'workload';
  if (file.startsWith(REPO) && !file.includes(`${path.sep}node_modules${path.sep}`)) return 'package';
  return 'other';
}

/** Attributes each sample to a part: the frame's script, else its nearest caller's (see {@link ProfileSplit}); `cpuMs` is the step's CPU time. */
export function splitProfile(profile: CpuProfile, cpuMs: number, top = 12): ProfileSplit {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // the part and the package function each node's self time counts for
  // (the profiler's own stop, which the last sample may hold, is left out: part undefined)
  const owner = new Map<number, { part: ProfilePart | undefined; fn?: string }>();
  const ownerOf = (id: number): { part: ProfilePart | undefined; fn?: string } => {
    const known = owner.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    let found: { part: ProfilePart | undefined; fn?: string };
    if (functionName === '(garbage collector)') found = { part: 'gc' };
    else if (url === 'node:inspector') found = { part: undefined };
    else {
      const part = partOfUrl(url);
      if (part === 'package') found = { part, fn: `${functionName || '(anonymous)'} ${path.relative(REPO, url.replace(/^file:\/\//, ''))}:${lineNumber + 1}` };
      else if (part !== undefined) found = { part };
      else {
        const up = parent.get(id);
        found = up === undefined ? { part: 'other' } : ownerOf(up);
      }
    }
    owner.set(id, found);
    return found;
  };
  // Shares count samples, not the time between them: a sample after the process waited for a CPU (a loaded
  // machine) carries that wait, and would weigh whatever function happened to run then.
  const counts = Object.fromEntries(PROFILE_PARTS.map((p) => [p, 0])) as Record<ProfilePart, number>;
  const fnCounts = new Map<string, number>();
  let samples = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const o = ownerOf(profile.samples[i]!);
    if (o.part === undefined) continue;
    counts[o.part]++;
    samples++;
    if (o.fn !== undefined) fnCounts.set(o.fn, (fnCounts.get(o.fn) ?? 0) + 1);
  }
  const share = Object.fromEntries(PROFILE_PARTS.map((p) => [p, samples > 0 ? counts[p] / samples : 0])) as Record<ProfilePart, number>;
  const msPerSample = samples > 0 ? cpuMs / samples : 0;
  const topPackage = [...fnCounts].sort((a, b) => b[1] - a[1]).slice(0, top).map(([fn, n]) => ({ fn, ms: n * msPerSample }));
  return { samples, share, topPackage };
}

function main(argv: readonly string[]): void {
  const steps: StepResult[] = [];
  for (const { variant, pods, measure = true, profile = false } of parsePlan(argv[0])) {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const run = profile ? profiled(() => SYNTH[variant](pods)) : { result: SYNTH[variant](pods), profile: undefined };
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const out = run.result;
    // BENCH_PROFILE_DUMP=FILE keeps the whole profile, for Chrome DevTools or speedscope
    if (run.profile && process.env.BENCH_PROFILE_DUMP) fs.writeFileSync(process.env.BENCH_PROFILE_DUMP, JSON.stringify(run.profile));
    if (measure) steps.push({ variant, pods, ms, cpuMs: (used.user + used.system) / 1000, ...out, ...(run.profile ? { profile: splitProfile(run.profile, (used.user + used.system) / 1000, Number(process.env.BENCH_PROFILE_TOP ?? 12)) } : {}) });
  }
  const result: ChildResult = { steps, maxRssKiB: process.resourceUsage().maxRSS };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) main(process.argv.slice(2));
