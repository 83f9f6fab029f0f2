/**
 * Differential test: every input goes through the real `kubectl` (apimachinery's `ParseQuantity` and
 * `Quantity.String()`) and through {@link Quantity}; the printed canonical form, or the error text, must match.
 *
 * Valid inputs share one Pod manifest (one extended-resource key each), so one kubectl call canonicalizes them
 * all. kubectl rejects a manifest as a whole when one quantity in it is bad, so inputs we reject are run one by
 * one through `--limits=cpu=<x>`, which calls `ParseQuantity` on the flag value and prints its error.
 */
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { Quantity } from './quantity';

const execFileAsync = promisify(execFile);

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Edge cases written by hand: every suffix, exponents, signs, zeros, precision limits, caps, all error kinds. */
const HAND_WRITTEN: readonly string[] = [
  // every suffix
  '1n', '1u', '1m', '1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei',
  '5n', '7u', '250m', '3k', '9M', '2G', '4T', '6P', '8E', '3Ki', '5Mi', '7Gi', '9Ti', '2Pi', '7Ei', '8Ei',
  // canonical forms from the docs and apimachinery's comments
  '0.5', '1.5', '1.5Gi', '1000m', '129M', '129e6', '123Mi', '128974848', '100Mi', '200Mi', '700m', '1G', '2Gi',
  '1024', '1023', '1025', '1024Ki', '1536Ki', '1048576', '0.5Gi', '0.5Ki', '1.5Ki', '1.1Ki', '1023Ki', '2048Mi',
  // exponents
  '1e3', '1E3', '1e-3', '1E-3', '1e+3', '1e0', '1e1', '1e2', '1e9', '1e-9', '1e-10', '12e-10', '1.5e3',
  '1e18', '1e19', '1e100', '1e-100', '-1e3', '+1e3', '0e5', '1e2147483647', '0.1e-2147483648', '1e4294967296',
  '5e06', '1e-12', '15e-1', '1000e-3',
  // decimals and leading zeros
  '0.1', '0.001', '0.0001', '0.000000001', '0.0000000001', '0.0000000015', '1.', '.5', '+.5', '-.5', '00', '000',
  '007', '0007.5', '00.5', '0.50', '1.000', '1.0001', '12.345', '1.23456789012345678', '0.1n', '0.9n', '1.5n',
  '-0.1n', '1.5u', '1.5m', '1.234k', '0.0', '-0', '+0', '-0.0', '0m', '0Ki', '0.0Gi', '1.Gi', '+.', '.',
  '-.', 'm', 'Ki', 'k', '+', '-',
  // signs
  '-1', '+1', '-1.5', '-1.5Gi', '-1Ki', '-1023Ki', '-0.5Ki', '-1000m', '-129M', '+129M', '-8Ei', '-1000E',
  // int64 limits and the fast/slow path boundary
  '9223372036854775807', '9223372036854775808', '-9223372036854775808', '18446744073709551616',
  '999999999999999999', '1000000000000000000', '123456789012345678', '1234567890123456789', '12345678901234567890',
  '9223372036854775807m', '9223372036854775808m', '99999999999999999999E', '1000E', '1000000E', '1000P', '8191Pi',
  '8192Pi', '8388607Ti', '8388608Ti', '12345678901234Ki', '123456789012345Ki', '999999999999Mi', '0.1Ei',
  '1.5Ei', '7.999Ei', '1234567.891234567Mi', '0.000000000001Ki',
  // errors: regular expression, suffix, numeric
  '', '12XB', 'abc', '1 ', ' 1', '1.2.3', '1..', '..5', '1-', '1e-', '1e+', '1ee', '++1', '--1', '+-1', '1Mi5',
  '1Mib', '1KiB', 'x1', '1e3.5', '1e', '1E+', '1Ee', '1eE3', '3kk', '1i', '1K', '1mi', '1Ki1', '1KI', '1ki',
  '1iE', '1e99999999999999999999', '1e-x', '1Mi-', '+Ei', '-Ki', '.Mi', '+.Gi', '.e3', '-e3', 'e3', 'Ei', '-Ei',
  '.e-10', '+e-12', 'e-10', '-Pi', '.Pi', '+.Ei', '-.n', '-Ti', '.e-9',
];

/** Numbers are read from their JSON text, as the API server reads an unquoted quantity. */
const NUMBERS: readonly number[] = [3, 0.5, 0.1, 1.5, 100, 1e21, 1e-7, 129e6, 123456789, -2, 0, 1024, 0.001, 2.5e-10];

/** Deterministic PRNG (mulberry32), so every run compares the same inputs. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUFFIXES = ['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
/** Suffix spellings that are wrong in some way (regular-expression or suffix errors). */
const BAD_SUFFIXES = ['K', 'KiB', 'mi', 'kk', 'X', 'e+', 'i', 'B', 'Ki2', 'mm', 'e', 'E-', 'iE', 'nu', '.', '..', '%'];
/** Characters inserted at random places to make odd spellings. */
const NOISE = 'eEinumkKMGTPx.+-0123456789';

/** Generates `count` distinct quantity spellings, valid and invalid, from a fixed seed. */
function generateInputs(seed: number, count: number): string[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (n: number): string => Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('');
  const out = new Set<string>();
  while (out.size < count) {
    let s = pick(['', '', '', '', '+', '-']);
    if (random() < 0.2) s += '0'.repeat(1 + Math.floor(random() * 3));
    const intLength = random() < 0.15 ? 15 + Math.floor(random() * 6) : Math.floor(random() * 7);
    s += digits(intLength);
    if (random() < 0.4) s += '.' + digits(Math.floor(random() * (random() < 0.2 ? 14 : 5)));
    const r = random();
    if (r < 0.6) s += pick(SUFFIXES);
    else if (r < 0.85) {
      s += pick(['e', 'E']) + pick(['', '', '+', '-']) + digits(1 + Math.floor(random() * 2));
    } else s += pick(BAD_SUFFIXES);
    if (random() < 0.08) {
      const at = Math.floor(random() * (s.length + 1));
      s = s.slice(0, at) + pick([...NOISE]) + s.slice(at);
    }
    out.add(s);
  }
  return [...out];
}

const GENERATED = generateInputs(0x5eed, 420);
const INPUTS = [...new Set([...HAND_WRITTEN, ...GENERATED])];
const VALID = INPUTS.filter((x) => Quantity.tryParse(x).ok);
const INVALID = INPUTS.filter((x) => !Quantity.tryParse(x).ok);

/** What kubectl printed for one input: the canonical string, or the error message. */
type KubectlResult = { readonly value: string } | { readonly error: string };

function ours(input: string | number): KubectlResult {
  const r = Quantity.tryParse(input);
  return r.ok ? { value: r.quantity.toString() } : { error: r.message };
}

function podJson(requests: Record<string, string | number>): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'quantities' },
    spec: { containers: [{ name: 'c', image: 'i', resources: { requests } }] },
  });
}

/** The requests/limits of the printed Pod; YAML is read with the failsafe schema, so every scalar is a string. */
function printedResources(yaml: string, which: 'requests' | 'limits'): Record<string, string> {
  const pod = parseYaml(yaml, { schema: 'failsafe' }) as {
    spec: { containers: [{ resources: Record<string, Record<string, string>> }] };
  };
  return pod.spec.containers[0].resources[which] ?? {};
}

const KUBECTL_ENV = { ...process.env, KUBECONFIG: '/dev/null' };

describe.skipIf(!onPath('kubectl'))('Quantity against kubectl (apimachinery)', () => {
  // created in beforeAll, so a skipped suite leaves nothing behind
  let dir = '';
  let emptyPod = '';
  const kubectlResults = new Map<string, KubectlResult>();
  const numberResults = new Map<number, string>();

  /** One input through `--limits=cpu=<x>`: kubectl's `ParseQuantity` on the raw flag text. */
  async function viaLimitsFlag(input: string): Promise<KubectlResult> {
    try {
      const { stdout } = await execFileAsync(
        'kubectl',
        ['set', 'resources', '--local', '-f', emptyPod, `--limits=cpu=${input}`, '-o', 'yaml'],
        { env: KUBECTL_ENV },
      );
      return { value: printedResources(stdout, 'limits').cpu! };
    } catch (e) {
      const stderr = String((e as { stderr?: string }).stderr ?? e).trim();
      return { error: stderr.replace(/^error: /, '') };
    }
  }

  async function allViaLimitsFlag(inputs: readonly string[]): Promise<void> {
    const queue = [...inputs];
    const worker = async (): Promise<void> => {
      for (let x = queue.shift(); x !== undefined; x = queue.shift()) kubectlResults.set(x, await viaLimitsFlag(x));
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }

  /**
   * Inputs we reject, one manifest each, in ONE kubectl call: kubectl reports every file it cannot decode as
   * `unable to decode "<file>": <ParseQuantity error>`. A file without such a line was accepted by kubectl:
   * it is rerun through the flag to get the printed value, so the comparison shows the disagreement.
   * The file path trims spaces (`UnmarshalJSON`), the flag does not: inputs with spaces go through the flag.
   */
  async function rejectedInputs(inputs: readonly string[]): Promise<void> {
    const viaFiles = inputs.filter((x) => x.trim() === x);
    const files = viaFiles.map((x, i) => {
      const file = join(dir, `bad${i}.json`);
      writeFileSync(file, podJson({ cpu: x }));
      return file;
    });
    const args = ['set', 'resources', '--local', ...files.flatMap((f) => ['-f', f]), '--limits=cpu=1', '-o', 'yaml'];
    const stderr = await execFileAsync('kubectl', args, { env: KUBECTL_ENV }).then(
      (r) => r.stderr,
      (e: { stderr?: string }) => e.stderr ?? '',
    );
    const byFile = new Map<string, string>();
    for (const line of stderr.split('\n')) {
      const m = /^(?:error: )?unable to decode "(.*)": (.*)$/.exec(line);
      if (m) byFile.set(m[1]!, m[2]!);
    }
    viaFiles.forEach((x, i) => {
      const error = byFile.get(files[i]!);
      if (error !== undefined) kubectlResults.set(x, { error });
    });
    const rest = inputs.filter((x) => !kubectlResults.has(x));
    await allViaLimitsFlag(rest);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quantity-diff-'));
    emptyPod = join(dir, 'empty.json');
    writeFileSync(emptyPod, podJson({}));
    const requests: Record<string, string | number> = {};
    VALID.forEach((x, i) => (requests[i === 0 ? 'cpu' : i === 1 ? 'memory' : `example.com/q${i}`] = x));
    NUMBERS.forEach((n, i) => (requests[`example.com/n${i}`] = n));
    const manifest = join(dir, 'pod.json');
    writeFileSync(manifest, podJson(requests));
    let printed: Record<string, string> | undefined;
    try {
      const stdout = execFileSync(
        'kubectl',
        ['set', 'resources', '--local', '-f', manifest, '--limits=example.com/marker=1', '-o', 'yaml'],
        { env: KUBECTL_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      printed = printedResources(stdout, 'requests');
    } catch {
      // some input we accept was rejected: fall through and find it one by one
    }
    if (printed) {
      VALID.forEach((x, i) => kubectlResults.set(x, { value: printed[i === 0 ? 'cpu' : i === 1 ? 'memory' : `example.com/q${i}`]! }));
      NUMBERS.forEach((n, i) => numberResults.set(n, printed[`example.com/n${i}`]!));
    } else {
      await allViaLimitsFlag(VALID);
    }
    await rejectedInputs(INVALID);
  }, 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('compares at least 300 distinct inputs, valid and invalid', () => {
    expect(INPUTS.length).toBeGreaterThanOrEqual(300);
    expect(VALID.length).toBeGreaterThan(150);
    expect(INVALID.length).toBeGreaterThan(50);
  });

  it.each(VALID)('canonicalizes %j as kubectl does', (input) => {
    expect(ours(input)).toEqual(kubectlResults.get(input));
  });

  it.each(INVALID)('rejects %j with kubectl\'s message', (input) => {
    expect(ours(input)).toEqual(kubectlResults.get(input));
  });

  it.each(NUMBERS)('reads the number %d as kubectl reads it', (n) => {
    expect(ours(n)).toEqual({ value: numberResults.get(n) });
  });
});
