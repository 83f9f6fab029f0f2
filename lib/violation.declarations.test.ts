/**
 * lib/violation.ts's declarations are loaded by every construct's, so by every user's type check, and `RuleId` is
 * resolved with them through the rule catalog (lib/rules/catalog.ts). What those declaration files reach must stay
 * the rule modules: never the linter, never a package (the linter's yaml reader). The declarations are emitted as
 * `npm run build` emits them (tsconfig.build.json's options), in memory.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { moduleSpecifiers } from '../test-support/import-graph';

const REPO = path.join(__dirname, '..');
const OUT = path.join(REPO, 'build');

/** Declaration file → its text, for the programs rooted at `roots` (repository-relative). */
function emitDeclarations(roots: readonly string[]): Map<string, string> {
  const configFile = path.join(REPO, 'tsconfig.build.json');
  const config = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, REPO, { emitDeclarationOnly: true, declaration: true, outDir: OUT }, configFile);
  const program = ts.createProgram(roots.map((r) => path.join(REPO, r)), parsed.options);
  const out = new Map<string, string>();
  const result = program.emit(undefined, (file, text) => {
    if (file.endsWith('.d.ts')) out.set(path.resolve(file), text);
  });
  if (result.emitSkipped) throw new Error(`declaration emit failed:\n${ts.formatDiagnostics(result.diagnostics, ts.createCompilerHost(parsed.options))}`);
  return out;
}

/** Every declaration file `start` loads, and the packages they name. A relative import that names no emitted file is an error. */
export function declarationClosure(files: ReadonlyMap<string, string>, start: string): { files: string[]; packages: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    const text = files.get(file);
    if (text === undefined) throw new Error(`${file} was not emitted`);
    seen.add(file);
    for (const specifier of moduleSpecifiers(text, file)) {
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      const target = path.resolve(path.dirname(file), specifier);
      const found = [`${target}.d.ts`, path.join(target, 'index.d.ts')].find((f) => files.has(f));
      if (!found) throw new Error(`${path.basename(file)} imports ${specifier}, which names no emitted declaration file`);
      todo.push(found);
    }
  }
  return { files: [...seen].sort(), packages: [...packages].sort() };
}

describe('declarationClosure', () => {
  const files = new Map([
    ['/b/lib/violation.d.ts', "export type RuleId = string;\n"],
    ['/b/lib/rules/catalog.d.ts', "import type { A } from './areas';\nexport type X = import('..').Y;\n"],
    ['/b/lib/rules/areas.d.ts', "import type { Doc } from 'yaml';\nexport * from '../lint/read';\n"],
    ['/b/lib/index.d.ts', "export * from './violation';\n"],
    ['/b/lib/lint/read.d.ts', "export declare const r: 1;\n"],
  ]);

  it('fails when a declaration reaches the linter and a package, also through import("..")', () => {
    expect(declarationClosure(files, '/b/lib/rules/catalog.d.ts')).toEqual({
      files: ['/b/lib/index.d.ts', '/b/lib/lint/read.d.ts', '/b/lib/rules/areas.d.ts', '/b/lib/rules/catalog.d.ts', '/b/lib/violation.d.ts'],
      packages: ['yaml'],
    });
  });

  it('passes when it reaches neither', () => {
    expect(declarationClosure(files, '/b/lib/violation.d.ts')).toEqual({ files: ['/b/lib/violation.d.ts'], packages: [] });
  });
});

describe('the declarations of lib/violation.ts and of RuleId', () => {
  const emitted = emitDeclarations(['lib/violation.ts', 'lib/rules/catalog.ts', 'lib/index.ts']);
  const at = (file: string) => path.join(OUT, file);
  const rel = (files: readonly string[]) => files.map((f) => path.relative(OUT, f));

  it('lib/violation.d.ts imports no rule module', () => {
    expect(rel(declarationClosure(emitted, at('lib/violation.d.ts')).files)).toEqual(['lib/violation.d.ts']);
  });

  it('what RuleId loads (the catalog and the area list) reaches no linter module and no package', () => {
    const { files, packages } = declarationClosure(emitted, at('lib/rules/catalog.d.ts'));
    expect(rel(files)).toEqual(expect.arrayContaining(['lib/rules/catalog.d.ts', 'lib/rules/areas.d.ts', 'lib/rules/resources.d.ts']));
    expect(rel(files).filter((f) => f.startsWith('lib/lint/') || !f.startsWith('lib/'))).toEqual([]);
    expect(packages).toEqual([]);
  });

  it("the declarations that name findings (the linter's import them) load the catalog, so RuleId is the ids' union there too", () => {
    expect(rel(declarationClosure(emitted, at('lib/rules/app.d.ts')).files)).toContain('lib/rules/catalog.d.ts');
  });
});
