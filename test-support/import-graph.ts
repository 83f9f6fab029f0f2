/**
 * The graph of relative imports between this repository's TypeScript files, and its cycles. Every form that names
 * a module counts: `import`, `import type`, `export … from`, `export type … from`, `import('…')` (in code or in a
 * type position) and `require('…')`. Type-only imports count too: a declaration file keeps them, so a type-only
 * cycle is still a cycle for whoever loads the declarations, and it is where a runtime cycle grows back the day
 * one of its imports carries a value.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** Every `.ts` file under `dir` (declaration files and `node_modules` left out), as absolute paths. */
export function typeScriptFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : typeScriptFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The module specifiers `source` names, in order, with every import form (see the file comment). */
export function moduleSpecifiers(source: string, fileName = 'file.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      out.push(node.moduleReference.expression.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push(node.argument.literal.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** The file a relative specifier names from `from` (`./x` → `x.ts` or `x/index.ts`); undefined for a package or a non-TypeScript file. */
export function resolveRelative(from: string, specifier: string, exists: (file: string) => boolean = fs.existsSync): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return undefined;
  const target = path.resolve(path.dirname(from), specifier);
  return [`${target}.ts`, path.join(target, 'index.ts'), target].find((f) => f.endsWith('.ts') && exists(f));
}

/** File → the files it imports (only those in `files`). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** The import graph among `files`, read from disk. */
export function importGraph(files: readonly string[]): ImportGraph {
  const inSet = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = moduleSpecifiers(fs.readFileSync(file, 'utf8'), file)
      .map((s) => resolveRelative(file, s))
      .filter((t): t is string => t !== undefined && inSet.has(t));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * The strongly connected components of more than one file (or a file importing itself), each sorted, in a stable
 * order (Tarjan's algorithm, iterative so a deep graph cannot overflow the stack). Empty when the graph has no cycle.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  for (const root of [...graph.keys()].sort()) {
    if (index.has(root)) continue;
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++]!;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1 || (graph.get(frame.node) ?? []).includes(frame.node)) out.push(component.sort());
    }
  }
  return out.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** One import path around a cycle's component, `a.ts → b.ts → a.ts`, relative to `root`: what to break. */
export function describeCycle(graph: ImportGraph, component: readonly string[], root: string): string {
  const members = new Set(component);
  const start = component[0]!;
  // breadth-first from start back to start, inside the component: the shortest loop through it
  const previous = new Map<string, string>();
  const queue = [start];
  let closing: string | undefined;
  while (queue.length > 0 && closing === undefined) {
    const node = queue.shift()!;
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        closing = node;
        break;
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  const loop = [start];
  for (let n = closing; n !== undefined && n !== start; n = previous.get(n)) loop.splice(1, 0, n);
  loop.push(start);
  const more = component.length > loop.length - 1 ? ` (${component.length} files in the cycle)` : '';
  return loop.map((f) => path.relative(root, f)).join(' → ') + more;
}
