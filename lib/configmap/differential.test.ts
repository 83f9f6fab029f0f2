/**
 * Differential tests: every input goes through the real `kubectl create configmap … --dry-run=client`
 * (with and without `--append-hash`) and `kubectl kustomize`, and through our code; data, binaryData and
 * name must be identical, and where a tool fails ours must fail too (with kubectl's message).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { kubectlCreateConfigMap } from './kubectl';
import { kustomizeConfigMap } from './kustomize';
import { readPathFromFs } from './loader';

const REF = path.resolve(__dirname, '../../snapshots/reference/files');
const page = (rel: string) => fs.readFileSync(path.join(REF, rel));

/** A directory tree to write: file contents, subdirectories, symlinks. */
type Node = string | Uint8Array | { readonly dir: Tree } | { readonly symlink: string };
interface Tree {
  readonly [name: string]: Node;
}

interface Sources {
  readonly envFiles?: readonly string[];
  readonly files?: readonly string[];
  readonly literals?: readonly string[];
}

interface Case {
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

const bytes = (...b: number[]) => Uint8Array.from(b);
const BOM = '\ufeff';

const CASES: readonly Case[] = [
  // env files
  { title: "the page's game-env-file.properties", tree: { 'game.env': page('configmap-env/game-env-file.properties') }, sources: { envFiles: ['game.env'] } },
  { title: "the page's ui-env-file.properties", tree: { 'ui.env': page('configmap-env/ui-env-file.properties') }, sources: { envFiles: ['ui.env'] } },
  {
    title: 'two env files are merged',
    tree: { 'game.env': page('configmap-env/game-env-file.properties'), 'ui.env': page('configmap-env/ui-env-file.properties') },
    sources: { envFiles: ['game.env', 'ui.env'] },
  },
  { title: 'comments, blank lines and indentation', tree: { e: '# c\n\n   \n  a=1\n\t# indented comment\n\tb=2\n#x=3\n' }, sources: { envFiles: ['e'] } },
  { title: 'quotes are kept in env files', tree: { e: 'a="x"\nb=\'y\'\nc="unbalanced\nd=""\n' }, sources: { envFiles: ['e'] } },
  { title: 'a BOM on the first line is dropped', tree: { e: `${BOM}a=1\nb=2\n` }, sources: { envFiles: ['e'] } },
  { title: 'a BOM on a later line is part of the key', tree: { e: `a=1\n${BOM}b=2\n` }, sources: { envFiles: ['e'] } },
  { title: 'CRLF line ends', tree: { e: 'a=1\r\nb=2\r\n\r\nc=3' }, sources: { envFiles: ['e'] } },
  { title: "'=' inside values", tree: { e: 'a=b=c\nurl=http://x/?q=1&r=2\n' }, sources: { envFiles: ['e'] } },
  { title: "a line without '=' whose variable is set", tree: { e: 'PODKIT_TEST_VAR\nb=2\n' }, sources: { envFiles: ['e'] }, env: { PODKIT_TEST_VAR: 'from-env' } },
  { title: "a line without '=' whose variable is unset", tree: { e: 'PODKIT_UNSET_VAR\n' }, sources: { envFiles: ['e'] } },
  { title: 'a key starting with a digit', tree: { e: '1ABC=x\n' }, sources: { envFiles: ['e'] } },
  { title: 'an export prefix', tree: { e: 'export FOO=bar\n' }, sources: { envFiles: ['e'] } },
  { title: "a space before '='", tree: { e: 'KEY =v\n' }, sources: { envFiles: ['e'] } },
  { title: 'a key repeated in one env file', tree: { e: 'a=1\na=2\n' }, sources: { envFiles: ['e'] } },
  { title: 'a key repeated across env files', tree: { e: 'a=1\n', f: 'a=2\n' }, sources: { envFiles: ['e', 'f'] } },
  { title: 'empty values', tree: { e: 'a=\nb=\n' }, sources: { envFiles: ['e'] } },
  { title: 'unicode values', tree: { e: 'greeting=こんにちは\nemoji=😀\nhtml=<b>&amp;</b>\n' }, sources: { envFiles: ['e'] } },
  // kustomize folds U+2028 when it writes YAML (its hash is over the unfolded value), so only kubectl here
  { title: 'a line separator inside a value', tree: { e: 'sep=a\u2028b\n' }, sources: { envFiles: ['e'] }, tools: ['kubectl'] },
  { title: 'DEL and C1 controls in values (kustomize cannot write them)', tree: { e: 'a=x\u007fy\n' }, sources: { envFiles: ['e'] } },
  { title: 'U+0086 in a literal', sources: { literals: ['k=a\u0086b'] } },
  // kustomize reads kustomization.yaml as YAML 1.1, where U+0085 is a line break: it folds to a space
  // before the generator sees the literal (the generator itself keeps it: see the env-file case below)
  { title: 'U+0085 and U+00A0 in a literal', sources: { literals: ['k=a\u0085b\u00a0c'] }, tools: ['kubectl'] },
  { title: 'U+0085 in an env file', tree: { e: 'k=a\u0085b\n' }, sources: { envFiles: ['e'] }, lossyYaml: true },
  { title: 'NUL in a file', tree: { f: 'a\u0000b' }, sources: { files: ['f'] } },
  { title: 'U+FFFF in a file', tree: { f: 'a\uffffb' }, sources: { files: ['f'] } },
  { title: 'trailing white space and tabs are kept', tree: { e: 'a=1   \nb=\tx\t\nc=  \n' }, sources: { envFiles: ['e'] } },
  { title: 'a line that is not UTF-8', tree: { e: Uint8Array.from([...Buffer.from('a=1\nb='), 0xff, 0x0a]) }, sources: { envFiles: ['e'] } },
  { title: 'an empty env file', tree: { e: '' }, sources: { envFiles: ['e'] } },
  { title: 'an env file of comments only', tree: { e: '# one\n# two\n' }, sources: { envFiles: ['e'] } },
  { title: "'#' after a value is part of it", tree: { e: 'a=1 # not a comment\n' }, sources: { envFiles: ['e'] } },
  { title: 'a line of 64 KiB ends the scan silently', tree: { e: `a=1\nb=${'x'.repeat(70000)}\nc=3\n` }, sources: { envFiles: ['e'] } },
  { title: 'a line just under 64 KiB is read', tree: { e: `a=${'y'.repeat(65533)}\nc=3\n` }, sources: { envFiles: ['e'] } },
  { title: 'dots and dashes in keys', tree: { e: 'my.env-name=1\n_x=2\n-y=3\n' }, sources: { envFiles: ['e'] } },
  { title: "a key '..a'", tree: { e: '..a=1\n' }, sources: { envFiles: ['e'] } },
  { title: 'unicode white space before a key is trimmed', tree: { e: '\u00a0a=1\n\u3000b=2\n\u0085c=3\n' }, sources: { envFiles: ['e'] } },
  { title: 'form feed and vertical tab before a key', tree: { e: '\f\va=1\n\ufeffb=2\n' }, sources: { envFiles: ['e'] } },
  { title: 'a carriage return inside a value', tree: { e: 'a=x\ry\n\r\nb=2\r\r\n' }, sources: { envFiles: ['e'] } },
  { title: 'a non-ASCII key', tree: { e: 'ключ=1\n' }, sources: { envFiles: ['e'] } },
  { title: 'no newline after the last line', tree: { e: 'a=1\nb=2' }, sources: { envFiles: ['e'] } },
  { title: 'a missing env file', tree: {}, sources: { envFiles: ['nope.env'] } },
  // files and directories
  { title: "the page's configmap/ directory", tree: { configmap: { dir: { 'game.properties': page('configmap/game.properties'), 'ui.properties': page('configmap/ui.properties') } } }, sources: { files: ['configmap/'] }, tools: ['kubectl'] },
  { title: 'a key for a file (game-special-key)', tree: { 'game.properties': page('configmap/game.properties') }, sources: { files: ['game-special-key=game.properties'] } },
  {
    title: 'a directory with a subdirectory, a symlink and a hidden file',
    tree: { d: { dir: { a: 'A', '.hidden': 'H', sub: { dir: { inner: 'I' } }, link: { symlink: 'a' } } } },
    sources: { files: ['d'] },
    tools: ['kubectl'],
  },
  { title: 'a directory holding a file whose name is not a key', tree: { d: { dir: { 'bad key': 'x', ok: 'y' } } }, sources: { files: ['d'] }, tools: ['kubectl'] },
  { title: "a file named '..x'", tree: { '..x': 'v' }, sources: { files: ['..x'] } },
  { title: 'binary content goes to binaryData', tree: { 'bin.dat': bytes(0xff, 0xfe, 0x00, 0x01), 'text.txt': 'hello' }, sources: { files: ['bin.dat', 'text.txt'] } },
  { title: 'a directory with binary content', tree: { d: { dir: { 'img.png': bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x80) } } }, sources: { files: ['d'] }, tools: ['kubectl'] },
  { title: 'a file with a BOM keeps it', tree: { f: `${BOM}x=1\n` }, sources: { files: ['f'] } },
  { title: 'a file with CRLF keeps it', tree: { f: 'line1\r\nline2\r\n' }, sources: { files: ['f'] } },
  { title: 'an empty file', tree: { f: '' }, sources: { files: ['f'] } },
  { title: 'the same file name from two places', tree: { f: 'one', d: { dir: { f: 'two' } } }, sources: { files: ['f', 'd/f'] } },
  { title: 'a missing file', tree: {}, sources: { files: ['nope'] } },
  { title: 'a key given for a directory', tree: { d: { dir: { a: 'A' } } }, sources: { files: ['k=d'] } },
  { title: "a file source '=path'", tree: { f: 'x' }, sources: { files: ['=f'] } },
  { title: "a file source 'key='", tree: { f: 'x' }, sources: { files: ['k='] } },
  { title: "a file source with two '='", tree: { f: 'x' }, sources: { files: ['a=b=f'] } },
  { title: 'a symlink given directly is followed', tree: { target: 'T', link: { symlink: 'target' } }, sources: { files: ['link'] } },
  { title: 'unicode and HTML characters in a file (hash escaping)', tree: { f: '<tag a="1">&amp; \u2029 é 😀\n' }, sources: { files: ['f'] } },
  // literals
  { title: "the page's special.how / special.type literals", sources: { literals: ['special.how=very', 'special.type=charm'] } },
  { title: 'quotes in literals', sources: { literals: ['a="x"', "b='y'", 'c="', 'd=""', 'e="mixed\''] } },
  { title: "'=' in a literal value", sources: { literals: ['k=a=b'] } },
  { title: "a literal '=v'", sources: { literals: ['=v'] } },
  { title: "a literal without '='", sources: { literals: ['k'] } },
  { title: 'a literal key that is not a ConfigMap key', sources: { literals: ['bad key=1'] } },
  { title: 'an empty literal value', sources: { literals: ['k='] } },
  { title: 'a literal repeated', sources: { literals: ['k=1', 'k=2'] } },
  { title: 'control characters in a literal value', sources: { literals: ['k=a\u0001b\u0008d\u000ce\u001f'] } },
  { title: 'a literal key with a leading digit', sources: { literals: ['1key=x', '.dot=y'] } },
  // combinations
  { title: 'a file and a literal with the same key', tree: { b: bytes(0xff) }, sources: { files: ['b'], literals: ['b=1'] } },
  { title: 'an env file combined with a literal', tree: { e: 'a=1\n' }, sources: { envFiles: ['e'], literals: ['b=2'] } },
  { title: 'files and literals together', tree: { f: 'F' }, sources: { files: ['f'], literals: ['x=1'] } },
];

/** Writes a tree under `dir`. */
function writeTree(dir: string, tree: Tree): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, node] of Object.entries(tree)) {
    const at = path.join(dir, name);
    if (typeof node === 'string' || node instanceof Uint8Array) fs.writeFileSync(at, node);
    else if ('dir' in node) writeTree(at, node.dir);
    else fs.symlinkSync(node.symlink, at);
  }
}

/** A YAML double-quoted scalar that go-yaml reads back exactly (non-ASCII and controls escaped). */
function yamlString(s: string): string {
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

function run(file: string, args: string[], cwd: string, env: Record<string, string> = {}): Outcome {
  try {
    const out = execFileSync(file, args, {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, KUBECONFIG: '/dev/null', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const obj = parseYaml(out.toString('utf8')) as { metadata: { name: string }; data?: Record<string, string>; binaryData?: Record<string, string> };
    return { ok: true, name: obj.metadata.name, data: obj.data ?? {}, binaryData: obj.binaryData ?? {} };
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer }).stderr ?? err);
    return { ok: false, error: stderr.trim().replace(/^error: /, '') };
  }
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-cm-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe.each(CASES.map((c, i) => ({ ...c, n: i })))('$title', (c) => {
  const dir = path.join(root, `case-${c.n}`);
  writeTree(dir, c.tree ?? {});
  const name = `cm-${c.n}`;
  const tools = c.tools ?? ['kubectl', 'kustomize'];
  const read = readPathFromFs(dir);

  it.runIf(tools.includes('kubectl')).each([false, true])('kubectl create configmap (append-hash %s)', (appendHash) => {
    const args = ['create', 'configmap', name, '--dry-run=client', '-o', 'json'];
    for (const f of c.sources.files ?? []) args.push(`--from-file=${f}`);
    for (const l of c.sources.literals ?? []) args.push(`--from-literal=${l}`);
    for (const e of c.sources.envFiles ?? []) args.push(`--from-env-file=${e}`);
    if (appendHash) args.push('--append-hash');
    const real = run('kubectl', args, dir, c.env);
    const ours = kubectlCreateConfigMap(
      { name, fromFile: c.sources.files, fromLiteral: c.sources.literals, fromEnvFile: c.sources.envFiles, appendHash, environment: c.env ?? {} },
      read,
    );
    if (!real.ok) {
      expect(ours).toEqual({ ok: false, error: real.error });
    } else {
      expect(ours).toEqual({ ok: true, value: { name: real.name, data: real.data, binaryData: real.binaryData } });
    }
  });

  it.runIf(tools.includes('kustomize'))('kubectl kustomize (configMapGenerator)', () => {
    // the kustomization sits next to the inputs, so relative paths mean the same for both
    const kfile = path.join(dir, 'kustomization.yaml');
    fs.writeFileSync(kfile, `configMapGenerator:\n- name: ${name}\n${list('envs', c.sources.envFiles)}${list('literals', c.sources.literals)}${list('files', c.sources.files)}`);
    const real = run('kubectl', ['kustomize', dir], dir);
    fs.rmSync(kfile);
    const ours = kustomizeConfigMap({ name, envs: c.sources.envFiles, literals: c.sources.literals, files: c.sources.files }, read);
    if (!real.ok) expect(ours.ok).toBe(false);
    else if (c.lossyYaml) expect(ours.ok && ours.value.name).toBe(real.name);
    else expect(ours).toEqual({ ok: true, value: { name: real.name, data: real.data, binaryData: real.binaryData } });
  });
});
