/**
 * `podkit`: the rules of this library over manifests written by any tool.
 *
 *   podkit lint [--pss LEVEL[:VERSION]] [--cluster PROFILE] [--kubernetes-version 1.N] [--format text|json|sarif] [--strict] [--allow-empty] [BOUNDS] FILES|DIRS… | -
 *   podkit explain [--format text|json] [BOUNDS] FILES… | -
 *   BOUNDS: [--max-document-tokens N] [--max-document-length N]
 *   podkit rules
 *
 * Exit codes: 0 clean (warnings alone unless --strict), 1 violations, 2 when any input was unreadable or
 * unparseable (the other inputs are still linted and reported), when there were no objects at all (unless
 * --allow-empty), or on a bad command line. Folders are searched
 * recursively; YAML that is not a Kubernetes object (./skip.ts) is listed as skipped, not fatal.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RULE_AREAS } from '../rules/areas';
import { chainsawAssertions, CHAINSAW_TEST_FILE } from './chainsaw';
import { checkProfile } from './cluster-profile';
import { explainSourced, type ExplainedObject } from './explain';
import { parseKubernetesVersion, type KubernetesVersion } from '../kubernetes-version';
import { pssPolicyError, type PssPolicy } from './pss';
import { boundMessage, escapeForTerminal, explainJson, formatExplainText, formatLintText, formatSkipped, formatUnreadable, lintJson, lintJsonError, stringifyForTerminal } from './format';
import { failingFindings, LintSession, type LintReport } from './lint';
import {
  decodeManifest,
  DocumentTooLargeError,
  fileBytes,
  ManifestReadError,
  MAX_DOCUMENT_LENGTH,
  MAX_DOCUMENT_TOKENS,
  readDocuments,
  readManifestBytes,
  readManifestFile,
  readStream,
  readYamlDocuments,
  type MAX_STREAM_BYTES,
  type ReadItem,
  type ReadOptions,
  type Source,
} from './read';
import { lintSarif } from './sarif';
import { skipReasonOfFile } from './skip';

/** Where the CLI reads and writes; the real process streams in bin/podkit.ts, strings in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The whole of stdin (bytes, to be decoded as a manifest file is); may throw (stdin is a directory: EISDIR). */
  readonly stdin: () => string | Uint8Array;
}

export const USAGE = `usage:
  podkit lint [--pss LEVEL[:VERSION]] [--cluster PROFILE] [--kubernetes-version 1.N] [--format text|json|sarif] [--strict] [--allow-empty] [BOUNDS] FILES|DIRS… | -
  podkit explain [--format text|json] [BOUNDS] FILES… | -
  podkit rules
BOUNDS (the largest document read; a larger one is refused, exit 2):
  --max-document-tokens N   YAML tokens (default ${MAX_DOCUMENT_TOKENS.toLocaleString('en')}, about 3 MiB of manifests)
  --max-document-length N   characters (default ${MAX_DOCUMENT_LENGTH.toLocaleString('en')}, 16 MiB)
`;

class UsageError extends Error {}

const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/i;
/** Folders never searched: version control and installed packages. */
const IGNORED_FOLDERS = new Set(['.git', 'node_modules']);

/** One input of a run: a file found on the command line or in a folder, or stdin. */
export interface Input {
  readonly file: string;
  /** Reads the bytes (or text) of the input; throws as the file system does. */
  readonly read: () => string | Uint8Array;
  /** The path of a file on disk, read in chunks when linted ({@link readManifestFile}); absent for stdin. */
  readonly path?: string;
  /** Whether the folder's listing said it is a regular file (no `stat` needed to tell it from a pipe or a device). */
  readonly regular?: boolean;
}

function cannotRead(file: string, e: unknown): ManifestReadError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory (EISDIR)' : code === 'EACCES' ? 'permission denied (EACCES)' : escapeForTerminal((e as Error).message ?? String(e));
  return new ManifestReadError(file, undefined, `cannot read: ${why}`);
}

/** The bytes of a file named as input: a regular file whole, a pipe or a device up to {@link MAX_STREAM_BYTES}. */
function readInputFile(path: string): Uint8Array {
  return statSync(path).isFile() ? readFileSync(path) : readStream(path, path);
}

/**
 * The inputs named on the command line, in order: files, folders searched recursively for *.yaml, *.yml and
 * *.json (sorted, without .git and node_modules, each folder once however linked), or `-` for stdin. An input
 * that cannot be listed is returned as an error in its place, so that the others are still read.
 */
export function listInputs(args: readonly string[], io: CliIo): (Input | ManifestReadError)[] {
  const out: (Input | ManifestReadError)[] = [];
  const visited = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(dir);
      if (visited.has(real)) return;
      visited.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      out.push(cannotRead(dir, e));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link is not an input
        }
      }
      if (isDir && !IGNORED_FOLDERS.has(entry.name)) walk(path);
      else if (isFile && MANIFEST_EXTENSIONS.test(entry.name)) out.push({ file: path, read: () => readInputFile(path), path, regular: true });
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      out.push({ file: '<stdin>', read: io.stdin });
      continue;
    }
    try {
      if (statSync(arg).isDirectory()) walk(arg);
      else out.push({ file: arg, read: () => readInputFile(arg), path: arg });
    } catch (e) {
      out.push(cannotRead(arg, e));
    }
  }
  return out;
}

/** The text of one input, decoded as Kubernetes decodes a file. */
function sourceOf(input: Input): Source {
  let content: string | Uint8Array;
  try {
    content = input.read();
  } catch (e) {
    throw e instanceof ManifestReadError ? e : cannotRead(input.file, e);
  }
  return typeof content === 'string' ? { file: input.file, text: content } : decodeManifest(input.file, content);
}

/** The largest document read (`--max-document-tokens`, `--max-document-length`); unset, the reader's defaults. */
type Bounds = ReadOptions['maxDocument'];

/**
 * The objects and skipped documents of one input, read leniently (linting) or not (explaining): a file on disk in
 * chunks, stdin whole (it cannot be read again, so its text is kept for the findings located after the run).
 * A document beyond the bounds fails with the flags that raise them named.
 */
function* itemsOf(input: Input, lenient = true, bounds: Bounds = undefined): Generator<ReadItem> {
  const options = { lenient, ...(bounds ? { maxDocument: bounds } : {}) };
  try {
    if (input.path === undefined) yield* readDocuments(sourceOf(input), options);
    else if (input.regular) yield* readManifestBytes(input.path, fileBytes(input.path), options);
    else yield* readManifestFile(input.path, options);
  } catch (e) {
    if (e instanceof DocumentTooLargeError) throw new ManifestReadError(e.file, e.position, `${e.detail}, or raise the bounds (--max-document-tokens, --max-document-length)`);
    throw input.path !== undefined && e instanceof Error && 'syscall' in e ? cannotRead(input.file, e) : e;
  }
}

/** A bound given on the command line: a whole number of at least 1. */
function boundOf(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag}: must be a whole number of at least 1, not ${JSON.stringify(value)}`);
  return n;
}

/** The bounds given by `--max-document-tokens` and `--max-document-length`, if any. */
function boundsOf(values: { readonly 'max-document-tokens'?: string; readonly 'max-document-length'?: string }): Bounds {
  const tokens = boundOf('--max-document-tokens', values['max-document-tokens']);
  const length = boundOf('--max-document-length', values['max-document-length']);
  return tokens === undefined && length === undefined ? undefined : { ...(tokens !== undefined ? { tokens } : {}), ...(length !== undefined ? { length } : {}) };
}

/** The options of the bounds, for `parseArgs`. */
const BOUND_OPTIONS = { 'max-document-tokens': { type: 'string' }, 'max-document-length': { type: 'string' } } as const;

/** The sources named on the command line (files, folders, `-`), read strictly: the first unreadable one throws. */
export function readSources(args: readonly string[], io: CliIo): Source[] {
  return listInputs(args, io).map((input) => {
    if (input instanceof ManifestReadError) throw input;
    return sourceOf(input);
  });
}

type Format = 'text' | 'json' | 'sarif';

function formatOf(value: string | undefined, allowed: readonly Format[] = ['text', 'json']): Format {
  if (value === undefined) return 'text';
  if ((allowed as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`--format: must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not ${JSON.stringify(value)}`);
}

function pssOf(value: string | undefined): PssPolicy | undefined {
  const error = value === undefined ? undefined : pssPolicyError(value);
  if (error !== undefined) throw new UsageError(`--pss: ${error}`);
  return value as PssPolicy | undefined;
}

function kubernetesVersionOf(value: string | undefined): KubernetesVersion | undefined {
  if (value === undefined) return undefined;
  const parsed = parseKubernetesVersion(value);
  if (!parsed.ok) throw new UsageError(`--kubernetes-version: ${parsed.error}`);
  return parsed.version;
}

/**
 * The files the kustomizations among the inputs name as patches (`patches[].path`, `patchesStrategicMerge`,
 * `patchesJson6902[].path`), resolved from each kustomization's folder: partial objects, meaningful only once
 * kustomize applies them; and the files their `configMapGenerator`/`secretGenerator` pack into a ConfigMap or
 * Secret (`files`, as `path` or `key=path`): data, not objects; and the files chainsaw tests assert
 * (./chainsaw.ts). Each maps to the reason it is skipped. A kustomization that cannot be read names none (it is
 * skipped by its name anyway).
 */
export function kustomizePatches(inputs: readonly (Input | ManifestReadError)[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const input of inputs) {
    const chainsaw = !(input instanceof ManifestReadError) && CHAINSAW_TEST_FILE.test(basename(input.file));
    if (input instanceof ManifestReadError || !(chainsaw || /^kustomization\.ya?ml$/i.test(basename(input.file)))) continue;
    let docs: unknown[];
    try {
      docs = readYamlDocuments(sourceOf(input));
    } catch {
      continue;
    }
    if (chainsaw) {
      for (const [file, reason] of chainsawAssertions(input.file, docs)) if (!out.has(file)) out.set(file, reason);
      continue;
    }
    const k = docs[0] as Record<string, unknown> | null;
    if (!k || typeof k !== 'object') continue;
    const paths: unknown[] = [];
    for (const field of ['patches', 'patchesJson6902']) if (Array.isArray(k[field])) paths.push(...(k[field] as { path?: unknown }[]).map((p) => p?.path));
    if (Array.isArray(k.patchesStrategicMerge)) paths.push(...k.patchesStrategicMerge);
    for (const p of paths) {
      if (typeof p === 'string' && !p.includes('\n')) out.set(resolve(dirname(input.file), p), `a kustomize patch (named in ${input.file}): lint the output of kubectl kustomize`);
    }
    for (const field of ['configMapGenerator', 'secretGenerator']) {
      if (!Array.isArray(k[field])) continue;
      for (const generator of k[field] as { files?: unknown }[]) {
        if (!Array.isArray(generator?.files)) continue;
        for (const entry of generator.files) {
          if (typeof entry !== 'string' || entry.includes('\n')) continue;
          const file = resolve(dirname(input.file), entry.slice(entry.indexOf('=') + 1));
          if (!out.has(file)) out.set(file, `data of a kustomize ${field} (named in ${input.file}), not an object: lint the output of kubectl kustomize`);
        }
      }
    }
  }
  return out;
}

/**
 * Lints every input into one session: each file read document by document, a file that cannot be read
 * recorded with its position while the others are still read.
 */
export function lintInputs(inputs: readonly (Input | ManifestReadError)[], session: LintSession, bounds: Bounds = undefined): LintReport {
  const patches = kustomizePatches(inputs);
  for (const input of inputs) {
    if (input instanceof ManifestReadError) {
      session.fail(input);
      continue;
    }
    const byName = skipReasonOfFile(input.file);
    const patchOf = input.file === '<stdin>' ? undefined : patches.get(resolve(input.file));
    if (byName || patchOf) {
      session.skip({ file: input.file, position: { line: 1, col: 1 }, reason: byName ?? patchOf! });
      continue;
    }
    try {
      for (const item of itemsOf(input, true, bounds)) {
        if (item.type === 'object') session.add(item.sourced);
        else session.skip(item.skipped);
      }
    } catch (e) {
      if (!(e instanceof ManifestReadError)) throw e;
      session.fail(e);
    }
  }
  return session.finish();
}

/** Exit code of a lint run: 2 when an input was unreadable or there was nothing to lint, 1 on findings that fail, else 0. */
export function lintExitCode(report: LintReport, options: { readonly strict?: boolean; readonly allowEmpty?: boolean } = {}): number {
  if (report.unreadable.length > 0) return 2;
  if (report.objects === 0 && !options.allowEmpty) return 2;
  return failingFindings(report, options.strict ?? false).length > 0 ? 1 : 0;
}

function lint(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { pss: { type: 'string' }, cluster: { type: 'string' }, format: { type: 'string' }, strict: { type: 'boolean' }, 'allow-empty': { type: 'boolean' }, 'kubernetes-version': { type: 'string' }, ...BOUND_OPTIONS },
  });
  const format = formatOf(values.format, ['text', 'json', 'sarif']);
  const bounds = boundsOf(values);
  if (positionals.length === 0) throw new UsageError('lint: no files given (use - for stdin)');
  const pss = pssOf(values.pss);
  let cluster: unknown;
  if (values.cluster !== undefined) {
    const docs = readYamlDocuments(readSources([values.cluster], io)[0]!);
    if (docs.length !== 1) throw new ManifestReadError(values.cluster, undefined, `a cluster profile is one YAML document, found ${docs.length}`);
    cluster = checkProfile(values.cluster, docs[0]);
  }
  const report = lintInputs(listInputs(positionals, io), new LintSession({ pss, cluster, kubernetesVersion: kubernetesVersionOf(values['kubernetes-version']) }), bounds);
  const allowEmpty = values['allow-empty'] ?? false;
  const code = lintExitCode(report, { strict: values.strict ?? false, allowEmpty });
  if (format === 'json') io.stdout(`${stringifyForTerminal(lintJson(report, code))}\n`);
  else if (format === 'sarif') io.stdout(`${stringifyForTerminal(lintSarif(report, code))}\n`);
  else io.stdout(formatLintText(report));
  for (const e of report.unreadable) io.stderr(`podkit: ${formatUnreadable(e)}\n`);
  if (format === 'text') for (const s of report.skipped) io.stderr(`podkit: ${formatSkipped(s)}\n`);
  if (report.objects === 0 && report.unreadable.length === 0 && !allowEmpty) {
    const skipped = report.skipped.length > 0 ? ` (${report.skipped.length} document${report.skipped.length === 1 ? '' : 's'} skipped)` : '';
    io.stderr(`podkit: no Kubernetes objects in the input${skipped}: nothing was linted (--allow-empty accepts that)\n`);
  }
  return code;
}

function explain(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, ...BOUND_OPTIONS } });
  const format = formatOf(values.format);
  const bounds = boundsOf(values);
  if (positionals.length === 0) throw new UsageError('explain: no files given (use - for stdin)');
  // Each object is explained as it is read, then dropped (a file of any size is read in chunks, as by lint), and
  // printed at once as text; as JSON, its text is kept until the document can be closed. Names and values are
  // escaped for a terminal and each line of text is bounded, as lint's are.
  const objects: string[] = [];
  for (const input of listInputs(positionals, io)) {
    if (input instanceof ManifestReadError) throw input;
    for (const item of itemsOf(input, false, bounds)) {
      if (item.type !== 'object') continue;
      for (const explained of explainSourced([item.sourced])) {
        if (format === 'json') objects.push(stringifyForTerminal(explained).replace(/^/gm, '    '));
        else io.stdout(explainText(explained));
      }
    }
  }
  if (format === 'json') {
    // the text of JSON.stringify(explainJson(objects), null, 2), written an object at a time
    const head = JSON.stringify(explainJson([]), null, 2).replace(/\[\]\n\}$/, '');
    if (objects.length === 0) io.stdout(`${head}[]\n}\n`);
    else {
      io.stdout(`${head}[\n`);
      objects.forEach((text, i) => io.stdout(`${text}${i < objects.length - 1 ? ',' : ''}\n`));
      io.stdout('  ]\n}\n');
    }
  }
  return 0;
}

/** The text of one explained object, each line escaped for a terminal and bounded ({@link boundMessage}). */
function explainText(explained: ExplainedObject): string {
  return formatExplainText([explained])
    .split('\n')
    .map((line) => escapeForTerminal(boundMessage(line)))
    .join('\n');
}

function rules(io: CliIo): number {
  for (const [area, table] of Object.entries(RULE_AREAS)) {
    for (const rule of Object.values(table)) io.stdout(`${rule.id}\t${rule.severity}\t${area}\t${rule.docs}\t${rule.docsEn}\n`);
  }
  return 0;
}

/** Runs one podkit command line and returns its exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [command, ...args] = argv;
  const json = args.includes('--format=json') || args.some((a, i) => a === '--format' && args[i + 1] === 'json');
  try {
    // `podkit lint --help`: the usage, as `podkit help` prints it (an option after `--` is a file name)
    const ownArgs = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
    if ((command === 'lint' || command === 'explain') && (ownArgs.includes('--help') || ownArgs.includes('-h'))) {
      io.stdout(USAGE);
      return 0;
    }
    switch (command) {
      case 'lint':
        return lint(args, io);
      case 'explain':
        return explain(args, io);
      case 'rules':
        return rules(io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (e) {
    if (e instanceof ManifestReadError) {
      if (json && command === 'lint') io.stdout(`${stringifyForTerminal({ ...lintJsonError(e), unreadable: [{ file: e.file, ...(e.position ? { line: e.position.line, column: e.position.col } : {}), message: e.detail }] })}\n`);
      io.stderr(`podkit: ${formatUnreadable(e)}\n`);
      return 2;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`podkit: ${escapeForTerminal((e as Error).message, true)}\n${USAGE}`);
      return 2;
    }
    // a bug of podkit, not of the input: still no stack trace in a CI log, and never the exit code of a clean run
    io.stderr(`podkit: internal error: ${escapeForTerminal(boundMessage(e instanceof Error ? e.message : String(e)))} (please report it)\n`);
    return 2;
  }
}
