/**
 * Where the tests find public repositories nobody on this project wrote (upstream fixtures, real manifests).
 *
 * They are not committed here: they come from public repositories, fetched onto the machine beside the
 * project. A corpus is looked up, in order, as `$PODKIT_CORPORA/<owner>+<name>` (an extracted tree),
 * `/work/corpora/<owner>+<name>`, or a bare git snapshot at `/work/.mirror/<owner>+<name>/repo`, whose tracked
 * files under the wanted folders are extracted once into the system's temporary folder. A test that needs a
 * corpus that is absent is skipped, and says which corpus and where it looked.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A public repository as `owner/name`, and the folders of it a test reads (all of it when empty). */
export interface CorpusSpec {
  readonly repo: string;
  readonly folders?: readonly string[];
}

/** The places looked at, for the skip message. */
export function corpusCandidates(repo: string): string[] {
  const key = repo.replace('/', '+');
  const out: string[] = [];
  if (process.env.PODKIT_CORPORA) out.push(path.join(process.env.PODKIT_CORPORA, key));
  out.push(path.join('/work/corpora', key), path.join('/work/.mirror', key, 'repo'));
  return out;
}

/** The root folder of an extracted copy of the corpus, or undefined when it is not on this machine. */
export function locateCorpus(spec: CorpusSpec): string | undefined {
  const candidates = corpusCandidates(spec.repo);
  const mirror = candidates[candidates.length - 1]!;
  for (const dir of candidates.slice(0, -1)) {
    if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) return dir;
  }
  if (!fs.existsSync(mirror)) return undefined;
  const head = git(mirror, ['rev-parse', 'HEAD']).trim();
  // The folders are part of the name: two tests reading different folders of one repository get two extractions.
  const folders = (spec.folders ?? []).length > 0 ? `-${createHash('sha256').update(JSON.stringify(spec.folders)).digest('hex').slice(0, 8)}` : '';
  const into = path.join(os.tmpdir(), 'podkit-corpora', `${spec.repo.replace('/', '+')}-${head.slice(0, 12)}${folders}`);
  const done = path.join(into, '.extracted');
  if (fs.existsSync(done)) return into;
  // `<mode> <type> <object>\t<path>` for each tracked file under the folders
  const listed = git(mirror, ['ls-tree', '-r', 'HEAD', ...(spec.folders ?? [])])
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ object: line.split(/\s+/)[2]!, file: line.slice(line.indexOf('\t') + 1) }))
    .filter((e) => /\.(ya?ml|json)$/i.test(e.file));
  // Files of 4 MiB and more, and LFS content, are absent from snapshots: take only what the object store has.
  const missing = new Set(
    execFileSync('git', ['--git-dir', mirror, 'cat-file', '--batch-check'], { input: listed.map((e) => `${e.object}\n`).join(''), encoding: 'utf8', maxBuffer: 1 << 28 })
      .split('\n')
      .filter((line) => line.endsWith(' missing'))
      .map((line) => line.split(' ')[0]!),
  );
  const present = listed.filter((e) => !missing.has(e.object)).map((e) => e.file);
  fs.mkdirSync(into, { recursive: true });
  for (let i = 0; i < present.length; i += 200) {
    const batch = present.slice(i, i + 200);
    // (git archive warns on stderr about an absent object beside the files asked for, and succeeds)
    const tar = execFileSync('git', ['--git-dir', mirror, 'archive', 'HEAD', '--', ...batch], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync('tar', ['-x', '-C', into], { input: tar });
  }
  fs.writeFileSync(done, head);
  return into;
}

function git(gitDir: string, args: string[]): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** The skip reason for a corpus that is absent. */
export function corpusMissing(repo: string): string {
  return `corpus ${repo} is not on this machine (looked at ${corpusCandidates(repo).join(', ')})`;
}

/** The manifest files (`.yaml`, `.yml`, `.json`) under `dir`, sorted, skipping `.git` and `node_modules`. */
export function corpusManifestFiles(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (name === '.git' || name === 'node_modules') continue;
    if (fs.statSync(file).isDirectory()) corpusManifestFiles(file, out);
    else if (/\.(ya?ml|json)$/i.test(name)) out.push(file);
  }
  return out;
}
