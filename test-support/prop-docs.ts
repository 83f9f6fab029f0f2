/**
 * The documentation of the public props: every property of every props, options and field-group interface the
 * package root exports, as an editor shows it on hover (its own JSDoc, or the JSDoc of what it inherits).
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import { REPO, exportsOf, surfaceProgram } from './declarations';

/** The exported names whose properties are a user's props. */
export const PROPS_NAME = /(Props|Options|Fields|Timing|Resources|Metadata)$/;

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
}

/** Every property of every exported props interface (type aliases of object types included), with its docs. */
export function publicPropDocs(): PropDoc[] {
  const checker = surfaceProgram().getTypeChecker();
  const out: PropDoc[] = [];
  for (const exported of exportsOf('root')) {
    if (!PROPS_NAME.test(exported.name)) continue;
    const declaration = exported.symbol.declarations?.[0];
    if (!declaration || !(ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration))) continue;
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
      });
    }
  }
  return out;
}

/** The exported props interfaces (and object type aliases) that have no doc comment of their own. */
export function undocumentedPropsTypes(): string[] {
  const checker = surfaceProgram().getTypeChecker();
  return exportsOf('root')
    .filter((e) => PROPS_NAME.test(e.name))
    .filter((e) => {
      const declaration = e.symbol.declarations?.[0];
      return declaration && (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration));
    })
    .filter((e) => ts.displayPartsToString(e.symbol.getDocumentationComment(checker)).trim() === '')
    .map((e) => e.name);
}
