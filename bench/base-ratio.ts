/**
 * The construct base's cost: the benchmark's workload synthesized with podkit `Pod`s and with raw cdk8s
 * `ApiObject`s (same YAML), each size in cold child processes (bench/synth-child.ts), as `cdk8s synth` runs an
 * app; the variants alternate, the order rotating each round, and each round gives the podkit / raw ratio of
 * CPU time and of peak RSS, and the share `yaml` stringify alone takes of raw's time (the floor every variant
 * pays). `base-ratio.ts [rounds] [pods...]` runs it alone (default 5 rounds, 2,000 and 10,000 pods);
 * `npm run bench` runs it as one of its parts.
 */
import { median, runTs, showSpread, spread, type Spread } from './processes';
import type { ChildResult } from './synth-child';

const ORDER = ['podkit', 'raw', 'yaml'] as const;

function cold(variant: (typeof ORDER)[number], pods: number): { cpuMs: number; rssKiB: number } {
  const r = JSON.parse(runTs('bench/synth-child.ts', [JSON.stringify([{ variant, pods }])], ['--expose-gc'])) as ChildResult;
  return { cpuMs: r.steps[0]!.cpuMs, rssKiB: r.maxRssKiB };
}

export interface BaseRatio {
  readonly pods: number;
  readonly rounds: number;
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
}

export function measureBaseRatio(rounds: number, sizes: readonly number[], log: (line: string) => void = () => {}): BaseRatio[] {
  return sizes.map((pods) => {
    const runs = { podkit: [] as { cpuMs: number; rssKiB: number }[], raw: [] as { cpuMs: number; rssKiB: number }[], yaml: [] as { cpuMs: number; rssKiB: number }[] };
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < ORDER.length; i++) {
        const v = ORDER[(round + i) % ORDER.length]!;
        runs[v].push(cold(v, pods));
      }
      const [p, r, y] = [runs.podkit.at(-1)!, runs.raw.at(-1)!, runs.yaml.at(-1)!];
      log(`  ${pods} pods round ${round + 1}: podkit ${p.cpuMs.toFixed(0)} ms ${(p.rssKiB / 1024).toFixed(0)} MiB, raw ${r.cpuMs.toFixed(0)} ms ${(r.rssKiB / 1024).toFixed(0)} MiB, yaml alone ${y.cpuMs.toFixed(0)} ms`);
    }
    const over = (a: 'podkit' | 'yaml', key: 'cpuMs' | 'rssKiB') => spread(runs[a].map((x, i) => x[key] / runs.raw[i]![key]));
    return {
      pods,
      rounds,
      podkitCpuMs: median(runs.podkit.map((x) => x.cpuMs)),
      rawCpuMs: median(runs.raw.map((x) => x.cpuMs)),
      podkitRssMiB: median(runs.podkit.map((x) => x.rssKiB)) / 1024,
      rawRssMiB: median(runs.raw.map((x) => x.rssKiB)) / 1024,
      cpu: over('podkit', 'cpuMs'),
      rss: over('podkit', 'rssKiB'),
      yamlCpu: over('yaml', 'cpuMs'),
    };
  });
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const rounds = Number(argv[0] ?? 5);
  const sizes = argv.length > 1 ? argv.slice(1).map(Number) : [2_000, 10_000];
  for (const r of measureBaseRatio(rounds, sizes, (l) => process.stderr.write(`${l}\n`))) {
    process.stdout.write(`${r.pods} pods, ${rounds} rounds (min / median / max): CPU podkit/raw ${showSpread(r.cpu, 3)}; peak RSS podkit/raw ${showSpread(r.rss, 3)}; yaml stringify alone / raw ${showSpread(r.yamlCpu, 3)}\n`);
  }
}
