/**
 * No import cycles among the library's modules (lib/**, constructs/**). A cycle makes the load order decide
 * whether a module sees its imports initialised (a rule table read before its module ran is `undefined`), and it
 * ties modules that should change apart. Type-only imports count too (test-support/import-graph.ts says why).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCycle, importCycles, importGraph, moduleSpecifiers, resolveRelative, typeScriptFiles, type ImportGraph } from '../test-support/import-graph';

const REPO = path.join(__dirname, '..');

/**
 * Cycles known and not yet broken, by their files (sorted, relative to the repository). Each must still be a cycle:
 * an entry that no longer applies fails the test, so the list only shrinks.
 */
const KNOWN_CYCLES: readonly (readonly string[])[] = [
];

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('moduleSpecifiers', () => {
  it.each([
    ['import', "import { a } from './a';", ['./a']],
    ['import type', "import type { A } from './a';", ['./a']],
    ['an inline type import', "import { type A } from './a';", ['./a']],
    ['export from', "export { a } from './a';", ['./a']],
    ['export type from', "export type { A } from './a';", ['./a']],
    ['export star', "export * from './a';", ['./a']],
    ['a side-effect import', "import './a';", ['./a']],
    ['a dynamic import', "const m = import('./a');", ['./a']],
    ['an import type in a type position', "let x: import('./a').A;", ['./a']],
    ['require', "const m = require('./a');", ['./a']],
    ['import = require', "import m = require('./a');", ['./a']],
    ['several, in order', "import { b } from './b';\nexport * from './a';", ['./b', './a']],
  ])('reads %s', (_form, source, expected) => {
    expect(moduleSpecifiers(source)).toEqual(expected);
  });

  it('does not read a specifier in a string or a comment', () => {
    expect(moduleSpecifiers("const s = \"import { a } from './a'\"; // import './b'")).toEqual([]);
  });
});

describe('resolveRelative', () => {
  const files = new Set(['/r/lib/a.ts', '/r/lib/rules/index.ts', '/r/lib/rules/app.ts']);
  const exists = (f: string) => files.has(f);

  it.each([
    ['./a', '/r/lib/x.ts', '/r/lib/a.ts'],
    ['./rules', '/r/lib/x.ts', '/r/lib/rules/index.ts'],
    ['../a', '/r/lib/rules/app.ts', '/r/lib/a.ts'],
    ['.', '/r/lib/rules/app.ts', '/r/lib/rules/index.ts'],
    ['./index', '/r/lib/rules/app.ts', '/r/lib/rules/index.ts'],
  ])('resolves %s from %s', (specifier, from, expected) => {
    expect(resolveRelative(from, specifier, exists)).toBe(expected);
  });

  it.each([['yaml'], ['node:fs'], ['./missing'], ['../package.json']])('leaves out %s (a package, or no TypeScript file)', (specifier) => {
    expect(resolveRelative('/r/lib/x.ts', specifier, exists)).toBeUndefined();
  });
});

describe('importCycles', () => {
  it('fails when two files import each other', () => {
    expect(importCycles(graphOf({ a: ['b'], b: ['a'] }))).toEqual([['a', 'b']]);
  });

  it('passes when the same files import one way only', () => {
    expect(importCycles(graphOf({ a: ['b'], b: [] }))).toEqual([]);
  });

  it('fails when a file imports itself', () => {
    expect(importCycles(graphOf({ a: ['a'] }))).toEqual([['a']]);
  });

  it('finds a long cycle and a separate one, each as one component', () => {
    const graph = graphOf({ a: ['b'], b: ['c'], c: ['d'], d: ['a', 'e'], e: [], x: ['y'], y: ['x'] });
    expect(importCycles(graph)).toEqual([['a', 'b', 'c', 'd'], ['x', 'y']]);
  });

  it('passes on a diamond (two paths to one file are not a cycle)', () => {
    expect(importCycles(graphOf({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
  });

  it('handles a chain deeper than the call stack would allow', () => {
    const n = 20_000;
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < n; i++) edges[`f${i}`] = [`f${i + 1}`];
    edges[`f${n}`] = ['f0'];
    expect(importCycles(graphOf(edges))[0]).toHaveLength(n + 1);
  });

  it('names the shortest loop through a cycle', () => {
    const graph = graphOf({ '/r/a.ts': ['/r/b.ts'], '/r/b.ts': ['/r/c.ts', '/r/a.ts'], '/r/c.ts': ['/r/a.ts'] });
    expect(describeCycle(graph, importCycles(graph)[0]!, '/r')).toBe('a.ts → b.ts → a.ts (3 files in the cycle)');
  });
});

describe('importGraph, on files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-import-graph-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  };
  write('violation.ts', "import type { RuleId } from './rules/catalog';\nexport type V = RuleId;\n");
  write('rules/catalog.ts', "import type { V } from '../violation';\nexport type RuleId = 'a';\nexport type W = V;\n");
  write('rules/index.ts', "export * from './catalog';\n");
  write('quantity.ts', "import * as yaml from 'yaml';\nexport const q = yaml;\n");

  it('fails when a type-only import closes the cycle', () => {
    const cycles = importCycles(importGraph(typeScriptFiles(dir)));
    expect(cycles.map((c) => c.map((f) => path.relative(dir, f)))).toEqual([['rules/catalog.ts', 'violation.ts']]);
  });
});

describe('the library (lib/**, constructs/**)', () => {
  const files = [...typeScriptFiles(path.join(REPO, 'lib')), ...typeScriptFiles(path.join(REPO, 'constructs'))];
  const graph = importGraph(files);
  const cycles = importCycles(graph);
  const key = (component: readonly string[]) => component.map((f) => path.relative(REPO, f)).join(' ');
  const known = new Set(KNOWN_CYCLES.map((c) => c.join(' ')));

  it('reads the rule modules, the constructs and their imports', () => {
    const rel = (f: string) => path.relative(REPO, f);
    expect(files.map(rel)).toEqual(expect.arrayContaining(['lib/violation.ts', 'lib/rules/areas.ts', 'constructs/checked-api-object.ts']));
    expect((graph.get(path.join(REPO, 'lib/rules/areas.ts')) ?? []).map(rel)).toContain('lib/rules/objects.ts');
  });

  it('has no import cycle', () => {
    const found = cycles.filter((c) => !known.has(key(c))).map((c) => describeCycle(graph, c, REPO));
    expect(found).toEqual([]);
  });

  it('still has every cycle the known list names (remove an entry once its cycle is broken)', () => {
    const present = new Set(cycles.map(key));
    expect(KNOWN_CYCLES.map((c) => c.join(' ')).filter((c) => !present.has(c))).toEqual([]);
  });
});

describe('lib/scheduling', () => {
  it('imports no rule module: the rules call the simulation, never the other way round', () => {
    const files = typeScriptFiles(path.join(REPO, 'lib', 'scheduling'));
    const rules = path.join(REPO, 'lib', 'rules') + path.sep;
    const edges = [...importGraph([...files, ...typeScriptFiles(path.join(REPO, 'lib', 'rules'))])]
      .filter(([from]) => files.includes(from))
      .flatMap(([from, targets]) => targets.filter((t) => t.startsWith(rules)).map((t) => `${path.relative(REPO, from)} → ${path.relative(REPO, t)}`));
    expect(files.length).toBeGreaterThan(0);
    expect(edges).toEqual([]);
  });
});
