/**
 * The fast path a user can take: cold `npx cdk8s synth` of the README's quick-start app (its `main.ts` block),
 * importing the package as built for publishing (with its bin/register.js), with each runner a user could put in `cdk8s.yaml`'s `app:`,
 * against `npx cdk8s synth` of an app that only creates the output folder (the CLI floor). Rounds alternate
 * the runners (the order rotating each round); each runner's figure in a round is divided by the floor's in
 * that round, and the per-round ratios are summarized as min / median / max.
 *
 * `fast-path.ts [rounds]` runs it alone; `npm run bench` runs it as one of its parts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { coldSynth, TEMPLATE_TSCONFIG } from './cold-synth';
import { REPO, showSpread, spread, timed, type Spread } from './processes';

/** An app that only creates the output folder cdk8s expects: what the CLI costs before any app does anything. */
export const EMPTY_APP = `node -e "require('fs').mkdirSync(process.env.CDK8S_OUTDIR, { recursive: true })"`;

/** The `app:` commands compared, by name; `floor` is the empty app. */
export const RUNNERS = {
  /** `cdk8s init typescript-app`'s default: ts-node with the type check. */
  'npx ts-node (default, type-checks)': 'npx ts-node main.ts',
  'npx ts-node --transpile-only': 'npx ts-node --transpile-only main.ts',
  'node -r ts-node/register/transpile-only': 'node -r ts-node/register/transpile-only main.ts',
  /**
   * The package's runner (bin/register.js: esbuild), as the README's quick start gives it, with its transform
   * cache (node_modules/.cache/cdk8s-podkit) filled by an earlier synth of the same app: a re-synth.
   */
  'node -r cdk8s-podkit/register (esbuild)': 'node -r cdk8s-podkit/register main.ts',
  /** The same with the transform cache emptied before each run: the first synth, or one after editing every file. */
  'node -r cdk8s-podkit/register (esbuild, cold transform cache)': 'node -r cdk8s-podkit/register main.ts',
  floor: EMPTY_APP,
} as const;
export type Runner = keyof typeof RUNNERS;

/** What a table row says besides the `app:` command, where two runners share one. */
const NOTES: Partial<Record<Runner, string>> = {
  'node -r cdk8s-podkit/register (esbuild)': ' (transform cache filled by an earlier synth)',
  'node -r cdk8s-podkit/register (esbuild, cold transform cache)': ' (transform cache emptied before each run)',
};

/** bin/register.js's transform cache in the quick-start project. */
const transformCache = (dir: string) => path.join(dir, 'node_modules', '.cache', 'cdk8s-podkit');

/** The fenced block after `<!-- readme-test: NAME -->` in the README. */
export function readmeBlock(name: string): string {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const m = new RegExp(`<!-- readme-test: ${name.replace(/\./g, '\\.')} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  if (!m) throw new Error(`README.md has no block marked <!-- readme-test: ${name} -->`);
  return `${m[1]!}\n`;
}

/**
 * A temporary cdk8s project with the quick start's `main.ts` and the cdk8s template's tsconfig; its
 * node_modules links every package of this repository's install and holds `cdk8s-podkit` as published
 * (package.json and the JavaScript and declarations `npm run build` emits, built here into the project the same way:
 * `tsc`, scripts/slim-declarations.js, scripts/bundle.js).
 */
export function makeQuickStartProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-bench-quickstart-'));
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), `language: typescript\napp: ${RUNNERS['npx ts-node (default, type-checks)']}\n`);
  fs.writeFileSync(path.join(dir, 'main.ts'), readmeBlock('main.ts'));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(TEMPLATE_TSCONFIG, null, 2)}\n`);
  const modules = path.join(dir, 'node_modules');
  const repoModules = fs.realpathSync(path.join(REPO, 'node_modules'));
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(repoModules)) fs.symlinkSync(path.join(repoModules, entry), path.join(modules, entry));
  const pkg = path.join(modules, 'cdk8s-podkit');
  fs.mkdirSync(pkg);
  fs.copyFileSync(path.join(REPO, 'package.json'), path.join(pkg, 'package.json'));
  timed(process.execPath, [path.join(repoModules, 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', path.join(pkg, 'build')], REPO);
  timed(process.execPath, [path.join(REPO, 'scripts', 'slim-declarations.js'), path.join(pkg, 'build')], REPO);
  timed(process.execPath, [path.join(REPO, 'scripts', 'bundle.js'), path.join(pkg, 'build')], REPO);
  fs.cpSync(path.join(REPO, 'validation-plugin'), path.join(pkg, 'validation-plugin'), { recursive: true });
  fs.mkdirSync(path.join(pkg, 'bin'));
  fs.copyFileSync(path.join(REPO, 'bin', 'register.js'), path.join(pkg, 'bin', 'register.js'));
  return dir;
}

export interface FastPathResult {
  readonly rounds: number;
  /** Per runner, per round: wall and CPU ms of the whole `npx cdk8s synth`. */
  readonly runs: Record<Runner, { wallMs: number; cpuMs: number }[]>;
  /** Per runner (not the floor): its time over the floor's in the same round, summarized. */
  readonly overFloor: Record<Exclude<Runner, 'floor'>, { wall: Spread; cpu: Spread }>;
}

export function measureFastPath(rounds: number, log: (line: string) => void = () => {}): FastPathResult {
  const dir = makeQuickStartProject();
  const names = Object.keys(RUNNERS) as Runner[];
  const runs = Object.fromEntries(names.map((n) => [n, [] as { wallMs: number; cpuMs: number }[]])) as FastPathResult['runs'];
  try {
    // an untimed synth fills the transform cache, as a user's first synth of the app does
    coldSynth(dir, RUNNERS['node -r cdk8s-podkit/register (esbuild)']);
    if (!fs.existsSync(transformCache(dir))) throw new Error(`the quick start's synth kept no transform cache in ${transformCache(dir)}`);
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(round + i) % names.length]!;
        if (name === 'node -r cdk8s-podkit/register (esbuild, cold transform cache)') fs.rmSync(transformCache(dir), { recursive: true, force: true });
        const t = coldSynth(dir, RUNNERS[name]);
        if (name !== 'floor' && t.files !== 1) throw new Error(`${name}: the quick start synthesized ${t.files} files, not 1`);
        runs[name].push({ wallMs: t.wallMs, cpuMs: t.cpuMs });
      }
      log(`  round ${round + 1}: ${names.map((n) => `${n} ${runs[n].at(-1)!.wallMs.toFixed(0)}/${runs[n].at(-1)!.cpuMs.toFixed(0)} ms`).join(', ')} (wall/CPU)`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const per = (n: Runner, key: 'wallMs' | 'cpuMs') => spread(runs[n].map((r, i) => r[key] / runs.floor[i]![key]));
  const overFloor = Object.fromEntries(names.filter((n) => n !== 'floor').map((n) => [n, { wall: per(n, 'wallMs'), cpu: per(n, 'cpuMs') }])) as FastPathResult['overFloor'];
  return { rounds, runs, overFloor };
}

/** Markdown rows: runner, wall over the floor, CPU over the floor (min / median / max). */
export function fastPathRows(r: FastPathResult): string[] {
  return Object.entries(r.overFloor).map(([name, s]) => `| \`${RUNNERS[name as Runner]}\`${NOTES[name as Runner] ?? ''} | ${showSpread(s.wall)} | ${showSpread(s.cpu)} |`);
}

if (require.main === module) {
  const rounds = Number(process.argv[2] ?? 5);
  process.stderr.write(`fast path: ${rounds} rounds, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  const r = measureFastPath(rounds, (l) => process.stderr.write(`${l}\n`));
  process.stdout.write(['| `app:` | wall / floor (min / median / max) | CPU / floor |', '| --- | ---: | ---: |', ...fastPathRows(r)].join('\n'));
  process.stdout.write(`\nfloor median: ${[...r.runs.floor].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(rounds / 2)]!.wallMs.toFixed(0)} ms wall; load average at end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
}
