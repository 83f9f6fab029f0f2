/**
 * The documentation of the public props: every property of every interface the package root exports (and of its
 * props, options and field-group type aliases), as an editor shows it on hover (its own JSDoc, or the JSDoc of
 * what it inherits). The `k8s` namespace (the manifest wire types) is not part of it.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import { REPO, exportsOf, surfaceProgram } from './declarations';

/** The exported type aliases whose properties are a user's props (every exported interface is checked). */
export const PROPS_NAME = /(Props|Options|Fields|Timing|Resources|Metadata)$/;

/** Types the library hands back rather than takes: their optional fields need no `@default`. */
export const OUTPUT_TYPES: ReadonlySet<string> = new Set(['Violation', 'Rule', 'Finding', 'ObjectRef']);

export interface PropDoc {
  /** `Interface.property`. */
  readonly name: string;
  /** Where the property is declared, `file:line`. */
  readonly declaredAt: string;
  readonly optional: boolean;
  readonly documented: boolean;
  readonly hasDefault: boolean;
  /** Typed `never`: a field the interface forbids (its type error is the documentation). */
  readonly forbidden: boolean;
  /** A property of a type the library returns (`OUTPUT_TYPES`). */
  readonly output: boolean;
}

/** Every property of every exported props interface (type aliases of object types included), with its docs. */
export function publicPropDocs(): PropDoc[] {
  const checker = surfaceProgram().getTypeChecker();
  const out: PropDoc[] = [];
  for (const exported of exportsOf('root')) {
    const declaration = exported.symbol.declarations?.[0];
    if (!declaration || !(ts.isInterfaceDeclaration(declaration) || (ts.isTypeAliasDeclaration(declaration) && PROPS_NAME.test(exported.name)))) continue;
    const type = checker.getDeclaredTypeOfSymbol(exported.symbol);
    for (const property of checker.getPropertiesOfType(type)) {
      const declared = property.declarations?.[0];
      const file = declared?.getSourceFile();
      const line = file && declared ? file.getLineAndCharacterOfPosition(declared.getStart()).line + 1 : 0;
      const typeNode = declared && (ts.isPropertySignature(declared) || ts.isPropertyDeclaration(declared)) ? declared.type : undefined;
      const summary = ts.displayPartsToString(property.getDocumentationComment(checker)).trim();
      out.push({
        name: `${exported.name}.${property.name}`,
        declaredAt: file ? `${path.relative(REPO, file.fileName)}:${line}` : '?',
        optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
        documented: summary !== '',
        hasDefault: property.getJsDocTags(checker).some((tag) => tag.name === 'default'),
        forbidden: typeNode?.kind === ts.SyntaxKind.NeverKeyword,
        output: OUTPUT_TYPES.has(exported.name),
      });
    }
  }
  return out;
}

/** The exported interfaces (and props type aliases) that have no doc comment of their own. */
export function undocumentedPropsTypes(): string[] {
  const checker = surfaceProgram().getTypeChecker();
  return exportsOf('root')
    .filter((e) => {
      const declaration = e.symbol.declarations?.[0];
      return declaration && (ts.isInterfaceDeclaration(declaration) || (ts.isTypeAliasDeclaration(declaration) && PROPS_NAME.test(e.name)));
    })
    .filter((e) => ts.displayPartsToString(e.symbol.getDocumentationComment(checker)).trim() === '')
    .map((e) => e.name);
}
