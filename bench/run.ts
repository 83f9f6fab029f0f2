/**
 * `npm run bench`: every comparison as ratios within one run on one machine, per round, summarized as
 * min / median / max over BENCH_ROUNDS rounds (default 5, at least 5 for the published figures); every
 * synth figure from cold processes, as `cdk8s synth` runs an app, and the same runner on both sides of a
 * comparison. Its parts:
 *
 * 1. a user's app against its twins (bench/twins.ts): the same manifests written with this package (from the
 *    packed tarball), with cdk8s-plus-28 and with raw `ApiObject`s: cold `cdk8s synth` the cdk8s default way,
 *    `tsc` and `tsgo` type checks, module load;
 * 2. the fast path (bench/fast-path.ts): cold `npx cdk8s synth` of the README's quick start with each
 *    runner a user could put in cdk8s.yaml, over the CLI with an empty app;
 * 3. the construct base (bench/base-ratio.ts): podkit `Pod`s over raw `ApiObject`s, 2,000 and 10,000 pods,
 *    CPU and peak RSS (each round the least CPU of BENCH_SYNTH_REPEATS cold runs per variant, default 3), and the
 *    share `yaml` stringify takes;
 * 4. lint (bench/lint.ts): `podkit lint` over kubectl on the same multi-document files, documents/s and
 *    peak RSS (BENCH_LINT_SIZES, default 2,000 and 20,000 documents, each round the least CPU of
 *    BENCH_LINT_REPEATS runs per side, default 3; and a file of BENCH_LINT_MB MB, default 100, over
 *    BENCH_LINT_MB_ROUNDS rounds, default 3, one run per side: each of its rounds takes about a minute), with the floor
 *    of the RSS figures (a Node running nothing, podkit started with nothing to read);
 * 5. the examples' type instantiation count, recorded in bench/baseline.json (bench/typecheck-baseline.test.ts
 *    fails when it grows more than 20%).
 *
 * Every figure is printed with the 1-minute load average at the start and the end of its part (the machine is
 * shared). Prints the tables and writes bench/results/bench-<time>.json, latest.json and latest.md (git-ignored).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { measureBaseRatio, showProfile, SYNTH_REPEATS, type BaseRatio } from './base-ratio';
import { fastPathRows, measureFastPath } from './fast-path';
import { LINT_TARGETS, lintTable, measureLint, measureLintFloor } from './lint';
import { REPO, showSpread, type Spread } from './processes';
import { CHECK_REPEATS, measureTwins, twinsTables } from './twins';
import { exceedsBaseline, typecheck, type Baseline } from './typecheck';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SYNTH_SIZES = (process.env.BENCH_SYNTH_SIZES ?? '2000,10000').split(',').map(Number);
const LINT_SIZES = (process.env.BENCH_LINT_SIZES ?? '2000,20000').split(',').map(Number);
const LINT_MB = Number(process.env.BENCH_LINT_MB ?? 100);
const LINT_MB_ROUNDS = Number(process.env.BENCH_LINT_MB_ROUNDS ?? 3);
const RESULTS = path.join(REPO, 'bench', 'results');
const BASELINE = path.join(REPO, 'bench', 'baseline.json');

const TARGETS = {
  twinsSynthOverPlus: 0.9,
  twinsCheckOverPlus: 1.0,
  twinsLoadOverCdk8s: 1.1,
  fastPathOverFloor: 1.15,
  synthCpuOverRaw: 1.25,
  synthRssOverRaw: 1.2,
  ...LINT_TARGETS,
};

function log(line: string): void {
  process.stderr.write(`${line}\n`);
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

const verdict = (value: number, target: number): string => (value <= target ? 'met' : 'MISSED');
const loadAverage = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');

/** The 1-minute load average at the start and the end of a part, shown next to each of its figures. */
interface Loaded<T> {
  readonly value: T;
  readonly load: string;
}

function withLoad<T>(part: () => T): Loaded<T> {
  const start = os.loadavg()[0]!;
  const value = part();
  return { value, load: `${start.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}` };
}

/**
 * The profile split of the construct base (one more profiled cold run per variant, bench/base-ratio.ts's
 * `profile`): podkit's shares of YAML stringify, cdk8s, this package and the rest; absent (BENCH_PROFILE=0), the
 * column says so.
 */
function profileSplit(b: BaseRatio): string {
  return b.profile ? showProfile(b.profile.podkit) : 'not measured';
}

function main(): void {
  const started = Date.now();
  const host = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  const loadAtStart = loadAverage();
  log(`bench: ${ROUNDS} rounds, on ${host.cpus} CPUs / ${host.memoryGiB} GiB, Node ${host.node}, load average ${loadAtStart}`);
  log("a user's app against its twins (the packed package, cdk8s-plus-28, raw ApiObjects):");
  const twins = withLoad(() => measureTwins(ROUNDS, log));
  log('fast path (cold npx cdk8s synth of the README quick start, per runner, over the CLI with an empty app):');
  const fastPath = withLoad(() => measureFastPath(ROUNDS, log));
  log('construct base (cold, podkit / raw ApiObject):');
  const base = withLoad(() => measureBaseRatio(ROUNDS, SYNTH_SIZES, log));
  log('lint (podkit lint / kubectl, cold):');
  const lint = withLoad(() => ({ rows: measureLint(LINT_SIZES, ROUNDS, LINT_MB, LINT_MB_ROUNDS), floor: measureLintFloor(ROUNDS) }));
  log('type instantiations of the examples:');
  const instantiations = typecheck(path.join(REPO, 'bench', 'tsconfig.examples.json')).instantiations;
  const baseline = recordBaseline(instantiations);
  const loadAtEnd = loadAverage();

  const fast = fastPath.value.overFloor['node -r cdk8s-podkit/register (esbuild)'];
  const fastCold = fastPath.value.overFloor['node -r cdk8s-podkit/register (esbuild, cold transform cache)'];
  // CPU on the largest file of a document count (20,000 by default), peak RSS on the file of LINT_MB MB
  const lintDocs = lint.value.rows.slice(0, LINT_SIZES.length);
  const lintCpu = lintDocs.reduce((a, b) => (b.documents > a.documents ? b : a));
  const lintRss = lint.value.rows[lint.value.rows.length - 1]!;
  const t = twins.value.ratios;
  type Row = [measure: string, spread: string, target: string, verdict: string, load: string];
  const row = (measure: string, s: Spread, target: number, load: string): Row => [measure, showSpread(s), `≤ ${target}`, verdict(s.median, target), load];
  const summary: Row[] = [
    row("cold `cdk8s synth` of a user's app the cdk8s default way (`npx ts-node main.ts`), podkit / cdk8s-plus-28 twin (CPU)", t.synthCpu.podkitOverPlus, TARGETS.twinsSynthOverPlus, twins.load),
    ...(['tsc', 'tsgo'] as const).flatMap((c) => {
      const r = t.check[c];
      return r ? [row(`type check of the same app, \`${c} --noEmit\`, podkit / cdk8s-plus-28 twin (CPU${CHECK_REPEATS > 1 ? `, least of ${CHECK_REPEATS} runs per twin and round` : ''})`, r.cpu.podkitOverPlus, TARGETS.twinsCheckOverPlus, twins.load)] : [];
    }),
    row("module load, `require('cdk8s-podkit')` / `require('cdk8s')` in a cold Node (CPU)", t.load.podkitOverCdk8s.cpu, TARGETS.twinsLoadOverCdk8s, twins.load),
    row('cold `cdk8s synth` of the quick start, `node -r cdk8s-podkit/register` / the CLI with an empty app, a re-synth (transform cache filled; wall)', fast.wall, TARGETS.fastPathOverFloor, fastPath.load),
    row('the same, first synth (transform cache emptied before each run; wall)', fastCold.wall, TARGETS.fastPathOverFloor, fastPath.load),
    ...base.value.flatMap((b): Row[] => [
      row(`synth of ${b.pods.toLocaleString('en')} pods, cold, podkit / raw \`ApiObject\` (CPU)`, b.cpu, TARGETS.synthCpuOverRaw, base.load),
      row(`peak RSS of ${b.pods.toLocaleString('en')} pods, podkit / raw`, b.rss, TARGETS.synthRssOverRaw, base.load),
    ]),
    row(`\`podkit lint\` of ${lintCpu.documents.toLocaleString('en')} documents / kubectl (CPU${lintCpu.repeats > 1 ? `, least of ${lintCpu.repeats} runs per side and round` : ''})`, lintCpu.cpuOverKubectl, TARGETS.timeOverKubectl, lint.load),
    row(`\`podkit lint\` of ${lintRss.documents.toLocaleString('en')} documents (${LINT_MB} MB) / kubectl (CPU)${LINT_MB_ROUNDS === ROUNDS ? '' : `, ${LINT_MB_ROUNDS} rounds`}`, lintRss.cpuOverKubectl, TARGETS.timeOverKubectl, lint.load),
    row(`\`podkit lint\` peak RSS / input size (${LINT_MB} MB file, ${lintRss.inputMiB.toFixed(1)} MiB${LINT_MB_ROUNDS === ROUNDS ? '' : `, ${LINT_MB_ROUNDS} rounds`})`, lintRss.rssOverInput, TARGETS.rssOverInput, lint.load),
  ];
  const date = new Date().toISOString();
  const md = [
    `Measured ${date.slice(0, 16).replace('T', ' ')} UTC on ${host.cpus} × ${host.cpuModel}, ${host.memoryGiB} GiB, Node ${host.node}, load average ${loadAtStart} → ${loadAtEnd} (a shared machine: other work ran alongside; each figure is a per-round ratio, min / median / max over ${ROUNDS} rounds).`,
    '',
    '| measure | min / median / max | target | | load average (1 min) |',
    '| --- | ---: | ---: | --- | ---: |',
    ...summary.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    `A user's app against its twins (load average ${twins.load}; ${Object.entries(twins.value.versions).map(([p, v]) => `${p} ${v}`).join(', ')}):`,
    '',
    twinsTables(twins.value),
    '',
    `Fast path (load average ${fastPath.load}), per \`app:\` in cdk8s.yaml, cold \`npx cdk8s synth\` of the quick start over the same with an empty app:`,
    '',
    '| `app:` | wall / floor | CPU / floor |',
    '| --- | ---: | ---: |',
    ...fastPathRows(fastPath.value),
    '',
    `Construct base, cold, per size (load average ${base.load}; each round runs every variant ${base.value[0]?.repeats ?? SYNTH_REPEATS} times, alternating, and keeps each one's least CPU time):`,
    '',
    '| pods | podkit CPU ms | raw CPU ms | CPU podkit / raw | podkit peak RSS MiB | raw peak RSS MiB | RSS podkit / raw | `yaml` stringify alone / raw (CPU) | profile split of podkit\'s synth |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...base.value.map((b) => `| ${b.pods} | ${b.podkitCpuMs.toFixed(0)} | ${b.rawCpuMs.toFixed(0)} | ${showSpread(b.cpu)} | ${b.podkitRssMiB.toFixed(0)} | ${b.rawRssMiB.toFixed(0)} | ${showSpread(b.rss)} | ${showSpread(b.yamlCpu)} | ${profileSplit(b)} |`),
    '',
    `Lint, cold, podkit lint and kubectl alternating on the same file (load average ${lint.load}):`,
    '',
    lintTable(lint.value.rows, lint.value.floor),
    '',
    `Type instantiations of the examples: ${instantiations} (baseline ${baseline}).`,
  ].join('\n');

  const results = { date, machine: { ...host, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadAtEnd }, rounds: ROUNDS, targets: TARGETS, twins, fastPath, base, lint, instantiations, baseline, durationS: (Date.now() - started) / 1000 };
  fs.mkdirSync(RESULTS, { recursive: true });
  const stamp = date.replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(RESULTS, `bench-${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), `${md}\n`);
  process.stdout.write(`\n${md}\n\nresults: bench/results/bench-${stamp}.json (and latest.json, latest.md); ${results.durationS.toFixed(0)} s\n`);
}

main();
