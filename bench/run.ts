/**
 * `npm run bench`: synth throughput, memory, scaling, cold `cdk8s synth` and type-check cost, measured as
 * ratios within one run on one machine. Prints a table and writes bench/results/<time>.json (and
 * latest.json, latest.md); records the examples' type instantiation count in bench/baseline.json.
 *
 * Times are CPU time (user + system) of the measured process, with wall time alongside: the machine may
 * be shared, and CPU time moves less with other load. Throughput is measured two ways: each variant's
 * 10,000-pod app cold in its own process (BENCH_ROUNDS rounds, default 2, variants interleaved; this run
 * also gives peak RSS), and podkit / raw / plus alternating in one warm process (BENCH_PAIRED_REPS
 * repetitions, default 4, order rotating), whose per-repetition ratios cancel most load changes. Cold
 * `cdk8s synth` is the median of BENCH_COLD_ROUNDS (default 3).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { coldSynth, makePlusProject } from './cold-synth';
import { writeImportsFixture, writePlainFixture } from './fixtures';
import { REPO, median, runTs } from './processes';
import type { ChildResult, Step, StepResult } from './synth-child';
import { exceedsBaseline, typecheck, writeConsumerProject, type Baseline, type TypecheckDiagnostics } from './typecheck';
import { VARIANTS, type Variant } from './variants';

const PODS = 10_000;
const SCALING_SIZES = [1_000, 5_000, 10_000] as const;
const SCALING_VARIANTS = ['podkit', 'raw'] as const;
const PAIRED_VARIANTS = ['podkit', 'raw', 'plus'] as const;
const PAIRED_PODS = 2_000;
const WARMUP = 1_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PAIRED_REPS = Number(process.env.BENCH_PAIRED_REPS ?? 4);
const COLD_ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 3);
const TSC_ROUNDS = Number(process.env.BENCH_TSC_ROUNDS ?? 3);
const RESULTS = path.join(REPO, 'bench', 'results');
const BASELINE = path.join(REPO, 'bench', 'baseline.json');

const TARGETS = {
  synthOverRaw: 1.25,
  memoryOverRaw: 1.2,
  coldSynthOverPlus: 0.35,
  typecheckOverPlain: 1.3,
};

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function child(plan: readonly Step[]): ChildResult {
  return JSON.parse(runTs('bench/synth-child.ts', [JSON.stringify(plan)], ['--expose-gc'])) as ChildResult;
}

interface SynthFigures {
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly maxRssMiB: number;
  readonly bytes: number;
  readonly documents: number;
}

/** Each variant's 10,000-pod app, cold, in its own process: time, peak RSS and output size. */
function measureCold10k(): Record<Variant, SynthFigures> {
  const runs = Object.fromEntries(VARIANTS.map((v) => [v, [] as { step: StepResult; rss: number }[]])) as Record<Variant, { step: StepResult; rss: number }[]>;
  for (let round = 0; round < ROUNDS; round++) {
    for (const v of VARIANTS) {
      const r = child([{ variant: v, pods: PODS }]);
      const step = r.steps[0]!;
      runs[v].push({ step, rss: r.maxRssKiB });
      log(`  ${v} ${PODS} cold: cpu ${step.cpuMs.toFixed(0)} ms, wall ${step.ms.toFixed(0)} ms, peak RSS ${(r.maxRssKiB / 1024).toFixed(0)} MiB`);
    }
  }
  return Object.fromEntries(
    VARIANTS.map((v) => [
      v,
      {
        cpuMs: median(runs[v].map((r) => r.step.cpuMs)),
        wallMs: median(runs[v].map((r) => r.step.ms)),
        maxRssMiB: median(runs[v].map((r) => r.rss)) / 1024,
        bytes: runs[v][0]!.step.bytes,
        documents: runs[v][0]!.step.documents,
      },
    ]),
  ) as Record<Variant, SynthFigures>;
}

/** podkit, raw and plus alternating in one warm process, the order rotating each repetition: per-repetition ratios. */
function measurePaired(): { podkitOverRaw: number[]; podkitOverPlus: number[]; cpuMs: Record<string, number[]> } {
  const plan: Step[] = PAIRED_VARIANTS.map((variant) => ({ variant, pods: WARMUP, measure: false }));
  for (let rep = 0; rep < PAIRED_REPS; rep++) {
    for (let i = 0; i < PAIRED_VARIANTS.length; i++) plan.push({ variant: PAIRED_VARIANTS[(rep + i) % PAIRED_VARIANTS.length]!, pods: PAIRED_PODS });
  }
  const steps = child(plan).steps;
  const cpuMs = Object.fromEntries(PAIRED_VARIANTS.map((v) => [v, steps.filter((s) => s.variant === v).map((s) => s.cpuMs)]));
  const per = (a: string, b: string): number[] => cpuMs[a]!.map((x, i) => x / cpuMs[b]![i]!);
  const result = { podkitOverRaw: per('podkit', 'raw'), podkitOverPlus: per('podkit', 'plus'), cpuMs };
  log(`  paired ${PAIRED_PODS} pods × ${PAIRED_REPS}: podkit/raw ${result.podkitOverRaw.map((x) => x.toFixed(2)).join(' ')}; podkit/plus ${result.podkitOverPlus.map((x) => x.toFixed(2)).join(' ')}`);
  return result;
}

interface ScalingRow {
  readonly variant: (typeof SCALING_VARIANTS)[number];
  readonly pods: number;
  readonly cpuMs: number;
  readonly perPodUs: number;
}

/** Per variant, one warm process synthesizing 1k, 5k and 10k pods (1,000 pods per chart, so charts grow too). */
function measureScaling(): { rows: ScalingRow[]; growth: Record<string, number> } {
  const rows: ScalingRow[] = [];
  for (const variant of SCALING_VARIANTS) {
    const steps = child([{ variant, pods: WARMUP, measure: false }, ...SCALING_SIZES.map((pods) => ({ variant, pods }))]).steps;
    for (const s of steps) rows.push({ variant, pods: s.pods, cpuMs: s.cpuMs, perPodUs: (s.cpuMs * 1000) / s.pods });
    log(`  scaling ${variant}: ${steps.map((s) => `${s.pods} pods ${((s.cpuMs * 1000) / s.pods).toFixed(0)} µs/pod`).join(', ')}`);
  }
  const perPod = (v: string, n: number): number => rows.find((r) => r.variant === v && r.pods === n)!.perPodUs;
  const first = SCALING_SIZES[0];
  const last = SCALING_SIZES[SCALING_SIZES.length - 1]!;
  return { rows, growth: Object.fromEntries(SCALING_VARIANTS.map((v) => [v, perPod(v, last) / perPod(v, first)])) };
}

interface ColdFigures {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly files: number;
}

/** An app that only creates the output folder cdk8s expects: what the CLI costs before any app does anything. */
const EMPTY_APP = `node -e "require('fs').mkdirSync(process.env.CDK8S_OUTDIR, { recursive: true })"`;

function measureColdSynth(): { examples: ColdFigures; plus: ColdFigures; cliAlone: ColdFigures } {
  const plusDir = makePlusProject();
  try {
    const ex: ColdFigures[] = [];
    const pl: ColdFigures[] = [];
    const cli: ColdFigures[] = [];
    const show = (f: ColdFigures): string => `${f.wallMs.toFixed(0)} ms wall / ${f.cpuMs.toFixed(0)} ms cpu`;
    for (let round = 0; round < COLD_ROUNDS; round++) {
      ex.push(coldSynth(REPO));
      pl.push(coldSynth(plusDir));
      cli.push(coldSynth(plusDir, EMPTY_APP));
      log(`  cold synth round ${round + 1}: examples ${show(ex.at(-1)!)}, plus ${show(pl.at(-1)!)}, the CLI with an empty app ${show(cli.at(-1)!)}`);
    }
    const fold = (xs: ColdFigures[]): ColdFigures => ({ wallMs: median(xs.map((x) => x.wallMs)), cpuMs: median(xs.map((x) => x.cpuMs)), files: xs[0]!.files });
    return { examples: fold(ex), plus: fold(pl), cliAlone: fold(cli) };
  } finally {
    fs.rmSync(plusDir, { recursive: true, force: true });
  }
}

function measureTypecheck(): {
  examples: TypecheckDiagnostics;
  plain: TypecheckDiagnostics;
  library: TypecheckDiagnostics;
  consumer: TypecheckDiagnostics;
  consumerUntyped: TypecheckDiagnostics;
  plainObjects: number;
} {
  const plainObjects = writePlainFixture();
  writeImportsFixture();
  const consumerProject = writeConsumerProject(REPO);
  const untypedProject = writeConsumerProject(REPO, { untypedProps: true });
  // Counts are exact; check times are wall clock inside tsc, so each project runs TSC_ROUNDS times (interleaved) for a median.
  const projects = ['examples', 'plain', 'library', 'consumer', 'consumerUntyped'] as const;
  const projectFile = (p: (typeof projects)[number]) =>
    p === 'consumer' ? consumerProject : p === 'consumerUntyped' ? untypedProject : path.join(REPO, 'bench', `tsconfig.${p}.json`);
  const runs = Object.fromEntries(projects.map((p) => [p, [] as TypecheckDiagnostics[]])) as Record<(typeof projects)[number], TypecheckDiagnostics[]>;
  try {
    for (let round = 0; round < TSC_ROUNDS; round++) {
      for (const p of projects) runs[p].push(typecheck(projectFile(p)));
    }
  } finally {
    fs.rmSync(path.dirname(consumerProject), { recursive: true, force: true });
    fs.rmSync(path.dirname(untypedProject), { recursive: true, force: true });
  }
  const fold = (xs: TypecheckDiagnostics[]): TypecheckDiagnostics => ({ ...xs[0]!, checkTime: median(xs.map((x) => x.checkTime)), totalTime: median(xs.map((x) => x.totalTime)) });
  const [examples, plain, library, consumer, consumerUntyped] = [fold(runs.examples), fold(runs.plain), fold(runs.library), fold(runs.consumer), fold(runs.consumerUntyped)];
  log(`  tsc examples against the published declarations: ${consumer.instantiations} instantiations, check ${consumer.checkTime} s, total ${consumer.totalTime} s`);
  log(`  the same with every construct's props typed any: ${consumerUntyped.instantiations} instantiations, check ${consumerUntyped.checkTime} s, total ${consumerUntyped.totalTime} s`);
  log(`  tsc examples: ${examples.instantiations} instantiations, check ${examples.checkTime} s; plain ApiObject fixture (${plainObjects} objects): ${plain.instantiations} instantiations, check ${plain.checkTime} s`);
  log(`  tsc of only the library modules the examples import: ${library.instantiations} instantiations, check ${library.checkTime} s`);
  return { examples, plain, library, consumer, consumerUntyped, plainObjects };
}

/**
 * The baseline only moves down by itself (a saving is kept, so growth is measured from the lowest count); a
 * growth, even within the tolerance, is recorded only when accepted with BENCH_UPDATE_BASELINE=1 (otherwise
 * runs could ratchet it up 20% at a time).
 */
function recordBaseline(instantiations: number): string {
  const previous = fs.existsSync(BASELINE) ? (JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Baseline) : undefined;
  if (previous && instantiations > previous.examplesInstantiations && process.env.BENCH_UPDATE_BASELINE !== '1') {
    const over = exceedsBaseline(instantiations, previous.examplesInstantiations) ? 'more than 20% over' : 'within 20% of';
    return `NOT updated: ${instantiations} instantiations is ${over} the baseline ${previous.examplesInstantiations} (set BENCH_UPDATE_BASELINE=1 to accept)`;
  }
  if (previous?.examplesInstantiations === instantiations) return `unchanged: ${instantiations}`;
  const typescript = (require('typescript/package.json') as { version: string }).version;
  const baseline: Baseline = { examplesInstantiations: instantiations, recordedAt: new Date().toISOString(), typescript };
  fs.writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
  return `recorded ${instantiations} (was ${previous?.examplesInstantiations ?? 'none'})`;
}

const ratio = (a: number, b: number): number => a / b;

const fmt = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const verdict = (value: number, target: number, lowerIsBetter = true): string => (!Number.isFinite(value) ? 'n/a' : (lowerIsBetter ? value <= target : value >= target) ? 'met' : 'MISSED');

function machine(): Record<string, string | number> {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)),
  };
}

function main(): void {
  const started = Date.now();
  const host = machine();
  log(`bench: ${PODS} pods, ${ROUNDS} round(s), on ${host.cpus} CPUs / ${host.memoryGiB} GiB, Node ${host.node}, load ${host.loadAverage1m}`);
  log('synth throughput and memory, cold (each variant in its own process):');
  const synth = measureCold10k();
  log('synth throughput, paired (one warm process, variants alternating):');
  const paired = measurePaired();
  log('scaling (warm: each process first synthesizes 1,000 pods):');
  const scaling = measureScaling();
  log('cold cdk8s synth:');
  const cold = measureColdSynth();
  log('type check:');
  const tc = measureTypecheck();
  const baseline = recordBaseline(tc.examples.instantiations);

  const raw = synth.raw;
  const plus = synth.plus;
  const podkit = synth.podkit;
  const results = {
    date: new Date().toISOString(),
    machine: { ...host, loadAverage1mAtEnd: Number(os.loadavg()[0]!.toFixed(2)) },
    rounds: ROUNDS,
    pods: PODS,
    synth,
    paired,
    ratios: {
      synthPairedPodkitOverRaw: median(paired.podkitOverRaw),
      synthPairedPodkitOverPlus: median(paired.podkitOverPlus),
      synthColdCpuPodkitOverRaw: ratio(podkit.cpuMs, raw.cpuMs),
      synthColdWallPodkitOverRaw: ratio(podkit.wallMs, raw.wallMs),
      synthColdCpuPodkitOverPlus: ratio(podkit.cpuMs, plus.cpuMs),
      memoryPodkitOverRaw: ratio(podkit.maxRssMiB, raw.maxRssMiB),
      coldSynthWallExamplesOverPlus: ratio(cold.examples.wallMs, cold.plus.wallMs),
      coldSynthCpuExamplesOverPlus: ratio(cold.examples.cpuMs, cold.plus.cpuMs),
      /** The floor of the two above: `cdk8s synth` of an app that does nothing. */
      coldSynthWallCliAloneOverPlus: ratio(cold.cliAlone.wallMs, cold.plus.wallMs),
      coldSynthCpuCliAloneOverPlus: ratio(cold.cliAlone.cpuMs, cold.plus.cpuMs),
      typecheckInstantiationsExamplesOverPlain: ratio(tc.examples.instantiations, tc.plain.instantiations),
      typecheckCheckTimeExamplesOverPlain: ratio(tc.examples.checkTime, tc.plain.checkTime),
      /** As a user of the published package pays: the examples against the emitted declarations. */
      typecheckCheckTimeConsumerOverPlain: ratio(tc.consumer.checkTime, tc.plain.checkTime),
      typecheckTotalTimeConsumerOverPlain: ratio(tc.consumer.totalTime, tc.plain.totalTime),
      /** The examples' own code: the same check with every construct's props typed any. */
      typecheckCheckTimeUntypedConsumerOverPlain: ratio(tc.consumerUntyped.checkTime, tc.plain.checkTime),
      /** What the examples' own files add over the library source they import. */
      typecheckCallSiteInstantiations: tc.examples.instantiations - tc.library.instantiations,
      typecheckCallSiteCheckTime: tc.examples.checkTime - tc.library.checkTime,
    },
    scaling,
    coldSynth: cold,
    typecheck: tc,
    baseline,
    targets: TARGETS,
    durationS: (Date.now() - started) / 1000,
  };
  const r = results.ratios;

  const rows: [string, string, string, string][] = [
    [`synth, podkit \`Pod\` / raw \`ApiObject\` (paired, ${PAIRED_PODS} pods × ${PAIRED_REPS}, CPU)`, fmt(r.synthPairedPodkitOverRaw), `≤ ${TARGETS.synthOverRaw}`, verdict(r.synthPairedPodkitOverRaw, TARGETS.synthOverRaw)],
    ['synth 10k pods cold, podkit / raw (CPU)', fmt(r.synthColdCpuPodkitOverRaw), `≤ ${TARGETS.synthOverRaw}`, verdict(r.synthColdCpuPodkitOverRaw, TARGETS.synthOverRaw)],
    [`synth, podkit / cdk8s-plus-28 \`Pod\` (paired, CPU)`, fmt(r.synthPairedPodkitOverPlus), '< 1', verdict(r.synthPairedPodkitOverPlus, 0.9999)],
    ['synth 10k pods cold, podkit / cdk8s-plus-28 (CPU)', fmt(r.synthColdCpuPodkitOverPlus), '< 1', verdict(r.synthColdCpuPodkitOverPlus, 0.9999)],
    ['peak RSS 10k pods, podkit / raw', fmt(r.memoryPodkitOverRaw), `≤ ${TARGETS.memoryOverRaw}`, verdict(r.memoryPodkitOverRaw, TARGETS.memoryOverRaw)],
    ['cold `cdk8s synth`, examples / one-Pod plus app (wall)', fmt(r.coldSynthWallExamplesOverPlus), `≤ ${TARGETS.coldSynthOverPlus}`, verdict(r.coldSynthWallExamplesOverPlus, TARGETS.coldSynthOverPlus)],
    ['cold `cdk8s synth`, examples / one-Pod plus app (CPU)', fmt(r.coldSynthCpuExamplesOverPlus), `≤ ${TARGETS.coldSynthOverPlus}`, verdict(r.coldSynthCpuExamplesOverPlus, TARGETS.coldSynthOverPlus)],
    ['cold `cdk8s synth` of an app that does nothing (the CLI alone) / one-Pod plus app, wall / CPU', `${fmt(r.coldSynthWallCliAloneOverPlus)} / ${fmt(r.coldSynthCpuCliAloneOverPlus)}`, 'floor', 'info'],
    ['tsc check time, examples / plain `ApiObject` fixture', fmt(r.typecheckCheckTimeExamplesOverPlain), `≤ ${TARGETS.typecheckOverPlain}`, verdict(r.typecheckCheckTimeExamplesOverPlain, TARGETS.typecheckOverPlain)],
    ['tsc check time, examples against the published declarations / plain fixture', fmt(r.typecheckCheckTimeConsumerOverPlain), `≤ ${TARGETS.typecheckOverPlain}`, verdict(r.typecheckCheckTimeConsumerOverPlain, TARGETS.typecheckOverPlain)],
    ['tsc total time, examples against the published declarations / plain fixture', fmt(r.typecheckTotalTimeConsumerOverPlain), `≤ ${TARGETS.typecheckOverPlain}`, verdict(r.typecheckTotalTimeConsumerOverPlain, TARGETS.typecheckOverPlain)],
    ['tsc check time, the same with every construct\'s props typed `any` (the examples\' own code) / plain fixture', fmt(r.typecheckCheckTimeUntypedConsumerOverPlain), 'floor', 'info'],
    ['tsc instantiations, examples / plain fixture', `${tc.examples.instantiations} / ${tc.plain.instantiations}`, `≤ ${TARGETS.typecheckOverPlain}`, verdict(r.typecheckInstantiationsExamplesOverPlain, TARGETS.typecheckOverPlain)],
    [`tsc, the examples' own files only (examples − the library modules they import): instantiations / check time`, `${r.typecheckCallSiteInstantiations} (${fmt(r.typecheckCallSiteInstantiations / tc.plainObjects, 1)} per object) / ${r.typecheckCallSiteCheckTime > 0 ? `${fmt(r.typecheckCallSiteCheckTime)} s` : '≈ 0 s (within noise)'}`, `plain: ${tc.plain.instantiations} / ${tc.plain.checkTime} s`, 'info'],
    ...SCALING_VARIANTS.map((v): [string, string, string, string] => [`per-pod time 10k / 1k, ${v}`, fmt(scaling.growth[v]!), '≈ 1 (linear)', scaling.growth[v]! > 1.25 ? 'SUPERLINEAR?' : 'linear']),
  ];
  const variantRows = VARIANTS.map((v) => [v, fmt(synth[v].cpuMs, 0), fmt(synth[v].wallMs, 0), fmt(synth[v].maxRssMiB, 0), fmt(synth[v].bytes / 2 ** 20, 1), fmt(synth[v].cpuMs / raw.cpuMs)]);
  const scalingRows = SCALING_SIZES.map((n) => [String(n), ...SCALING_VARIANTS.map((v) => fmt(scaling.rows.find((x) => x.variant === v && x.pods === n)!.perPodUs, 0))]);

  const md = [
    `Measured ${results.date.slice(0, 16).replace('T', ' ')} UTC on ${host.cpus} × ${host.cpuModel}, ${host.memoryGiB} GiB, Node ${host.node}, load average ${host.loadAverage1m} → ${results.machine.loadAverage1mAtEnd} (shared machine: times are CPU time of the measured process; cold 10k runs ${ROUNDS} round(s), paired runs median of ${PAIRED_REPS}, cold synth median of ${COLD_ROUNDS}, tsc check times median of ${TSC_ROUNDS}).`,
    '',
    '| variant, cold (10,000 pods + 100 ConfigMaps) | CPU ms | wall ms | peak RSS MiB | YAML MiB | CPU / raw |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...variantRows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    '| measure | measured | target | |',
    '| --- | ---: | ---: | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    `| pods | ${SCALING_VARIANTS.map((v) => `${v} µs/pod`).join(' | ')} |`,
    `| ---: | ${SCALING_VARIANTS.map(() => '---:').join(' | ')} |`,
    ...scalingRows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    `Cold synth: examples app as cdk8s.yaml runs it (bin/register.js: esbuild, no type check; ${cold.examples.files} files) ${fmt(cold.examples.wallMs, 0)} ms wall / ${fmt(cold.examples.cpuMs, 0)} ms CPU; one-Pod cdk8s-plus-28 app with type-checking ts-node ${fmt(cold.plus.wallMs, 0)} ms wall / ${fmt(cold.plus.cpuMs, 0)} ms CPU; \`npx cdk8s synth\` of an app that only creates the output folder ${fmt(cold.cliAlone.wallMs, 0)} ms wall / ${fmt(cold.cliAlone.cpuMs, 0)} ms CPU.`,
    `Type check: examples (with the library source they import) ${tc.examples.instantiations} instantiations, ${tc.examples.types} types, check ${tc.examples.checkTime} s, total ${tc.examples.totalTime} s; plain \`ApiObject\` fixture (${tc.plainObjects} objects) ${tc.plain.instantiations} instantiations, ${tc.plain.types} types, check ${tc.plain.checkTime} s, total ${tc.plain.totalTime} s. The library modules the examples import, alone: ${tc.library.instantiations} instantiations, check ${tc.library.checkTime} s. The same examples against the declarations the published package ships (build/*.d.ts), importing the package root: ${tc.consumer.instantiations} instantiations, check ${tc.consumer.checkTime} s, total ${tc.consumer.totalTime} s; with every construct's props typed \`any\` in those declarations: ${tc.consumerUntyped.instantiations} instantiations, check ${tc.consumerUntyped.checkTime} s, total ${tc.consumerUntyped.totalTime} s.`,
  ].join('\n');

  fs.mkdirSync(RESULTS, { recursive: true });
  const stamp = results.date.replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(RESULTS, `bench-${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), `${md}\n`);
  process.stdout.write(`\n${md}\n\nbaseline: ${baseline}\nresults: bench/results/bench-${stamp}.json (and latest.json, latest.md); ${results.durationS.toFixed(0)} s\n`);
}

main();
