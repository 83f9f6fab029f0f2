#!/usr/bin/env node
/**
 * Run by `npm run build` after `tsc -p tsconfig.build.json`: makes the published declarations cheap to type-check
 * in a user's project without changing what a user can write. `node scripts/slim-declarations.js [BUILD_DIR]`
 * (default build/).
 *
 * The cdk8s project template type-checks every declaration file its program reaches (no `skipLibCheck`). The rule
 * ids are a type computed from the one list of rule areas (lib/rules/areas.ts, registered by lib/rules/catalog.ts),
 * whose declaration prints every area's rule table and so imports every rule module. Measured on a user's app
 * (bench/twins.ts, tsgo), the rule modules were half the package's type-check cost. Here, in the emitted
 * declarations only:
 *
 * - catalog.d.ts registers `RuleId` as the union of string literals the source computes (the same set, checked below);
 * - areas.d.ts declares the list and the check lists by their element types, and `RULE_AREAS` as what it is for a
 *   reader, a table of rules by area and name (`Rule<RuleId, never>`: id, docs, severity; the rule modules keep each
 *   rule's exact message arguments).
 *
 * Each rewrite expects the declaration as tsc emits it today and fails the build when it changed; the result is
 * then type-checked as a user's project does, and its `RuleId` compared with the source's.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const REPO = path.resolve(__dirname, '..');

function fail(message) {
  throw new Error(`slim-declarations: ${message}`);
}

/** The string literals of an exported type alias, read with the compiler from `file`. */
function literalUnion(file, name, options = {}) {
  const program = ts.createProgram([file], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true, types: [], ...options });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const symbol = source && checker.getSymbolAtLocation(source);
  const exported = symbol && checker.getExportsOfModule(symbol).find((s) => s.name === name);
  if (!exported) fail(`${path.relative(REPO, file)} exports no ${name}`);
  const type = checker.getDeclaredTypeOfSymbol(exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported);
  const members = type.isUnion() ? type.types : [type];
  if (!members.every((t) => t.isStringLiteral())) fail(`${name} in ${path.relative(REPO, file)} is not a union of string literals`);
  return members.map((t) => t.value).sort();
}

function replaceOnce(file, from, to) {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) fail(`${file}: expected exactly one ${JSON.stringify(from)} (has the source changed? update scripts/slim-declarations.js)`);
  fs.writeFileSync(file, text.slice(0, at) + to + text.slice(at + from.length));
}

/** The exported names a declaration file declares itself (re-exports aside). */
function ownExports(text) {
  const names = [];
  for (const m of text.matchAll(/^export (?:declare )?(?:const|function|class|interface|type|enum) ([A-Za-z_$][\w$]*)/gm)) names.push(m[1]);
  return names;
}

function slim(build) {
  const ruleIds = literalUnion(path.join(REPO, 'lib', 'rules', 'catalog.ts'), 'RuleId');
  const areas = areaNames(path.join(REPO, 'lib', 'rules', 'areas.ts'));

  // RuleId, written out: the catalog registers the literal union, not a type computed from the area list
  const union = ruleIds.map((id) => `            | ${JSON.stringify(id)}`).join('\n');
  const catalogFile = path.join(build, 'lib', 'rules', 'catalog.d.ts');
  replaceOnce(catalogFile, "import type { AREAS } from './areas';\n", '');
  replaceOnce(catalogFile, "/** The rules of a table (distributes over a union of tables). */\ntype RulesOf<Table> = Table extends unknown ? Table[keyof Table] : never;\n", '');
  replaceOnce(catalogFile, "readonly ids: RulesOf<(typeof AREAS)[number]['rules']>['id'];", `readonly ids:\n${union};`);

  // the area list, as a reader needs it: the derived check lists and a table of rules by area and name
  const areasFile = path.join(build, 'lib', 'rules', 'areas.d.ts');
  const emitted = fs.readFileSync(areasFile, 'utf8');
  const own = ownExports(emitted);
  const expected = ['AREAS', 'POD_CHECKS', 'OBJECT_CHECKS', 'APP_CHECKS', 'RuleAreas', 'RULE_AREAS'];
  if (own.join() !== expected.join() || /^export \*/m.test(emitted)) fail(`${areasFile} declares ${own.join(', ')}: expected ${expected.join(', ')}`);
  fs.writeFileSync(
    areasFile,
    [
      "import type { Rule, RuleId } from '../violation';",
      "import type { Area, ObjectCheck, PodCheck } from './area';",
      "import type { StreamingAppCheck } from './app-check';",
      '/** The one list of rule areas: each its rule table and its checks. */',
      'export declare const AREAS: readonly Area[];',
      '/** The pod-spec checks of every area, in list order. */',
      'export declare const POD_CHECKS: readonly PodCheck[];',
      '/** The whole-object checks of every area, in list order. */',
      'export declare const OBJECT_CHECKS: readonly ObjectCheck[];',
      '/** The cross-object checks of every area, in list order. */',
      'export declare const APP_CHECKS: readonly StreamingAppCheck[];',
      "/** A table of rules by name: each rule's id, docs links and severity. */",
      'export type RuleTable = { readonly [name: string]: Rule<RuleId, never> };',
      '/** Every rule, by area. */',
      'export type RuleAreas = {',
      ...areas.map((a) => `    readonly ${/^[A-Za-z_$][\w$]*$/.test(a) ? a : JSON.stringify(a)}: RuleTable;`),
      '};',
      '/** Every rule, by area, for documentation and listing (`podkit rules`), in list order. */',
      'export declare const RULE_AREAS: RuleAreas;',
      '',
    ].join('\n'),
  );

  verify(build, ruleIds);
}

/** The `name` of every entry of `export const AREAS = [ … ]` in the source. */
function areaNames(file) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      let init = d.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
      if (!ts.isIdentifier(d.name) || d.name.text !== 'AREAS' || !init || !ts.isArrayLiteralExpression(init)) continue;
      return init.elements.map((e) => {
        const name = ts.isObjectLiteralExpression(e) && e.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'name');
        if (!name || !ts.isPropertyAssignment(name) || !ts.isStringLiteral(name.initializer)) fail('an AREAS entry without a literal name');
        return name.initializer.text;
      });
    }
  }
  return fail(`${path.relative(REPO, file)} has no \`export const AREAS = [ … ]\``);
}

/** Type-checks the root declarations as the cdk8s template does (no skipLibCheck) and compares RuleId with the source's. */
function verify(build, ruleIds) {
  const root = path.join(build, 'index.d.ts');
  const options = { strict: true, target: ts.ScriptTarget.ES2017, lib: ['lib.es2016.d.ts'], module: ts.ModuleKind.CommonJS, types: [], noEmit: true, skipLibCheck: false,
    // the peer dependencies from this repository's install, wherever the build folder is
    baseUrl: REPO, paths: { '*': ['node_modules/*'] } };
  const program = ts.createProgram([root], options);
  const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error && d.file && d.file.fileName.startsWith(build));
  if (errors.length > 0) fail(`the slimmed declarations do not type-check:\n${ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => REPO, getNewLine: () => '\n' })}`);
  const published = literalUnion(path.join(build, 'lib', 'rules', 'catalog.d.ts'), 'RuleId');
  if (published.join('\n') !== ruleIds.join('\n')) fail('the published RuleId differs from the source\'s');
  // modules only the area list imports: the root's declarations must not reach them
  for (const only of ['enums', 'fields', 'feature-gates', 'metadata', 'workloads-jobs']) {
    if (program.getSourceFile(path.join(build, 'lib', 'rules', `${only}.d.ts`))) fail(`the root declarations still reach lib/rules/${only}.d.ts`);
  }
}

if (require.main === module) {
  slim(path.resolve(process.argv[2] ?? path.join(REPO, 'build')));
}

module.exports = { slim };
