/**
 * The path of a key the YAML reader found written twice, in the API server's form. The reader writes paths before it
 * knows the object's kind; the object's schema tells the map keys from the fields afterwards. Not exported from the
 * package: the linter's own step.
 */
import type { KubeObject } from '../k8s';
import { fieldsOf, rootTypeOf, type FieldType } from '../schema';
import { parseFieldPath } from './locate';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `path` as the YAML reader writes it without knowing the object's types (an identifier after a dot, any other
 * segment in brackets), re-written in the API server's form wherever the object's schema (lib/schema) knows the
 * type on the way: a field `.name` whatever it holds, a map key always bracketed (`resources.limits[memory]`,
 * `metadata.labels[app]`), as `field.Path.Child` and `field.Path.Key` print them. Under a type the schema does
 * not have, a segment stays as the reader wrote it.
 */
export function schemaFieldPath(object: KubeObject, path: string): string {
  const root = rootTypeOf(object.apiVersion, object.kind);
  let type: FieldType | undefined = root === undefined ? undefined : { kind: 'object', name: root };
  let out = '';
  for (const segment of parseFieldPath(path)) {
    if (type?.kind === 'map') {
      out += `[${segment}]`;
      type = type.of;
    } else if (typeof segment === 'number') {
      out += `[${segment}]`;
      type = type?.kind === 'list' ? type.of : undefined;
    } else if (type?.kind === 'object') {
      out += out === '' ? segment : `.${segment}`;
      type = fieldsOf(type.name)?.get(segment)?.type;
    } else {
      out += out === '' ? segment : IDENTIFIER.test(segment) ? `.${segment}` : `[${segment}]`;
      type = undefined;
    }
  }
  return out;
}
