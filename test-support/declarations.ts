/**
 * The package's public surface as the TypeScript compiler sees it: one program over the entry points (the
 * package root, `cdk8s-podkit/testing`, `cdk8s-podkit/lint`), with the repository's compiler options.
 */
import * as path from 'node:path';
import * as ts from 'typescript';

export const REPO = path.resolve(__dirname, '..');

/** The package's entry points: the `exports` subpath and its source file. */
export const ENTRY_POINTS = {
  root: 'index.ts',
  testing: 'testing/index.ts',
  lint: 'lib/lint/index.ts',
} as const;

export type EntryPoint = keyof typeof ENTRY_POINTS;

let cached: ts.Program | undefined;

/** One program over every entry point, with tsconfig.json's compiler options. */
export function surfaceProgram(): ts.Program {
  if (cached) return cached;
  const configFile = path.join(REPO, 'tsconfig.json');
  const config = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, REPO, { noEmit: true }, configFile);
  cached = ts.createProgram(Object.values(ENTRY_POINTS).map((f) => path.join(REPO, f)), parsed.options);
  return cached;
}

/** An exported symbol of an entry point, resolved through re-exports. */
export interface ExportedSymbol {
  readonly name: string;
  /** The declaration the name resolves to. */
  readonly symbol: ts.Symbol;
  /** True when the name exists at run time (a class, function, constant or namespace object). */
  readonly value: boolean;
}

/** Every name an entry point exports, types included, sorted. */
export function exportsOf(entry: EntryPoint): ExportedSymbol[] {
  const program = surfaceProgram();
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(path.join(REPO, ENTRY_POINTS[entry]));
  if (!source) throw new Error(`${ENTRY_POINTS[entry]} is not in the program`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${ENTRY_POINTS[entry]} is not a module`);
  return checker.getExportsOfModule(moduleSymbol)
    .map((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const typeOnly = (exported.declarations ?? []).some((d) => ts.isTypeOnlyImportOrExportDeclaration(d))
        || (exported.declarations ?? []).some((d) => ts.isExportSpecifier(d) && d.parent.parent.isTypeOnly);
      return { name: exported.name, symbol, value: !typeOnly && (symbol.flags & ts.SymbolFlags.Value) !== 0 };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
