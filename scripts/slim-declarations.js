#!/usr/bin/env node
/**
 * Run by `npm run build` after `tsc -p tsconfig.build.json`: makes the published declarations cheap to type-check
 * in a user's project without changing what a user can write. `node scripts/slim-declarations.js [BUILD_DIR]`
 * (default build/).
 *
 * The cdk8s project template type-checks every declaration file its program reaches (no `skipLibCheck`), and the
 * package root reached all 33 rule modules through three declarations, each written for this repository's own
 * code: `RuleId` (computed from every rule table, lib/rules/catalog.ts), `RULE_AREAS` (every rule's exact type,
 * lib/rules/areas.ts) and `checkObject`/`checkPod`, re-exported from lib/rules/index.ts, which also re-exports
 * every rule module. Measured on a user's app (bench/twins.ts, tsgo): the rule modules were half the package's
 * type-check cost and five in six of its instantiations. Here, in the emitted declarations only:
 *
 * - `RuleId` is written out as the union of string literals the source computes (the same set, checked below);
 * - `RULE_AREAS` is declared as what it is for a reader, a table of rules by area and name
 *   (`Rule<RuleId, never>`: id, docs, severity; the rule modules keep each rule's exact message arguments);
 * - lib/index.d.ts takes `checkObject` and `checkPod` from a declaration of lib/rules/index.ts without its
 *   re-exports (lib/rules/pod-checks.d.ts, declarations only: the JavaScript is unchanged).
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

/** The keys of the object literal `export const NAME = { … }` in a source file. */
function objectLiteralKeys(file, name) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      let init = d.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
      if (ts.isIdentifier(d.name) && d.name.text === name && init && ts.isObjectLiteralExpression(init)) {
        return init.properties.map((p) => {
          if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) fail(`${name}: a property without a plain name`);
          return p.name.text;
        });
      }
    }
  }
  return fail(`${path.relative(REPO, file)} has no \`export const ${name} = { … }\``);
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
  const areas = objectLiteralKeys(path.join(REPO, 'lib', 'rules', 'areas.ts'), 'RULE_AREAS');

  // RuleId, written out
  const union = ruleIds.map((id) => `    | ${JSON.stringify(id)}`).join('\n');
  replaceOnce(
    path.join(build, 'lib', 'violation.d.ts'),
    "import type { RuleId } from './rules/catalog';\nexport type { RuleId } from './rules/catalog';\n",
    `/** Every rule id (the union lib/rules/catalog.ts computes from the rule tables, written out when published). */\nexport type RuleId =\n${union};\n`,
  );

  // RULE_AREAS, as a table of rules by area and name
  const areasFile = path.join(build, 'lib', 'rules', 'areas.d.ts');
  const emitted = fs.readFileSync(areasFile, 'utf8');
  const own = ownExports(emitted);
  if (own.join() !== 'RULE_AREAS' || /^export \*/m.test(emitted)) fail(`${areasFile} declares ${own.join(', ')}: expected RULE_AREAS alone`);
  fs.writeFileSync(
    areasFile,
    [
      "import type { Rule, RuleId } from '../violation';",
      '/** A table of rules by name: each rule\'s id, docs links and severity. */',
      'export type RuleTable = { readonly [name: string]: Rule<RuleId, never> };',
      '/** Every rule, by area, for documentation and listing (`podkit rules`). */',
      'export declare const RULE_AREAS: {',
      ...areas.map((a) => `    readonly ${/^[A-Za-z_$][\w$]*$/.test(a) ? a : JSON.stringify(a)}: RuleTable;`),
      '};',
      '',
    ].join('\n'),
  );

  // checkObject and checkPod without the rule modules' re-exports
  const rulesIndex = fs.readFileSync(path.join(build, 'lib', 'rules', 'index.d.ts'), 'utf8');
  const podChecks = rulesIndex.replace(/^export \* from '[^']+';\n/gm, '');
  if (!/export declare function checkObject\b/.test(podChecks) || !/export declare function checkPod\b/.test(podChecks)) fail('lib/rules/index.d.ts declares no checkObject/checkPod');
  fs.writeFileSync(path.join(build, 'lib', 'rules', 'pod-checks.d.ts'), podChecks);
  replaceOnce(path.join(build, 'lib', 'index.d.ts'), "export { checkObject, checkPod } from './rules/index';", "export { checkObject, checkPod } from './rules/pod-checks';");

  verify(build, ruleIds);
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
  const published = literalUnion(path.join(build, 'lib', 'violation.d.ts'), 'RuleId');
  if (published.join('\n') !== ruleIds.join('\n')) fail('the published RuleId differs from the source\'s');
  const catalog = path.join(build, 'lib', 'rules', 'catalog.d.ts');
  if (program.getSourceFile(catalog)) fail('the root declarations still reach lib/rules/catalog.d.ts');
}

if (require.main === module) {
  slim(path.resolve(process.argv[2] ?? path.join(REPO, 'build')));
}

module.exports = { slim };
