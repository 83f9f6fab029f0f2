/**
 * The differential harness: every input goes through the real `kubectl create configmap … --dry-run=client`
 * (with and without `--append-hash`) and `kubectl kustomize`, and through our code; data, binaryData and
 * name must be identical, and where a tool fails ours must fail too (with kubectl's message). The cases
 * live in two test files so that vitest runs them in parallel.
 */
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { kubectlCreateConfigMap } from './kubectl';
import { kustomizeConfigMap } from './kustomize';
import { readPathFromFs } from './loader';

export const REF = path.resolve(__dirname, '../../snapshots/reference/files');
export const page = (rel: string) => fs.readFileSync(path.join(REF, rel));

/** A directory tree to write: file contents, subdirectories, symlinks. */
export type Node = string | Uint8Array | { readonly dir: Tree } | { readonly symlink: string };
export interface Tree {
  readonly [name: string]: Node;
}

export interface Sources {
  readonly envFiles?: readonly string[];
  readonly files?: readonly string[];
  readonly literals?: readonly string[];
}

export interface Case {
  readonly title: string;
  readonly tree?: Tree;
  readonly sources: Sources;
  /** kubectl's environment for env-file lines without `=`. */
  readonly env?: Record<string, string>;
  /** Which tools take this input (kustomize has no directory sources, kubectl no env files mixed with others). */
  readonly tools?: readonly ('kubectl' | 'kustomize')[];
  /**
   * kustomize's YAML output folds a character of the data when read back (U+0085): compare the data
   * through the name alone, whose hash covers every byte of it.
   */
  readonly lossyYaml?: boolean;
}

export const bytes = (...b: number[]) => Uint8Array.from(b);
export const BOM = '\ufeff';

/**
 * `n` deterministic pseudo-random bytes (a 32-bit xorshift from `seed`), starting with 0xff so that they are
 * never valid UTF-8: binary content of any length, the same on every run.
 */
export function pseudoRandomBytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  if (n > 0) out[0] = 0xff;
  return out;
}


/** Writes a tree under `dir`. */
export function writeTree(dir: string, tree: Tree): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, node] of Object.entries(tree)) {
    const at = path.join(dir, name);
    if (typeof node === 'string' || node instanceof Uint8Array) fs.writeFileSync(at, node);
    else if ('dir' in node) writeTree(at, node.dir);
    else fs.symlinkSync(node.symlink, at);
  }
}

/** A YAML double-quoted scalar that go-yaml reads back exactly (non-ASCII and controls escaped). */
export function yamlString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c <= 0xffff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const list = (key: string, items: readonly string[] | undefined) => (items?.length ? `  ${key}:\n${items.map((i) => `  - ${yamlString(i)}\n`).join('')}` : '');

interface Outcome {
  readonly ok: boolean;
  readonly name?: string;
  readonly data?: Record<string, string>;
  readonly binaryData?: Record<string, string>;
  readonly error?: string;
}

function parseOutput(out: string): Outcome[] {
  return parseAllDocuments(out).map((doc) => {
    const obj = doc.toJS() as { metadata: { name: string }; data?: Record<string, string>; binaryData?: Record<string, string> };
    return { ok: true, name: obj.metadata.name, data: obj.data ?? {}, binaryData: obj.binaryData ?? {} };
  });
}

const failed = (err: unknown): Outcome[] => [{ ok: false, error: String((err as { stderr?: Buffer | string }).stderr ?? err).trim().replace(/^error: /, '') }];
const toolEnv = (home: string, env: Record<string, string>) => ({ PATH: process.env.PATH ?? '', HOME: home, KUBECONFIG: '/dev/null', ...env });

function run(file: string, args: string[], cwd: string, home: string, env: Record<string, string> = {}): Outcome[] {
  try {
    const out = execFileSync(file, args, { cwd, env: toolEnv(home, env), stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    return parseOutput(out.toString('utf8'));
  } catch (err) {
    return failed(err);
  }
}

const execFileAsync = promisify(execFile);

/** `run`, asynchronously, so that several kubectl processes run at once. */
async function runAsync(file: string, args: string[], cwd: string, home: string, env: Record<string, string> = {}): Promise<Outcome[]> {
  try {
    const { stdout } = await execFileAsync(file, args, { cwd, env: toolEnv(home, env), maxBuffer: 64 * 1024 * 1024 });
    return parseOutput(stdout);
  } catch (err) {
    return failed(err);
  }
}

/** Runs `work` on every item, `size` at a time. */
export async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/** How many distinct inputs a list of cases holds. */
export function distinctInputs(cases: readonly Case[]): number {
  return new Set(cases.map((c) => JSON.stringify([c.tree, c.sources, c.env]))).size;
}

/** Defines the differential tests of `CASES`. */
export function differentialSuite(CASES: readonly Case[]): void {
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-cm-'));
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-cm-home-'));
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
});

const INDEXED = CASES.map((c, n) => ({ ...c, n, dir: path.join(root, `case-${n}`), name: `cm-${n}` }));
for (const c of INDEXED) writeTree(c.dir, c.tree ?? {});
type Indexed = (typeof INDEXED)[number];

const kustomization = (entries: readonly { name: string; sources: Sources }[]) =>
  `configMapGenerator:\n${entries.map((e) => `- name: ${e.name}\n${list('envs', e.sources.envFiles)}${list('literals', e.sources.literals)}${list('files', e.sources.files)}`).join('')}`;

const oursKustomize = (c: Indexed) =>
  kustomizeConfigMap({ name: c.name, envs: c.sources.envFiles, literals: c.sources.literals, files: c.sources.files }, readPathFromFs(c.dir));

/** kustomize run on one case alone, with the kustomization next to its inputs. */
function kustomizeAlone(c: Indexed): Outcome {
  const kfile = path.join(c.dir, 'kustomization.yaml');
  fs.writeFileSync(kfile, kustomization([c]));
  try {
    return run('kubectl', ['kustomize', c.dir], c.dir, home)[0]!;
  } finally {
    fs.rmSync(kfile);
  }
}

/**
 * The real kustomize outcome of every kustomize case. The cases our code accepts run as one kustomization
 * (their paths prefixed with their directory), which must succeed as a whole; the others run one by one,
 * and so does everything when the batch fails, so that a failure names its case.
 */
let batchAccepted = false;
const kustomizeOutcomes: Map<number, Outcome> = (() => {
  const cases = INDEXED.filter((c) => (c.tools ?? ['kubectl', 'kustomize']).includes('kustomize'));
  const accepted = cases.filter((c) => oursKustomize(c).ok);
  const prefix = (c: Indexed, p: string) => (p.includes('=') ? p.replace('=', `=case-${c.n}/`) : `case-${c.n}/${p}`);
  fs.writeFileSync(
    path.join(root, 'kustomization.yaml'),
    kustomization(accepted.map((c) => ({ name: c.name, sources: { envFiles: c.sources.envFiles?.map((p) => prefix(c, p)), literals: c.sources.literals, files: c.sources.files?.map((p) => prefix(c, p)) } }))),
  );
  const batch = run('kubectl', ['kustomize', root], root, home);
  fs.rmSync(path.join(root, 'kustomization.yaml'));
  const out = new Map<number, Outcome>();
  batchAccepted = batch[0]?.ok === true;
  if (batchAccepted) {
    for (const o of batch) out.set(Number(/^cm-(\d+)-/.exec(o.name ?? '')?.[1]), o);
  }
  for (const c of cases) if (!out.has(c.n)) out.set(c.n, kustomizeAlone(c));
  return out;
})();

it('kustomize accepts, in one kustomization, every input our code accepts', () => {
  expect(batchAccepted).toBe(true);
});


/** kubectl's outcome of every kubectl case, with and without `--append-hash`, run 4 at a time before the tests. */
const kubectlOutcomes = new Map<string, Outcome>();
const kubectlArgs = (c: Indexed, appendHash: boolean) => {
  const args = ['create', 'configmap', c.name, '--dry-run=client', '-o', 'json'];
  for (const f of c.sources.files ?? []) args.push(`--from-file=${f}`);
  for (const l of c.sources.literals ?? []) args.push(`--from-literal=${l}`);
  for (const e of c.sources.envFiles ?? []) args.push(`--from-env-file=${e}`);
  if (appendHash) args.push('--append-hash');
  return args;
};
beforeAll(async () => {
  const runs = INDEXED.filter((c) => (c.tools ?? ['kubectl', 'kustomize']).includes('kubectl')).flatMap((c) => [false, true].map((appendHash) => ({ c, appendHash })));
  await pool(runs, 4, async ({ c, appendHash }) => {
    kubectlOutcomes.set(`${c.n}:${appendHash}`, (await runAsync('kubectl', kubectlArgs(c, appendHash), c.dir, home, c.env))[0]!);
  });
}, 120_000);

describe.each(INDEXED)('$title', (c) => {
  const { dir, name } = c;
  const tools = c.tools ?? ['kubectl', 'kustomize'];
  const read = readPathFromFs(dir);

  if (tools.includes('kubectl')) it.each([false, true])('kubectl create configmap (append-hash %s)', (appendHash) => {
    const real = kubectlOutcomes.get(`${c.n}:${appendHash}`);
    const ours = kubectlCreateConfigMap(
      { name, fromFile: c.sources.files, fromLiteral: c.sources.literals, fromEnvFile: c.sources.envFiles, appendHash, environment: c.env ?? {} },
      read,
    );
    if (!real?.ok) {
      expect(ours).toEqual({ ok: false, error: real?.error });
    } else {
      expect(ours).toEqual({ ok: true, value: { name: real.name, data: real.data, binaryData: real.binaryData } });
    }
  });

  if (tools.includes('kustomize')) it('kubectl kustomize (configMapGenerator)', () => {
    const real = kustomizeOutcomes.get(c.n)!;
    const ours = oursKustomize(c);
    if (!real.ok) expect(ours.ok).toBe(false);
    else if (c.lossyYaml) expect(ours.ok && ours.value.name).toBe(real.name);
    else expect(ours).toEqual({ ok: true, value: { name: real.name, data: real.data, binaryData: real.binaryData } });
  });
});
}
