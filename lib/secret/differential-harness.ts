/**
 * The differential harness for Secrets: every input goes through the real `kubectl create secret generic|tls|
 * docker-registry … --append-hash --dry-run=client` and, for generic sources, `kubectl kustomize`
 * (secretGenerator), and through our code; name, type and data must be identical, and where a tool fails ours
 * must fail too, with kubectl's message (the parts that would quote a value replaced by {@link REDACTED}, the
 * same replacement applied to kubectl's text), and no value of the case in it. kubectl runs concurrently, once
 * per case, before the tests; kustomize runs once for every accepted case together.
 */
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { writeTree, yamlString, type Tree } from '../configmap/differential-harness';
import { readPathFromFs } from '../configmap/loader';
import type { Result } from '../configmap/result';
import { kubectlCreateSecretDockerRegistry, type KubectlDockerRegistryArgs } from './docker-registry';
import { kubectlCreateSecretGeneric, type GeneratedSecret, type KubectlSecretArgs } from './kubectl';
import { kustomizeSecret } from './kustomize';
import { REDACTED } from './redact';
import { kubectlCreateSecretTls, type KubectlTlsArgs } from './tls';

/** One input: a directory tree and one `kubectl create secret` command over it. */
export type SecretCase = {
  readonly title: string;
  readonly tree?: Tree;
  /** kubectl's environment for env-file lines without `=`. */
  readonly env?: Record<string, string>;
  /** Strings of the input that are secret values: no error message may contain one. */
  readonly secrets?: readonly string[];
  /**
   * Our message where it cannot be kubectl's, which would repeat a value: kubectl must fail too, whatever its
   * words. @default - kubectl's message, with {@link redactKubectlError}'s replacements
   */
  readonly ourError?: string;
} & (
  | {
      readonly command: 'generic';
      readonly args: Omit<KubectlSecretArgs, 'name' | 'appendHash' | 'environment'>;
      /** Also run as a `secretGenerator` entry. @default true */
      readonly kustomize?: boolean;
    }
  | { readonly command: 'tls'; readonly args: Omit<KubectlTlsArgs, 'name' | 'appendHash'> }
  | { readonly command: 'docker-registry'; readonly args: Omit<KubectlDockerRegistryArgs, 'name' | 'appendHash'> }
);

interface Outcome {
  readonly ok: boolean;
  readonly name?: string;
  readonly type?: string;
  readonly data?: Record<string, string>;
  readonly error?: string;
}

/** kubectl's message with the parts our messages leave out replaced as ours replace them. */
export function redactKubectlError(error: string): string {
  return error
    .replace(/^invalid literal source .*, expected key=value$/s, `invalid literal source ${REDACTED}, expected key=value`)
    .replace(/^(env file .* contains invalid utf8 bytes at line \d+: )\[[\d ]*\]$/s, `$1${REDACTED}`);
}

function parseOutput(stdout: string): Outcome[] {
  return parseAllDocuments(stdout).map((doc) => {
    const obj = doc.toJS() as { metadata: { name: string }; type?: string; data?: Record<string, string> };
    return { ok: true, name: obj.metadata.name, ...(obj.type !== undefined ? { type: obj.type } : {}), data: obj.data ?? {} };
  });
}

const execFileAsync = promisify(execFile);

/** The command line of a case. */
function kubectlArgs(c: SecretCase, name: string): string[] {
  const args = ['create', 'secret', c.command, name, '--append-hash', '--dry-run=client', '-o', 'json'];
  if (c.command === 'generic') {
    if (c.args.type !== undefined) args.push(`--type=${c.args.type}`);
    for (const f of c.args.fromFile ?? []) args.push(`--from-file=${f}`);
    for (const l of c.args.fromLiteral ?? []) args.push(`--from-literal=${l}`);
    for (const e of c.args.fromEnvFile ?? []) args.push(`--from-env-file=${e}`);
  } else if (c.command === 'tls') {
    args.push(`--cert=${c.args.cert}`, `--key=${c.args.key}`);
  } else {
    const a = c.args;
    if (a.dockerUsername !== undefined) args.push(`--docker-username=${a.dockerUsername}`);
    if (a.dockerPassword !== undefined) args.push(`--docker-password=${a.dockerPassword}`);
    if (a.dockerEmail !== undefined) args.push(`--docker-email=${a.dockerEmail}`);
    if (a.dockerServer !== undefined) args.push(`--docker-server=${a.dockerServer}`);
    for (const f of a.fromFile ?? []) args.push(`--from-file=${f}`);
  }
  return args;
}

/** Our outcome for a case. */
function ours(c: SecretCase, name: string, dir: string, appendHash: boolean): Result<GeneratedSecret> {
  const read = readPathFromFs(dir);
  if (c.command === 'generic') return kubectlCreateSecretGeneric({ ...c.args, name, appendHash, environment: c.env ?? {} }, read);
  if (c.command === 'tls') return kubectlCreateSecretTls({ ...c.args, name, appendHash }, read);
  return kubectlCreateSecretDockerRegistry({ ...c.args, name, appendHash }, read);
}

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/** Defines the differential tests of `cases`; `setup` may add files (certificates) to the root first. */
export function secretDifferentialSuite(cases: readonly SecretCase[]): void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-secret-'));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-secret-home-'));
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });
  const indexed = cases.map((c, n) => ({ c, n, dir: path.join(root, `case-${n}`), name: `s-${n}` }));
  for (const { c, dir } of indexed) writeTree(dir, c.tree ?? {});
  const env = (c: SecretCase) => ({ PATH: process.env.PATH ?? '', HOME: home, KUBECONFIG: '/dev/null', ...(c.env ?? {}) });

  const kubectl = new Map<number, Outcome>();
  beforeAll(async () => {
    await pool(indexed, 4, async ({ c, n, dir, name }) => {
      try {
        const { stdout } = await execFileAsync('kubectl', kubectlArgs(c, name), { cwd: dir, env: env(c), maxBuffer: 64 * 1024 * 1024 });
        kubectl.set(n, parseOutput(stdout)[0]!);
      } catch (err) {
        kubectl.set(n, { ok: false, error: String((err as { stderr?: string }).stderr ?? err).trim().replace(/^error: /, '') });
      }
    });
  }, 120_000);

  // kustomize: every generic case our code accepts, in one kustomization; the others one by one
  const kustomizable = indexed.filter(({ c }) => c.command === 'generic' && c.kustomize !== false);
  const ourKustomize = ({ c, dir, name }: (typeof indexed)[number]) => {
    const a = (c as Extract<SecretCase, { command: 'generic' }>).args;
    return kustomizeSecret({ name, type: a.type, envs: a.fromEnvFile, literals: a.fromLiteral, files: a.fromFile }, readPathFromFs(dir));
  };
  const list = (key: string, items: readonly string[] | undefined) => (items?.length ? `  ${key}:\n${items.map((i) => `  - ${yamlString(i)}\n`).join('')}` : '');
  const entry = (name: string, a: Omit<KubectlSecretArgs, 'name'>, prefix: (p: string) => string) =>
    `- name: ${name}\n${a.type !== undefined ? `  type: ${yamlString(a.type)}\n` : ''}${list('envs', a.fromEnvFile?.map(prefix))}${list('literals', a.fromLiteral)}${list('files', a.fromFile?.map(prefix))}`;
  const runKustomize = (dir: string, text: string): Outcome[] => {
    fs.writeFileSync(path.join(dir, 'kustomization.yaml'), `secretGenerator:\n${text}`);
    try {
      return parseOutput(execFileSync('kubectl', ['kustomize', dir], { cwd: dir, env: env({} as SecretCase), stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8'));
    } catch (err) {
      return [{ ok: false, error: String((err as { stderr?: Buffer }).stderr ?? err).trim() }];
    } finally {
      fs.rmSync(path.join(dir, 'kustomization.yaml'));
    }
  };
  const kustomize = new Map<number, Outcome>();
  let batchAccepted = false;
  if (kustomizable.length > 0) {
    const accepted = kustomizable.filter((i) => ourKustomize(i).ok);
    const prefix = (n: number) => (p: string) => (p.includes('=') ? p.replace('=', `=case-${n}/`) : `case-${n}/${p}`);
    const batch = runKustomize(root, accepted.map((i) => entry(i.name, (i.c as Extract<SecretCase, { command: 'generic' }>).args, prefix(i.n))).join(''));
    batchAccepted = batch[0]?.ok === true;
    if (batchAccepted) for (const o of batch) kustomize.set(Number(/^s-(\d+)/.exec(o.name ?? '')?.[1]), o);
    for (const i of kustomizable) if (!kustomize.has(i.n)) kustomize.set(i.n, runKustomize(i.dir, entry(i.name, (i.c as Extract<SecretCase, { command: 'generic' }>).args, (p) => p))[0]!);
    it('kustomize accepts, in one kustomization, every input our code accepts', () => {
      expect(batchAccepted).toBe(true);
    });
  }

  const noValueIn = (c: SecretCase, error: string) => {
    for (const secret of c.secrets ?? []) expect(error, 'an error message quotes a secret value').not.toContain(secret);
  };

  describe.each(indexed)('$c.title', (i) => {
    const { c, n, dir, name } = i;
    it(`kubectl create secret ${c.command} (with and without --append-hash)`, () => {
      const real = kubectl.get(n)!;
      const hashed = ours(c, name, dir, true);
      const plain = ours(c, name, dir, false);
      if (!real.ok) {
        expect(hashed).toEqual({ ok: false, error: c.ourError ?? redactKubectlError(real.error!) });
        expect(plain).toEqual(hashed);
        if (!hashed.ok) noValueIn(c, hashed.error);
      } else {
        const { ok: _, ...value } = real;
        expect(hashed).toEqual({ ok: true, value });
        expect(plain).toEqual({ ok: true, value: { ...value, name } });
      }
    });

    if (kustomize.has(n)) it('kubectl kustomize (secretGenerator)', () => {
      const real = kustomize.get(n)!;
      const result = ourKustomize(i);
      if (!real.ok) {
        expect(result.ok).toBe(false);
        if (!result.ok) noValueIn(c, result.error);
      } else {
        expect(result.ok && { name: result.value.name, type: result.value.type, data: result.value.data }).toEqual({ name: real.name, type: real.type, data: real.data });
      }
    });
  });
}
