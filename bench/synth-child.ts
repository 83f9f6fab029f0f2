/**
 * Measurements in a fresh process: `synth-child.ts '<plan JSON>'`, where the plan is a list of steps
 * `{ variant, pods, measure }`. Steps run in order; a step with `measure: false` is a warm-up (its app is
 * built and thrown away so the measured steps run steady-state code rather than JIT warm-up). Prints one
 * JSON line: per measured step the CPU and wall time of build + synth and the output size, and the peak
 * RSS of the whole process.
 *
 * A plan of one measured step is a cold run, as `cdk8s synth` is; a plan alternating variants measures
 * them paired, so that a change in the machine's load hits both alike.
 */
import { performance } from 'node:perf_hooks';
import { SYNTH, VARIANTS, type Variant } from './variants';

/** One step of a plan. */
export interface Step {
  readonly variant: Variant;
  readonly pods: number;
  /** @default true */
  readonly measure?: boolean;
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

function main(argv: readonly string[]): void {
  const steps: StepResult[] = [];
  for (const { variant, pods, measure = true } of parsePlan(argv[0])) {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const out = SYNTH[variant](pods);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (measure) steps.push({ variant, pods, ms, cpuMs: (used.user + used.system) / 1000, ...out });
  }
  const result: ChildResult = { steps, maxRssKiB: process.resourceUsage().maxRSS };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2));
