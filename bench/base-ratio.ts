/**
 * A focused measure of the construct base's cost: `base-ratio.ts [rounds] [pods...]` synthesizes the
 * benchmark's workload with podkit `Pod`s and with raw cdk8s `ApiObject`s, each size in cold child processes
 * (bench/synth-child.ts), the two variants alternating, and prints per size the podkit / raw ratio of CPU time
 * and of peak RSS (min / median / max over the rounds). Cheaper than `npm run bench`, for a busy machine.
 */
import { median, runTs } from './processes';
import type { ChildResult } from './synth-child';

function cold(variant: 'podkit' | 'raw', pods: number): { cpuMs: number; rssKiB: number } {
  const r = JSON.parse(runTs('bench/synth-child.ts', [JSON.stringify([{ variant, pods }])], ['--expose-gc'])) as ChildResult;
  return { cpuMs: r.steps[0]!.cpuMs, rssKiB: r.maxRssKiB };
}

function summary(values: readonly number[]): string {
  return `min ${Math.min(...values).toFixed(3)} median ${median(values).toFixed(3)} max ${Math.max(...values).toFixed(3)}`;
}

function main(argv: readonly string[]): void {
  const rounds = Number(argv[0] ?? 5);
  const sizes = argv.length > 1 ? argv.slice(1).map(Number) : [2_000, 10_000];
  for (const pods of sizes) {
    const cpu: number[] = [];
    const rss: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // alternate which variant goes first, so a change in load hits both alike
      const [a, b] = round % 2 === 0 ? (['podkit', 'raw'] as const) : (['raw', 'podkit'] as const);
      const first = cold(a, pods);
      const second = cold(b, pods);
      const podkit = a === 'podkit' ? first : second;
      const raw = a === 'podkit' ? second : first;
      cpu.push(podkit.cpuMs / raw.cpuMs);
      rss.push(podkit.rssKiB / raw.rssKiB);
      process.stderr.write(`${pods} pods round ${round + 1}: podkit ${podkit.cpuMs.toFixed(0)} ms ${(podkit.rssKiB / 1024).toFixed(0)} MiB, raw ${raw.cpuMs.toFixed(0)} ms ${(raw.rssKiB / 1024).toFixed(0)} MiB\n`);
    }
    process.stdout.write(`${pods} pods, ${rounds} rounds: CPU podkit/raw ${summary(cpu)}; peak RSS podkit/raw ${summary(rss)}\n`);
  }
}

main(process.argv.slice(2));
