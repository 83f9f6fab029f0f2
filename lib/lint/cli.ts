/**
 * `podkit`: the rules of this library over manifests written by any tool.
 *
 *   podkit lint [--pss baseline|restricted] [--cluster PROFILE] [--format text|json] [--strict] FILES… | -
 *   podkit explain [--format text|json] FILES… | -
 *   podkit rules
 *
 * Exit codes: 0 clean (warnings alone unless --strict), 1 violations, 2 unreadable or unparseable input,
 * a bad command line, or an option whose check this build does not have.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RULE_AREAS } from '../rules/areas';
import { checkProfile } from './cluster-profile';
import { explainSourced } from './explain';
import { LINT_EXTENSIONS, NotAvailableError, PSS_LEVELS, type LintExtensions, type PssLevel } from './extensions';
import { explainJson, formatExplainText, formatLintText, lintJson, readErrorJson } from './format';
import { assertAvailable, failingFindings, lintSourced, type LintOptions } from './lint';
import { ManifestReadError, readManifests, readYamlDocuments, type Source, type SourcedObject } from './read';

/** Where the CLI reads and writes; the real process streams in bin/podkit.ts, strings in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: () => string;
}

export const USAGE = `usage:
  podkit lint [--pss baseline|restricted] [--cluster PROFILE] [--format text|json] [--strict] FILES… | -
  podkit explain [--format text|json] FILES… | -
  podkit rules
`;

class UsageError extends Error {}

const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/;

/** The sources named on the command line: files, directories (their *.yaml, *.yml, *.json, as kubectl -f) or `-`. */
export function readSources(args: readonly string[], io: CliIo): Source[] {
  const out: Source[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push({ file: '<stdin>', text: io.stdin() });
      continue;
    }
    try {
      if (statSync(arg).isDirectory()) {
        for (const name of readdirSync(arg).filter((n) => MANIFEST_EXTENSIONS.test(n)).sort()) {
          const file = join(arg, name);
          out.push({ file, text: readFileSync(file, 'utf8') });
        }
      } else {
        out.push({ file: arg, text: readFileSync(arg, 'utf8') });
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ManifestReadError(arg, undefined, `cannot read: ${code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
    }
  }
  return out;
}

function readAll(sources: readonly Source[]): SourcedObject[] {
  return sources.flatMap((s) => readManifests(s));
}

function formatOf(value: string | undefined): 'text' | 'json' {
  if (value === undefined || value === 'text' || value === 'json') return value ?? 'text';
  throw new UsageError(`--format: must be text or json, not ${JSON.stringify(value)}`);
}

function pssOf(value: string | undefined): PssLevel | undefined {
  if (value === undefined || (PSS_LEVELS as readonly string[]).includes(value)) return value as PssLevel | undefined;
  throw new UsageError(`--pss: must be one of ${PSS_LEVELS.join(', ')}, not ${JSON.stringify(value)}`);
}

function lint(args: string[], io: CliIo, extensions: LintExtensions): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { pss: { type: 'string' }, cluster: { type: 'string' }, format: { type: 'string' }, strict: { type: 'boolean' } },
  });
  const format = formatOf(values.format);
  if (positionals.length === 0) throw new UsageError('lint: no files given (use - for stdin)');
  const wanted: LintOptions = { pss: pssOf(values.pss), cluster: values.cluster === undefined ? undefined : true };
  assertAvailable(wanted, extensions);
  let cluster: unknown;
  if (values.cluster !== undefined) {
    const docs = readYamlDocuments(readSources([values.cluster], io)[0]!);
    if (docs.length !== 1) throw new ManifestReadError(values.cluster, undefined, `a cluster profile is one YAML document, found ${docs.length}`);
    cluster = docs[0];
    checkProfile(values.cluster, cluster, extensions);
  }
  const report = lintSourced(readAll(readSources(positionals, io)), { pss: wanted.pss, cluster }, extensions);
  const failed = failingFindings(report, values.strict ?? false).length > 0;
  io.stdout(format === 'json' ? `${JSON.stringify(lintJson(report, failed), null, 2)}\n` : formatLintText(report));
  return failed ? 1 : 0;
}

function explain(args: string[], io: CliIo, extensions: LintExtensions): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' } } });
  const format = formatOf(values.format);
  if (positionals.length === 0) throw new UsageError('explain: no files given (use - for stdin)');
  const explained = explainSourced(readAll(readSources(positionals, io)), extensions);
  io.stdout(format === 'json' ? `${JSON.stringify(explainJson(explained), null, 2)}\n` : formatExplainText(explained));
  return 0;
}

function rules(io: CliIo): number {
  for (const [area, table] of Object.entries(RULE_AREAS)) {
    for (const rule of Object.values(table)) io.stdout(`${rule.id}\t${rule.severity}\t${area}\t${rule.docs}\t${rule.docsEn}\n`);
  }
  return 0;
}

/** Runs one podkit command line and returns its exit code. */
export function runCli(argv: readonly string[], io: CliIo, extensions: LintExtensions = LINT_EXTENSIONS): number {
  const [command, ...args] = argv;
  const json = args.includes('--format=json') || args.some((a, i) => a === '--format' && args[i + 1] === 'json');
  try {
    switch (command) {
      case 'lint':
        return lint(args, io, extensions);
      case 'explain':
        return explain(args, io, extensions);
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
      if (json) io.stdout(`${JSON.stringify(readErrorJson(e), null, 2)}\n`);
      io.stderr(`podkit: ${e.message}\n`);
      return 2;
    }
    if (e instanceof NotAvailableError) {
      if (json) io.stdout(`${JSON.stringify(readErrorJson(e), null, 2)}\n`);
      io.stderr(`podkit: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`podkit: ${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}
