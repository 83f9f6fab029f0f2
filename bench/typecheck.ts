/**
 * Type-check cost: one `tsc --noEmit --extendedDiagnostics` run over a project, and the figures it prints.
 * The instantiation count is deterministic for a given compiler and source, so a test may compare it
 * with a recorded baseline; the times are not, and only the benchmark reports them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The figures of one `--extendedDiagnostics` run. */
export interface TypecheckDiagnostics {
  readonly files: number;
  readonly types: number;
  readonly instantiations: number;
  /** Seconds, as tsc prints them. */
  readonly checkTime: number;
  readonly totalTime: number;
}

/** The recorded baseline (bench/baseline.json). */
export interface Baseline {
  readonly examplesInstantiations: number;
  readonly recordedAt: string;
  readonly typescript: string;
}

/** Growth allowed over the baseline before the test fails. */
export const INSTANTIATION_TOLERANCE = 0.2;

/** Whether `instantiations` grew more than the tolerance over `baseline`. */
export function exceedsBaseline(instantiations: number, baseline: number, tolerance = INSTANTIATION_TOLERANCE): boolean {
  return instantiations > baseline * (1 + tolerance);
}

/** Parses the `--extendedDiagnostics` report. */
export function parseDiagnostics(report: string): TypecheckDiagnostics {
  const field = (name: string): number => {
    const m = new RegExp(`^${name}:\\s+([\\d.]+)`, 'm').exec(report);
    if (!m) throw new Error(`tsc --extendedDiagnostics printed no "${name}":\n${report}`);
    return Number(m[1]);
  };
  return { files: field('Files'), types: field('Types'), instantiations: field('Instantiations'), checkTime: field('Check time'), totalTime: field('Total time') };
}

/** Runs `tsc --noEmit --extendedDiagnostics -p <project>`; throws on type errors. */
export function typecheck(project: string): TypecheckDiagnostics {
  const tsc = require.resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '--extendedDiagnostics', '-p', project], { cwd: path.dirname(project), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsc -p ${project} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return parseDiagnostics(r.stdout);
}


/**
 * A project where the examples import the library as a user of the published package does: through the
 * declarations `npm run build` emits (tsconfig.build.json), not the .ts sources. Returns its tsconfig path;
 * remove the folder (its dirname) when done.
 */
export function writeConsumerProject(repo: string, options: { readonly untypedProps?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-consumer-'));
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(repo, 'tsconfig.build.json'), '--emitDeclarationOnly', '--outDir', dir], { cwd: repo });
  if (options.untypedProps) untypeConstructorProps(path.join(dir, 'constructs'));
  fs.cpSync(path.join(repo, 'examples'), path.join(dir, 'examples'), { recursive: true });
  importFromPackageRoot(path.join(dir, 'examples'));
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
  // `cdk8s-podkit` is the package root, as the published package's `exports` allow (no deep imports)
  const compilerOptions = {
    target: 'ES2022', module: 'commonjs', moduleResolution: 'node', lib: ['ES2022'], types: ['node'], strict: true, skipLibCheck: true, noEmit: true, esModuleInterop: true,
    baseUrl: '.', paths: { 'cdk8s-podkit': ['./index.d.ts'] },
  };
  // As bench/tsconfig.examples.json: the examples' own tests would pull in vitest's types and testing/, which a user's chart does not.
  const exclude = ['examples/**/*.test.ts', 'examples/**/*.test-d.ts'];
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['examples'], exclude }, null, 2));
  return path.join(dir, 'tsconfig.json');
}

/**
 * Rewrites the examples' imports of the library's modules (`../../constructs/pod`, `../../lib/scheduling`) to
 * the package root, `cdk8s-podkit`, which is all a user can import; `imports/` (a `cdk8s import` of a CRD) is
 * the user's own and stays.
 */
function importFromPackageRoot(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const source = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, source.replace(/from '(?:\.\.\/)+(?:constructs|lib)(?:\/[^']*)?'/g, "from 'cdk8s-podkit'"));
  }
}

/**
 * A measurement variant, not a shipped one: every public construct's props typed `any` in the emitted
 * declarations (`constructor(scope: Construct, id: string, props: PodProps)` → `props: any`), so that the
 * examples' check time splits into what their own code costs and what the typed props add. Helper functions
 * (`Probe.httpGet`, volume helpers …) keep their types.
 */
function untypeConstructorProps(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const file = path.join(dir, entry.name);
    const source = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, source.replace(/(\n {4}constructor\(scope: Construct, id: string, props\??): [A-Za-z]+\)/g, '$1: any)'));
  }
}
