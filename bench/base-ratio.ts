/**
 * The construct base's cost: the benchmark's workload synthesized with podkit `Pod`s and with raw cdk8s
 * `ApiObject`s (same YAML), each size in cold child processes (bench/synth-child.ts), as `cdk8s synth` runs an
 * app; the variants alternate run by run, the order rotating, each `BENCH_SYNTH_REPEATS` times a round (default 3),
 * and each round keeps each variant's least CPU time (see {@link SYNTH_REPEATS}) and gives the podkit / raw ratio of
 * CPU time and of peak RSS, and the share `yaml` stringify alone takes of raw's time (the floor every variant
 * pays). After the rounds, one more cold run of each construct variant under the sampling profiler gives where
 * its time goes: the share of `yaml` (the YAML stringify), cdk8s (with constructs) and this package (see
 * `ProfileSplit` in bench/synth-child.ts); `BENCH_PROFILE=0` skips it. `base-ratio.ts [rounds] [pods...]` runs it
 * alone (default 5 rounds, 2,000 and 10,000 pods) and writes bench/results/base-ratio-<time>.json; `npm run
 * bench` runs it as one of its parts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, REPO, runTs, showSpread, spread, type Spread } from './processes';
import { PROFILE_PARTS, type ChildResult, type ProfileSplit } from './synth-child';

const ORDER = ['podkit', 'raw', 'yaml'] as const;

function child(variant: 'podkit' | 'raw' | 'yaml', pods: number, profile = false): ChildResult {
  return JSON.parse(runTs('bench/synth-child.ts', [JSON.stringify([{ variant, pods, profile }])], ['--expose-gc'])) as ChildResult;
}

interface ColdRun {
  readonly cpuMs: number;
  readonly rssKiB: number;
}

function cold(variant: (typeof ORDER)[number], pods: number): ColdRun {
  const r = child(variant, pods);
  return { cpuMs: r.steps[0]!.cpuMs, rssKiB: r.maxRssKiB };
}

/**
 * Cold processes per variant and round (`BENCH_SYNTH_REPEATS`, default 3); the round's figure of a variant is its
 * least CPU time (and the peak RSS of that run). The work of a run is fixed, so what varies is what the machine
 * adds to it: other load, and the speed a process happens to run at (on this machine one cold process runs at one
 * of two speeds, about 1.4× apart, whatever the variant). The least of a few runs is the run the machine added
 * least to, on both sides of the ratio alike.
 */
export const SYNTH_REPEATS = Math.max(1, Number(process.env.BENCH_SYNTH_REPEATS ?? 3));

/** The run with the least CPU time. */
function least(runs: readonly ColdRun[]): ColdRun {
  return runs.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
}

/** `yaml 41%, cdk8s 17%, package 24%, …`: the parts of a profile split, largest first. */
export function showProfile(p: ProfileSplit): string {
  return [...PROFILE_PARTS]
    .sort((a, b) => p.share[b] - p.share[a])
    .map((part) => `${part} ${(100 * p.share[part]).toFixed(0)}%`)
    .join(', ');
}

export interface BaseRatio {
  readonly pods: number;
  readonly rounds: number;
  /** Cold processes per variant and round, the least CPU time of which is the round's figure. */
  readonly repeats: number;
  /** Medians over the rounds. */
  readonly podkitCpuMs: number;
  readonly rawCpuMs: number;
  readonly podkitRssMiB: number;
  readonly rawRssMiB: number;
  /** Per round, podkit over raw. */
  readonly cpu: Spread;
  readonly rss: Spread;
  /** Per round, `yaml` stringify of the same manifests over raw: the YAML share of the time. */
  readonly yamlCpu: Spread;
  /**
   * Where the time of one more cold run of each variant goes (sampled, self time by script): `podkit.share.yaml`,
   * `.cdk8s`, `.package` … (0 to 1; see `ProfileSplit`), and the package's functions with the most time. Absent
   * with `BENCH_PROFILE=0`.
   */
  readonly profile?: { readonly podkit: ProfileSplit; readonly raw: ProfileSplit };
}

export function measureBaseRatio(rounds: number, sizes: readonly number[], log: (line: string) => void = () => {}, repeats = SYNTH_REPEATS): BaseRatio[] {
  return sizes.map((pods) => {
    const runs = { podkit: [] as ColdRun[], raw: [] as ColdRun[], yaml: [] as ColdRun[] };
    for (let round = 0; round < rounds; round++) {
      const all = { podkit: [] as ColdRun[], raw: [] as ColdRun[], yaml: [] as ColdRun[] };
      // the variants alternate run by run, the order rotating, so each variant's runs spread over the round
      for (let k = 0; k < repeats; k++) {
        for (let i = 0; i < ORDER.length; i++) {
          const v = ORDER[(round + k + i) % ORDER.length]!;
          all[v].push(cold(v, pods));
        }
      }
      for (const v of ORDER) runs[v].push(least(all[v]));
      const cpus = (v: (typeof ORDER)[number]) => all[v].map((x) => x.cpuMs.toFixed(0)).join('/');
      const [p, r, y] = [runs.podkit.at(-1)!, runs.raw.at(-1)!, runs.yaml.at(-1)!];
      log(`  ${pods} pods round ${round + 1}: podkit ${p.cpuMs.toFixed(0)} ms (of ${cpus('podkit')}) ${(p.rssKiB / 1024).toFixed(0)} MiB, raw ${r.cpuMs.toFixed(0)} ms (of ${cpus('raw')}) ${(r.rssKiB / 1024).toFixed(0)} MiB, yaml alone ${y.cpuMs.toFixed(0)} ms (of ${cpus('yaml')})`);
    }
    const over = (a: 'podkit' | 'yaml', key: 'cpuMs' | 'rssKiB') => spread(runs[a].map((x, i) => x[key] / runs.raw[i]![key]));
    let profile: BaseRatio['profile'];
    if (process.env.BENCH_PROFILE !== '0') {
      const [podkit, raw] = (['podkit', 'raw'] as const).map((v) => child(v, pods, true).steps[0]!.profile!) as [ProfileSplit, ProfileSplit];
      profile = { podkit, raw };
      log(`  ${pods} pods profile (self time by script, builtins counted for their caller): podkit ${showProfile(podkit)}; raw ${showProfile(raw)}`);
    }
    return {
      pods,
      rounds,
      repeats,
      podkitCpuMs: median(runs.podkit.map((x) => x.cpuMs)),
      rawCpuMs: median(runs.raw.map((x) => x.cpuMs)),
      podkitRssMiB: median(runs.podkit.map((x) => x.rssKiB)) / 1024,
      rawRssMiB: median(runs.raw.map((x) => x.rssKiB)) / 1024,
      cpu: over('podkit', 'cpuMs'),
      rss: over('podkit', 'rssKiB'),
      yamlCpu: over('yaml', 'cpuMs'),
      ...(profile ? { profile } : {}),
    };
  });
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const rounds = Number(argv[0] ?? 5);
  const sizes = argv.length > 1 ? argv.slice(1).map(Number) : [2_000, 10_000];
  const loadAtStart = os.loadavg();
  const results = measureBaseRatio(rounds, sizes, (l) => process.stderr.write(`${l}\n`));
  const loadAtEnd = os.loadavg();
  for (const r of results) {
    process.stdout.write(`${r.pods} pods, ${rounds} rounds of ${r.repeats} cold runs per variant (min / median / max): CPU podkit/raw ${showSpread(r.cpu, 3)}; peak RSS podkit/raw ${showSpread(r.rss, 3)}; yaml stringify alone / raw ${showSpread(r.yamlCpu, 3)}\n`);
    if (r.profile) process.stdout.write(`  where podkit's time goes: ${showProfile(r.profile.podkit)} (raw: ${showProfile(r.profile.raw)})\n`);
  }
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  process.stdout.write(`load average ${load(loadAtStart)} → ${load(loadAtEnd)}\n`);
  const date = new Date().toISOString();
  const dir = path.join(REPO, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `base-ratio-${date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ date, node: process.version, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadAtEnd, rounds, base: results }, null, 2)}\n`);
  process.stdout.write(`results: ${path.relative(REPO, file)}\n`);
}
