/**
 * `npm run bench:lint`: `podkit lint` throughput (documents/s) and peak RSS on large multi-document files,
 * against kubectl decoding the same file offline (`kubectl label --local -f FILE k=v -o name`, KUBECONFIG=/dev/null),
 * each run cold in its own process under GNU time. Files of 1,000, 10,000 and 100,000 documents show whether the
 * cost grows linearly; a 100 MB file is the headline case. Targets: peak RSS at most 4x the input size, time at
 * most 2x kubectl's.
 *
 * Prints a table (and the load average, since the machine may be shared) and writes bench/results/lint-latest.json.
 * BENCH_LINT_ROUNDS (default 5) runs podkit and kubectl that many rounds, alternating, for per-round ratios (min / median / max);
 * in a round each side runs BENCH_LINT_REPEATS times (default 3; BENCH_LINT_MB_REPEATS, default 1, for the file of
 * a given size) and its run of least CPU time counts, as the synth figures do (bench/base-ratio.ts).
 * BENCH_LINT_SIZES (comma-separated document counts) and BENCH_LINT_MB override the sizes.
 *
 * podkit runs as the published package runs it: compiled JavaScript (the sources compiled once, without a type
 * check, into bench/results/lint-build), not the repository's bin/podkit.js, which strips the types of every
 * source file with esbuild at each start; BENCH_LINT_FROM_SOURCE=1 measures that instead.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO, median, showSpread, spread, timed, type Spread } from './processes';

const ROUNDS = Number(process.env.BENCH_LINT_ROUNDS ?? 5);
const SIZES = (process.env.BENCH_LINT_SIZES ?? '1000,10000,100000').split(',').map(Number);
const MB = Number(process.env.BENCH_LINT_MB ?? 100);
export const LINT_TARGETS = { rssOverInput: 4, timeOverKubectl: 2 };
const DIR = path.join(os.tmpdir(), 'podkit-bench-lint');
const RESULTS = path.join(REPO, 'bench', 'results');
const FROM_SOURCE = process.env.BENCH_LINT_FROM_SOURCE === '1';

/** The podkit command measured: the compiled CLI (compiled here once per process), or the repository's bin/podkit.js. */
let podkitCommand: string | undefined;
function podkitCli(): string {
  if (podkitCommand) return podkitCommand;
  if (FROM_SOURCE) return (podkitCommand = path.join(REPO, 'bin', 'podkit.js'));
  const out = path.join(RESULTS, 'lint-build');
  fs.rmSync(out, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', out, '--declaration', 'false', '--noCheck'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`compiling podkit for the lint benchmark failed:\n${r.stdout}${r.stderr}`);
  return (podkitCommand = path.join(out, 'bin', 'podkit.js'));
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Three kinds of document, as a real repository mixes them: a Deployment, its Service and a ConfigMap. */
function documentText(i: number): string {
  switch (i % 3) {
    case 0:
      return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${i}
  namespace: bench
  labels: {app: web-${i}, tier: frontend}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web-${i}}
  template:
    metadata:
      labels: {app: web-${i}, tier: frontend}
    spec:
      containers:
      - name: app
        image: registry.example.com/web:1.${i % 50}.0
        command: ["sh", "-c", "exec /app --port=8080 --name=$(POD_NAME)"]
        env:
        - name: POD_NAME
          valueFrom: {fieldRef: {fieldPath: metadata.name}}
        - name: LEVEL
          valueFrom: {configMapKeyRef: {name: config-${i + 2}, key: level}}
        ports:
        - {name: http, containerPort: 8080, protocol: TCP}
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {cpu: 500m, memory: 256Mi}
        readinessProbe:
          httpGet: {path: /healthz, port: http}
          periodSeconds: 10
        volumeMounts:
        - {name: cache, mountPath: /cache}
      volumes:
      - name: cache
        emptyDir: {sizeLimit: 1Gi}
`;
    case 1:
      return `apiVersion: v1
kind: Service
metadata:
  name: web-${i - 1}
  namespace: bench
spec:
  selector: {app: web-${i - 1}}
  ports:
  - {name: http, port: 80, targetPort: http}
`;
    default:
      return `apiVersion: v1
kind: ConfigMap
metadata:
  name: config-${i}
  namespace: bench
data:
  level: "info"
  greeting: "hello from document ${i}"
  settings.yaml: |
    cache: /cache
    retries: 3
    endpoints: [a.example.com, b.example.com]
`;
  }
}

/** Writes a file of `documents` documents (or of at least `bytes` bytes), streaming; returns its path, size and count. */
export function generate(name: string, limit: { documents?: number; bytes?: number }): { file: string; bytes: number; documents: number } {
  fs.mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, name);
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let documents = 0;
  let chunk = '';
  while ((limit.documents !== undefined && documents < limit.documents) || (limit.bytes !== undefined && bytes + chunk.length < limit.bytes)) {
    chunk += `${documents === 0 ? '' : '---\n'}${documentText(documents)}`;
    documents++;
    if (chunk.length > 1 << 20) {
      bytes += fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  bytes += fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  return { file, bytes, documents };
}

interface Measured {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMiB: number;
}

export interface LintRow {
  readonly name: string;
  readonly documents: number;
  readonly inputMiB: number;
  /** Runs per side and round, of which the one of least CPU time counts. */
  readonly repeats: number;
  /** Medians over the rounds. */
  readonly podkit: Measured;
  readonly kubectl: Measured;
  readonly podkitDocsPerSecond: number;
  readonly kubectlDocsPerSecond: number;
  /** Per round: podkit's peak RSS over the input size, and podkit's time over kubectl's in the same round. */
  readonly rssOverInput: Spread;
  readonly cpuOverKubectl: Spread;
  readonly wallOverKubectl: Spread;
}

/**
 * podkit lint and kubectl on the same file, `rounds` rounds of `repeats` runs per side, the order alternating
 * each pair; each round keeps each side's run of least CPU time.
 */
function run(name: string, input: { file: string; bytes: number; documents: number }, rounds: number, repeats: number): LintRow {
  const env = { ...process.env, KUBECONFIG: '/dev/null' };
  log(`  ${name}: ${input.documents} documents, ${(input.bytes / 2 ** 20).toFixed(1)} MiB`);
  const cli = podkitCli();
  const podkitRun = () => timed(process.execPath, [cli, 'lint', input.file], REPO, env);
  const kubectlRun = () => timed('kubectl', ['label', '--local', '-f', input.file, 'bench=1', '-o', 'name'], REPO, env);
  const p: Measured[] = [];
  const k: Measured[] = [];
  const asMeasured = (t: { wallMs: number; cpuMs: number; maxRssKiB: number }): Measured => ({ wallMs: t.wallMs, cpuMs: t.cpuMs, maxRssMiB: t.maxRssKiB / 1024 });
  // each round keeps each side's run of least CPU time out of `repeats` (alternating): a round then reads what
  // each side costs, not which of the machine's speeds a single run drew
  const least = (xs: Measured[]): Measured => xs.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
  let turn = 0;
  for (let round = 0; round < rounds; round++) {
    const ps: Measured[] = [];
    const ks: Measured[] = [];
    for (let r = 0; r < repeats; r++, turn++) {
      if (turn % 2 === 0) {
        ps.push(asMeasured(podkitRun()));
        ks.push(asMeasured(kubectlRun()));
      } else {
        ks.push(asMeasured(kubectlRun()));
        ps.push(asMeasured(podkitRun()));
      }
    }
    p.push(least(ps));
    k.push(least(ks));
  }
  const med = (xs: Measured[]): Measured => ({ wallMs: median(xs.map((x) => x.wallMs)), cpuMs: median(xs.map((x) => x.cpuMs)), maxRssMiB: median(xs.map((x) => x.maxRssMiB)) });
  const inputMiB = input.bytes / 2 ** 20;
  const podkit = med(p);
  const kubectl = med(k);
  return {
    name,
    documents: input.documents,
    inputMiB,
    repeats,
    podkit,
    kubectl,
    podkitDocsPerSecond: input.documents / (podkit.wallMs / 1000),
    kubectlDocsPerSecond: input.documents / (kubectl.wallMs / 1000),
    rssOverInput: spread(p.map((x) => x.maxRssMiB / inputMiB)),
    cpuOverKubectl: spread(p.map((x, i) => x.cpuMs / k[i]!.cpuMs)),
    wallOverKubectl: spread(p.map((x, i) => x.wallMs / k[i]!.wallMs)),
  };
}

/**
 * Runs per side and round for the files of a given document count (BENCH_LINT_REPEATS, default 3; the least CPU
 * time counts) and for the file of a given size in MB (BENCH_LINT_MB_REPEATS, default 1: each of its runs takes
 * most of a minute).
 */
export const LINT_REPEATS = Number(process.env.BENCH_LINT_REPEATS ?? 3);
export const LINT_MB_REPEATS = Number(process.env.BENCH_LINT_MB_REPEATS ?? 1);

/**
 * Lints generated files of `sizes` documents (and of `mb` MB when given, `mbRounds` rounds) against kubectl,
 * `rounds` rounds each.
 */
export function measureLint(sizes: readonly number[], rounds: number, mb?: number, mbRounds = rounds): LintRow[] {
  const rows: LintRow[] = [];
  for (const documents of sizes) rows.push(run(`${documents} documents`, generate(`docs-${documents}.yaml`, { documents }), rounds, LINT_REPEATS));
  if (mb !== undefined) rows.push(run(`${mb} MB${mbRounds === rounds ? '' : ` (${mbRounds} rounds)`}`, generate(`mb-${mb}.yaml`, { bytes: mb * 1e6 }), mbRounds, LINT_MB_REPEATS));
  return rows;
}

/** The peak RSS (MiB, median over the rounds) of a Node that runs nothing, and of podkit started with nothing to read. */
export interface LintFloor {
  readonly nodeMiB: number;
  readonly podkitMiB: number;
}

/**
 * The floor under every lint figure: `node -e ""`, and `podkit help` (the CLI with its modules loaded, nothing
 * read). A small file's peak RSS over its size is mostly this floor (about 50 MiB against a 9 MiB input).
 */
export function measureLintFloor(rounds: number): LintFloor {
  const cli = podkitCli();
  const rss = (args: readonly string[]) => median(Array.from({ length: rounds }, () => timed(process.execPath, args, REPO).maxRssKiB / 1024));
  return { nodeMiB: rss(['-e', '']), podkitMiB: rss([cli, 'help']) };
}

export function lintTable(rows: readonly LintRow[], floor?: LintFloor): string {
  const dash = (n: number) => Array<string>(n).fill('–');
  return [
    '| input | documents | MiB | podkit docs/s | kubectl docs/s | podkit / kubectl CPU (min / median / max) | wall | podkit peak RSS MiB | / input | kubectl peak RSS MiB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) =>
      `| ${[r.repeats > 1 ? `${r.name}, least of ${r.repeats} runs per side and round` : r.name, r.documents, r.inputMiB.toFixed(1), Math.round(r.podkitDocsPerSecond), Math.round(r.kubectlDocsPerSecond), showSpread(r.cpuOverKubectl), showSpread(r.wallOverKubectl), r.podkit.maxRssMiB.toFixed(0), showSpread(r.rssOverInput), r.kubectl.maxRssMiB.toFixed(0)].join(' | ')} |`,
    ),
    ...(floor
      ? [
          `| floor: \`node -e ""\` | ${[...dash(6), floor.nodeMiB.toFixed(0), ...dash(2)].join(' | ')} |`,
          `| floor: \`podkit help\` (CLI loaded, nothing read) | ${[...dash(6), floor.podkitMiB.toFixed(0), ...dash(2)].join(' | ')} |`,
        ]
      : []),
  ].join('\n');
}

function main(): void {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  log(`podkit lint benchmark (load average ${load}, ${os.cpus().length} CPUs, ${ROUNDS} round(s), podkit ${FROM_SOURCE ? 'from the sources (bin/podkit.js)' : 'compiled'})`);
  const rows = measureLint(SIZES, ROUNDS, MB);
  const floor = measureLintFloor(ROUNDS);
  const headline = rows[rows.length - 1]!;
  const verdict = [
    `peak RSS ${headline.rssOverInput.median.toFixed(2)}x the input (target <= ${LINT_TARGETS.rssOverInput}x): ${headline.rssOverInput.median <= LINT_TARGETS.rssOverInput ? 'met' : 'NOT met'}`,
    `CPU time ${headline.cpuOverKubectl.median.toFixed(2)}x kubectl's (target <= ${LINT_TARGETS.timeOverKubectl}x): ${headline.cpuOverKubectl.median <= LINT_TARGETS.timeOverKubectl ? 'met' : 'NOT met'}`,
  ];
  process.stdout.write(`${lintTable(rows, floor)}\n\n${verdict.join('\n')}\nload average at start ${load}, at end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'lint-latest.json'), `${JSON.stringify({ date: new Date().toISOString(), loadAverage: os.loadavg(), targets: LINT_TARGETS, rows, floor }, null, 2)}\n`);
}

if (require.main === module) main();
