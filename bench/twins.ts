/**
 * A user's app against its twins: the same manifests (a probed Deployment with two volumes, a Guaranteed pod, a
 * restricted pod, two ConfigMaps) written with this package (bench/twins/podkit.ts), with cdk8s-plus-28
 * (bench/twins/plus.ts) and with raw cdk8s `ApiObject`s (bench/twins/raw.ts), each in its own folder of a
 * temporary cdk8s project that installs the package as a user gets it: `npm pack` of this repository, from the
 * tarball, next to cdk8s, constructs, cdk8s-plus-28, the cdk8s CLI, ts-node and TypeScript at the versions this
 * repository has installed, and @typescript/native-preview (`tsgo`) at its newest version, fetched from npm at
 * bench time (it is no dependency of this package). Each folder has the tsconfig of the cdk8s TypeScript
 * template and its `app: npx ts-node main.ts`.
 *
 * Per round, the three twins run back to back, the order rotating from round to round:
 * - cold `npx cdk8s synth` the cdk8s default way (ts-node, type-checking), whose YAML must be byte-equal for the
 *   three twins (checked every round: the bench fails otherwise);
 * - `tsc --noEmit --extendedDiagnostics` and `tsgo --noEmit --extendedDiagnostics` (wall and CPU of the command,
 *   the compiler's check and total time, types and instantiations): BENCH_CHECK_REPEATS runs per twin (default 3),
 *   of which the one of least CPU time counts;
 * - module load: the time of `require('cdk8s-podkit')`, `require('cdk8s-plus-28')` and `require('cdk8s')` in a
 *   cold Node process (the median of LOAD_REPEATS alternating processes per round), and its floor: `cdk8s`, then
 *   the package's bundle read and compiled but not run.
 *
 * `twins.ts [rounds]` runs it alone; `npm run bench` runs it as one of its parts.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TEMPLATE_TSCONFIG } from './cold-synth';
import { median, REPO, showSpread, spread, timed, type Spread } from './processes';
import { parseDiagnostics, type TypecheckDiagnostics } from './typecheck';

export const TWINS = ['podkit', 'plus', 'raw'] as const;
export type Twin = (typeof TWINS)[number];

/** What each twin's main.ts imports for its constructs, and what its module-load figure requires. */
export const TWIN_PACKAGE: Record<Twin, string> = { podkit: 'cdk8s-podkit', plus: 'cdk8s-plus-28', raw: 'cdk8s' };

/** Cold processes per package and round for the module-load figure (their median is the round's figure). */
const LOAD_REPEATS = Number(process.env.BENCH_LOAD_REPEATS ?? 5);
/** Type checks per twin, compiler and round; the one of least CPU counts. */
export const CHECK_REPEATS = Number(process.env.BENCH_CHECK_REPEATS ?? 3);

/** The packages the temporary project installs besides the tarball, at this repository's installed versions. */
const PINNED = ['cdk8s', 'constructs', 'cdk8s-plus-28', 'cdk8s-cli', 'ts-node', 'typescript', '@types/node'] as const;
const NATIVE_PREVIEW = '@typescript/native-preview';

const installedVersion = (modules: string, pkg: string): string =>
  (JSON.parse(fs.readFileSync(path.join(modules, pkg, 'package.json'), 'utf8')) as { version: string }).version;

/** The `app:` of `cdk8s init typescript-app`: ts-node with the type check. */
export const DEFAULT_APP = 'npx ts-node main.ts';

/** A child script: the wall and CPU time of one `require` in this (cold) process. */
const LOAD_SCRIPT = `const name = process.argv[2];
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
require(name);
const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }));
`;

/**
 * The floor of the module-load figure for a package of this one's size: `cdk8s`, then the package's bundle read and
 * compiled as Node compiles it but none of it run (the bundle's text as the body of a function never called), so
 * what is left is reading and parsing that much JavaScript. `require('./load-floor.js')` in the project measures it.
 */
function writeLoadFloor(dir: string, modules: string): void {
  const bundle = fs.readFileSync(path.join(modules, 'cdk8s-podkit', 'build', 'podkit.js'), 'utf8');
  fs.writeFileSync(path.join(dir, 'unrun-bundle.js'), `module.exports = function unrun(exports, require, module, __filename, __dirname) {\n${bundle}\n};\n`);
  fs.writeFileSync(path.join(dir, 'load-floor.js'), "require('cdk8s');\nrequire('./unrun-bundle.js');\n");
}

/** What the module-load floor requires (see {@link writeLoadFloor}). */
const LOAD_FLOOR = './load-floor.js';

export interface TwinsProject {
  readonly dir: string;
  /** Installed versions, by package (the tarball's included). */
  readonly versions: Record<string, string>;
  /** Why `tsgo` could not be installed, when it could not. */
  readonly nativePreviewMissing?: string;
}

function npmInstall(dir: string, dependencies: Record<string, string>): { ok: boolean; output: string } {
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'podkit-twins', version: '0.0.0', private: true, dependencies }, null, 2)}\n`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--loglevel=error'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** The twin's main.ts as a user writes it: the package imported by its name. */
export function twinSource(twin: Twin): string {
  return fs.readFileSync(path.join(REPO, 'bench', 'twins', `${twin}.ts`), 'utf8').replace(/from '\.\.\/\.\.\/index'/g, "from 'cdk8s-podkit'");
}

/** The temporary project: the packed package and the twins' dependencies installed once, one folder per twin. */
export function makeTwinsProject(log: (line: string) => void = () => {}): TwinsProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-bench-twins-'));
  const { name, version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
  const pack = spawnSync('npm', ['pack', '--pack-destination', dir, '--loglevel=error'], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stdout}\n${pack.stderr}`);
  const tarball = path.join(dir, `${name}-${version}.tgz`);
  const repoModules = path.join(REPO, 'node_modules');
  const pinned = Object.fromEntries(PINNED.map((p) => [p, installedVersion(repoModules, p)]));
  const dependencies = { ...pinned, [name]: `file:${tarball}` };
  let nativePreviewMissing: string | undefined;
  let install = npmInstall(dir, { ...dependencies, [NATIVE_PREVIEW]: 'latest' });
  if (!install.ok) {
    nativePreviewMissing = `npm install of ${NATIVE_PREVIEW}@latest failed: ${install.output.trim().split('\n').slice(-3).join(' ')}`;
    log(`  ${nativePreviewMissing}; the tsgo figures are left out`);
    install = npmInstall(dir, dependencies);
    if (!install.ok) throw new Error(`npm install of the twins' project failed:\n${install.output}`);
  }
  const modules = path.join(dir, 'node_modules');
  const versions = Object.fromEntries([...PINNED, name, ...(nativePreviewMissing ? [] : [NATIVE_PREVIEW])].map((p) => [p, installedVersion(modules, p)]));
  fs.writeFileSync(path.join(dir, 'load.js'), LOAD_SCRIPT);
  writeLoadFloor(dir, modules);
  for (const twin of TWINS) {
    const twinDir = path.join(dir, twin);
    fs.mkdirSync(twinDir);
    fs.symlinkSync(modules, path.join(twinDir, 'node_modules'));
    fs.writeFileSync(path.join(twinDir, 'main.ts'), twinSource(twin));
    fs.writeFileSync(path.join(twinDir, 'tsconfig.json'), `${JSON.stringify(TEMPLATE_TSCONFIG, null, 2)}\n`);
    fs.writeFileSync(path.join(twinDir, 'cdk8s.yaml'), `language: typescript\napp: ${DEFAULT_APP}\n`);
  }
  return { dir, versions, ...(nativePreviewMissing ? { nativePreviewMissing } : {}) };
}

/** One cold `npx cdk8s synth` of a twin (its cdk8s.yaml's `app:`); returns the times and the YAML written. */
function synthTwin(dir: string): { wallMs: number; cpuMs: number; yaml: string } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-bench-out-'));
  try {
    const t = timed('npx', ['cdk8s', 'synth', '--no-check-upgrade', '-o', out], dir);
    const yaml = fs.readdirSync(out).sort().map((f) => `# ${f}\n${fs.readFileSync(path.join(out, f), 'utf8')}`).join('');
    return { wallMs: t.wallMs, cpuMs: t.cpuMs, yaml };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** A type check of a twin with `tsc` or `tsgo` and `--extendedDiagnostics`: the command's wall and CPU time and the compiler's figures. */
export interface CheckRun extends TypecheckDiagnostics {
  readonly wallMs: number;
  readonly cpuMs: number;
}

const COMPILERS = {
  tsc: ['typescript', 'bin', 'tsc'],
  tsgo: [NATIVE_PREVIEW, 'bin', 'tsgo'],
} as const;
export type Compiler = keyof typeof COMPILERS;

function checkTwin(dir: string, compiler: Compiler): CheckRun {
  const bin = path.join(dir, 'node_modules', ...COMPILERS[compiler]);
  const t = timed(process.execPath, [bin, '--noEmit', '--extendedDiagnostics', '-p', '.'], dir);
  return { ...parseDiagnostics(t.stdout), wallMs: t.wallMs, cpuMs: t.cpuMs };
}

interface LoadRun {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function loadOnce(project: string, pkg: string): LoadRun {
  const r = spawnSync(process.execPath, [path.join(project, 'load.js'), pkg], { cwd: project, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`require('${pkg}') failed:\n${r.stderr}`);
  return JSON.parse(r.stdout) as LoadRun;
}

export interface TwinsRound {
  readonly synth: Record<Twin, { wallMs: number; cpuMs: number }>;
  readonly check: Partial<Record<Compiler, Record<Twin, CheckRun>>>;
  /** Median over LOAD_REPEATS cold processes of this round. */
  readonly load: Record<Twin, LoadRun>;
  /** The same for `cdk8s` and the package's bundle read and compiled, none of it run (see {@link writeLoadFloor}). */
  readonly loadFloor: LoadRun;
  readonly loadAverage: number;
}

export interface TwinsResult {
  readonly rounds: number;
  readonly versions: Record<string, string>;
  readonly nativePreviewMissing?: string;
  readonly yamlBytes: number;
  readonly perRound: TwinsRound[];
  /** Per-round ratios, summarized. */
  readonly ratios: {
    readonly synthWall: Record<'podkitOverPlus' | 'rawOverPlus' | 'podkitOverRaw', Spread>;
    readonly synthCpu: Record<'podkitOverPlus' | 'rawOverPlus' | 'podkitOverRaw', Spread>;
    readonly check: Partial<Record<Compiler, Record<'wall' | 'cpu' | 'checkTime' | 'totalTime', Record<'podkitOverPlus' | 'rawOverPlus', Spread>>>>;
    /** require of the package over require('cdk8s') alone. */
    readonly load: Record<'podkitOverCdk8s' | 'plusOverCdk8s' | 'floorOverCdk8s', Record<'wall' | 'cpu', Spread>>;
  };
}

const rotate = <T>(list: readonly T[], by: number): T[] => list.map((_, i) => list[(i + by) % list.length]!);

export function measureTwins(rounds: number, log: (line: string) => void = () => {}): TwinsResult {
  log('  packing the package and installing the twins project (npm) …');
  const project = makeTwinsProject(log);
  const compilers = (Object.keys(COMPILERS) as Compiler[]).filter((c) => c !== 'tsgo' || !project.nativePreviewMissing);
  const perRound: TwinsRound[] = [];
  let reference = '';
  try {
    for (let round = 0; round < rounds; round++) {
      const order = rotate(TWINS, round);
      const synth = {} as TwinsRound['synth'];
      for (const twin of order) {
        const s = synthTwin(path.join(project.dir, twin));
        if (!reference) reference = s.yaml;
        if (s.yaml !== reference) throw new Error(`the ${twin} twin's YAML differs from the ${order[0]} twin's: the twins must write the same manifests, byte for byte`);
        synth[twin] = { wallMs: s.wallMs, cpuMs: s.cpuMs };
      }
      const check: TwinsRound['check'] = {};
      for (const compiler of compilers) {
        // CHECK_REPEATS runs per twin, the order rotating; the run of least CPU counts (GNU time counts CPU in
        // 10 ms steps, 2% of a `tsgo` run: one run per twin made its ratio swing by a step either way)
        const runs = {} as Record<Twin, CheckRun>;
        for (let i = 0; i < CHECK_REPEATS; i++) {
          for (const twin of rotate(order, i)) {
            const r = checkTwin(path.join(project.dir, twin), compiler);
            if (runs[twin] === undefined || r.cpuMs < runs[twin].cpuMs) runs[twin] = r;
          }
        }
        check[compiler] = runs;
      }
      const loads = Object.fromEntries([...TWINS, 'floor'].map((t) => [t, [] as LoadRun[]])) as Record<Twin | 'floor', LoadRun[]>;
      for (let i = 0; i < LOAD_REPEATS; i++) {
        for (const what of rotate([...order, 'floor' as const], i)) loads[what].push(loadOnce(project.dir, what === 'floor' ? LOAD_FLOOR : TWIN_PACKAGE[what]));
      }
      const medianRun = (runs: readonly LoadRun[]): LoadRun => ({ wallMs: median(runs.map((l) => l.wallMs)), cpuMs: median(runs.map((l) => l.cpuMs)) });
      const load = Object.fromEntries(TWINS.map((t) => [t, medianRun(loads[t])])) as TwinsRound['load'];
      perRound.push({ synth, check, load, loadFloor: medianRun(loads.floor), loadAverage: os.loadavg()[0]! });
      const checks = compilers.map((c) => `${c} ${TWINS.map((t) => check[c]![t].wallMs.toFixed(0)).join('/')}`).join(', ');
      log(`  round ${round + 1} (load ${os.loadavg()[0]!.toFixed(2)}): synth ${TWINS.map((t) => synth[t].wallMs.toFixed(0)).join('/')} ms, ${checks} ms, require ${TWINS.map((t) => load[t].wallMs.toFixed(0)).join('/')} ms (podkit/plus/raw, wall)`);
    }
  } finally {
    fs.rmSync(project.dir, { recursive: true, force: true });
  }
  const over = (get: (r: TwinsRound) => Record<Twin, number>, a: Twin, b: Twin): Spread => spread(perRound.map((r) => get(r)[a] / get(r)[b]));
  const pairs = (get: (r: TwinsRound) => Record<Twin, number>) => ({ podkitOverPlus: over(get, 'podkit', 'plus'), rawOverPlus: over(get, 'raw', 'plus'), podkitOverRaw: over(get, 'podkit', 'raw') });
  const pick = (get: (r: TwinsRound, t: Twin) => number) => (r: TwinsRound): Record<Twin, number> => Object.fromEntries(TWINS.map((t) => [t, get(r, t)])) as Record<Twin, number>;
  const check = Object.fromEntries(
    compilers.map((c) => [
      c,
      Object.fromEntries(
        (['wallMs', 'cpuMs', 'checkTime', 'totalTime'] as const).map((key) => {
          const { podkitOverPlus, rawOverPlus } = pairs(pick((r, t) => r.check[c]![t][key]));
          return [{ wallMs: 'wall', cpuMs: 'cpu', checkTime: 'checkTime', totalTime: 'totalTime' }[key], { podkitOverPlus, rawOverPlus }];
        }),
      ),
    ]),
  ) as TwinsResult['ratios']['check'];
  const loadOver = (twin: Twin) => ({ wall: over(pick((r, t) => r.load[t].wallMs), twin, 'raw'), cpu: over(pick((r, t) => r.load[t].cpuMs), twin, 'raw') });
  return {
    rounds,
    versions: project.versions,
    ...(project.nativePreviewMissing ? { nativePreviewMissing: project.nativePreviewMissing } : {}),
    yamlBytes: Buffer.byteLength(reference),
    perRound,
    ratios: {
      synthWall: pairs(pick((r, t) => r.synth[t].wallMs)),
      synthCpu: pairs(pick((r, t) => r.synth[t].cpuMs)),
      check,
      load: {
        podkitOverCdk8s: loadOver('podkit'),
        plusOverCdk8s: loadOver('plus'),
        floorOverCdk8s: { wall: spread(perRound.map((r) => r.loadFloor.wallMs / r.load.raw.wallMs)), cpu: spread(perRound.map((r) => r.loadFloor.cpuMs / r.load.raw.cpuMs)) },
      },
    },
  };
}

/** The median of one figure of one twin over the rounds. */
export function medianOf(result: TwinsResult, get: (r: TwinsRound) => number): number {
  return median(result.perRound.map(get));
}

/** Markdown tables of the twins' figures: medians per twin, per-round ratios min / median / max. */
export function twinsTables(r: TwinsResult): string {
  const ms = (get: (round: TwinsRound) => number) => medianOf(r, get).toFixed(0);
  const s = (x: Spread) => showSpread(x);
  const lines = [
    `cold \`npx cdk8s synth\` with \`app: ${DEFAULT_APP}\` (ts-node, type-checking), the same ${r.yamlBytes.toLocaleString('en')} bytes of YAML from each twin (asserted every round):`,
    '',
    '| twin | wall ms | CPU ms | wall / plus twin | CPU / plus twin |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| cdk8s-podkit | ${ms((x) => x.synth.podkit.wallMs)} | ${ms((x) => x.synth.podkit.cpuMs)} | ${s(r.ratios.synthWall.podkitOverPlus)} | ${s(r.ratios.synthCpu.podkitOverPlus)} |`,
    `| cdk8s-plus-28 | ${ms((x) => x.synth.plus.wallMs)} | ${ms((x) => x.synth.plus.cpuMs)} | 1 | 1 |`,
    `| raw \`ApiObject\` | ${ms((x) => x.synth.raw.wallMs)} | ${ms((x) => x.synth.raw.cpuMs)} | ${s(r.ratios.synthWall.rawOverPlus)} | ${s(r.ratios.synthCpu.rawOverPlus)} |`,
    '',
  ];
  for (const [compiler, ratios] of Object.entries(r.ratios.check) as [Compiler, NonNullable<TwinsResult['ratios']['check'][Compiler]>][]) {
    const version = compiler === 'tsc' ? `TypeScript ${r.versions.typescript}` : `${NATIVE_PREVIEW} ${r.versions[NATIVE_PREVIEW]}`;
    lines.push(
      `\`${compiler} --noEmit --extendedDiagnostics\` (${version}), the template's tsconfig (no skipLibCheck); medians per twin, then per-round ratios over the plus twin:`,
      '',
      '| twin | wall ms | CPU ms | check time s | total time s | files | types | instantiations |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...TWINS.map((t) => {
        const c = (get: (run: CheckRun) => number) => medianOf(r, (x) => get(x.check[compiler]![t]));
        return `| ${t} | ${c((x) => x.wallMs).toFixed(0)} | ${c((x) => x.cpuMs).toFixed(0)} | ${c((x) => x.checkTime).toFixed(3)} | ${c((x) => x.totalTime).toFixed(3)} | ${c((x) => x.files)} | ${c((x) => x.types)} | ${c((x) => x.instantiations)} |`;
      }),
      '',
      '| ratio | wall | CPU | check time | total time |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| podkit / plus | ${s(ratios.wall.podkitOverPlus)} | ${s(ratios.cpu.podkitOverPlus)} | ${s(ratios.checkTime.podkitOverPlus)} | ${s(ratios.totalTime.podkitOverPlus)} |`,
      `| raw / plus | ${s(ratios.wall.rawOverPlus)} | ${s(ratios.cpu.rawOverPlus)} | ${s(ratios.checkTime.rawOverPlus)} | ${s(ratios.totalTime.rawOverPlus)} |`,
      '',
    );
  }
  if (r.nativePreviewMissing) lines.push(`\`tsgo\`: not measured: ${r.nativePreviewMissing}.`, '');
  lines.push(
    `Module load, the time of one \`require\` in a cold Node process (median of ${LOAD_REPEATS} processes per round):`,
    '',
    '| `require` | wall ms | CPU ms | wall / `require(\'cdk8s\')` | CPU / `require(\'cdk8s\')` |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| \`cdk8s-podkit\` | ${ms((x) => x.load.podkit.wallMs)} | ${ms((x) => x.load.podkit.cpuMs)} | ${s(r.ratios.load.podkitOverCdk8s.wall)} | ${s(r.ratios.load.podkitOverCdk8s.cpu)} |`,
    `| \`cdk8s-plus-28\` | ${ms((x) => x.load.plus.wallMs)} | ${ms((x) => x.load.plus.cpuMs)} | ${s(r.ratios.load.plusOverCdk8s.wall)} | ${s(r.ratios.load.plusOverCdk8s.cpu)} |`,
    `| \`cdk8s\` | ${ms((x) => x.load.raw.wallMs)} | ${ms((x) => x.load.raw.cpuMs)} | 1 | 1 |`,
    `| \`cdk8s\`, then cdk8s-podkit's bundle read and compiled, none of it run (the floor for a package of its size) | ${ms((x) => x.loadFloor.wallMs)} | ${ms((x) => x.loadFloor.cpuMs)} | ${s(r.ratios.load.floorOverCdk8s.wall)} | ${s(r.ratios.load.floorOverCdk8s.cpu)} |`,
  );
  return lines.join('\n');
}

if (require.main === module) {
  const rounds = Number(process.argv[2] ?? 5);
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  process.stderr.write(`twins: ${rounds} rounds, load average ${load()}\n`);
  const r = measureTwins(rounds, (l) => process.stderr.write(`${l}\n`));
  process.stdout.write(`${twinsTables(r)}\n\nversions: ${JSON.stringify(r.versions)}; load average at end ${load()}\n`);
}
