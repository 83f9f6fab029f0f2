/**
 * Reading manifests as Kubernetes reads them: multi-document YAML (or JSON) with YAML 1.1 scalars as go-yaml v2
 * resolves them (./scalars.ts), `kind: List` expanded into its items, and every object keeping the file and
 * the YAML node it came from, so a finding can be printed as `file:line:col`.
 *
 * Input that kubectl could not turn into objects (a syntax error, `.inf`, a document that is not a mapping,
 * an object without `apiVersion` or `kind`) is a {@link ManifestReadError} with its position.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { KubeObject } from '../k8s';
import { isJsonNumber, keyString, resolvePlainScalar } from './scalars';

/** A 1-based line and column in a source file. */
export interface Position {
  readonly line: number;
  readonly col: number;
}

/** One manifest source: a file name (or `<stdin>`) and its text. */
export interface Source {
  readonly file: string;
  readonly text: string;
}

/** An object read from a source, with where it came from. */
export interface SourcedObject {
  readonly object: KubeObject;
  readonly file: string;
  /** Position of the object's first key. */
  readonly position: Position;
  /** The YAML node of the object, to locate field paths in it ({@link locate}). */
  readonly node: Node;
  readonly lineCounter: LineCounter;
  /** Keys written twice in this object (go-yaml keeps the last one, silently): path and position of the repeat. */
  readonly duplicateKeys: readonly DuplicateKey[];
}

/** A key written twice in one mapping: the path and position of the later one. */
export interface DuplicateKey {
  readonly key: string;
  readonly path: string;
  readonly position: Position;
}

/** Input kubectl would refuse before any rule runs: unreadable file, bad YAML, not an object. */
export class ManifestReadError extends Error {
  constructor(
    readonly file: string,
    readonly position: Position | undefined,
    readonly detail: string,
  ) {
    super(`${file}${position ? `:${position.line}:${position.col}` : ''}: ${detail}`);
    this.name = 'ManifestReadError';
  }
}

interface Context {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  duplicates: DuplicateKey[];
  /** Values produced so far in this document: aliases can make a small text expand without bound. */
  produced: number;
}

/** More values than this from one document is an alias bomb, not a manifest (go-yaml refuses those too). */
const MAX_VALUES_PER_DOCUMENT = 1_000_000;

function positionOf(ctx: Context, node: { range?: [number, number, number] | null } | null | undefined): Position | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : ctx.lineCounter.linePos(offset);
}

function fail(ctx: Context, node: Node | null | undefined, detail: string): never {
  throw new ManifestReadError(ctx.file, positionOf(ctx, node), detail);
}

const GO_TAG = 'tag:yaml.org,2002:';

/** The JSON value of a YAML node, resolved as go-yaml v2 + sigs.k8s.io/yaml do. */
function toJson(ctx: Context, node: unknown, path: string, depth = 0): unknown {
  if (depth > 1000) fail(ctx, node as Node, 'document nested too deeply');
  if (++ctx.produced > MAX_VALUES_PER_DOCUMENT) fail(ctx, node as Node, 'yaml: document contains excessive aliasing');
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return toJson(ctx, node.resolve(ctx.doc), path, depth + 1);
  if (isScalar(node)) {
    const tag = node.tag;
    let value: unknown;
    if (node.type === 'PLAIN' && tag !== `${GO_TAG}str` && tag !== `${GO_TAG}binary`) {
      value = resolvePlainScalar(typeof node.source === 'string' ? node.source : String(node.value));
    } else {
      value = typeof node.value === 'string' ? node.value : String(node.source ?? node.value);
    }
    if (typeof value === 'number' && !isJsonNumber(value)) fail(ctx, node, `error converting YAML to JSON: json: unsupported value: ${Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'}`);
    return value;
  }
  if (isSeq(node)) return node.items.map((item, i) => toJson(ctx, item, `${path}[${i}]`, depth + 1));
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const set = (key: string, value: unknown) => Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      if (isScalar(keyNode) && typeof keyNode.value === 'symbol') {
        // `<<: *base` (YAML 1.1 merge): go-yaml v2 sets the merged keys in place, in order.
        const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const source of sources) {
          const merged = toJson(ctx, source, path, depth + 1);
          if (merged === null || typeof merged !== 'object' || Array.isArray(merged)) fail(ctx, pair.value as Node, 'map merge requires map or sequence of maps as the value');
          for (const [k, v] of Object.entries(merged)) set(k, v);
        }
        continue;
      }
      const key = keyString(isScalar(keyNode) || isAlias(keyNode) ? toJson(ctx, keyNode, path, depth + 1) : undefined);
      if (key === undefined) fail(ctx, keyNode, 'error converting YAML to JSON: unsupported map key (only strings, numbers and booleans are)');
      const childPath = path === '' ? key : /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}[${key}]`;
      if (seen.has(key)) {
        const at = positionOf(ctx, keyNode);
        if (at) ctx.duplicates.push({ key, path: childPath, position: at });
      }
      seen.add(key);
      set(key, toJson(ctx, pair.value, childPath, depth + 1));
    }
    return out;
  }
  return fail(ctx, node as Node, 'unsupported YAML node');
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Parses every document of a text, failing on the first syntax error with its position. */
function parseDocuments(source: Source): { docs: Document.Parsed[]; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(source.text, { version: '1.1', lineCounter, prettyErrors: true, uniqueKeys: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const pos = error.linePos?.[0];
      throw new ManifestReadError(source.file, pos ? { line: pos.line, col: pos.col } : undefined, `yaml: ${firstLine(error.message)}`);
    }
  }
  return { docs, lineCounter };
}

/** The objects of one document node: the object itself, or a `List`'s items (recursively). */
function objectsOf(ctx: Context, node: Node): SourcedObject[] {
  ctx.duplicates = [];
  const value = toJson(ctx, node, '');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(ctx, node, `error unmarshaling JSON: the document is not an object (found ${Array.isArray(value) ? 'a sequence' : typeof value === 'string' ? 'a string' : String(value)})`);
  }
  const obj = value as KubeObject;
  if (isList(obj)) {
    const itemsNode = isMap(node) ? resolved(ctx, node.get('items', true) as Node) : undefined;
    if (!Array.isArray(obj.items) || !isSeq(itemsNode)) fail(ctx, itemsNode ?? node, 'json: cannot unmarshal into the items of a list: items must be a sequence');
    return itemsNode.items.flatMap((item) => objectsOf(ctx, resolved(ctx, item as Node)));
  }
  if (typeof obj.kind !== 'string' || obj.kind === '') fail(ctx, node, "Object 'Kind' is missing");
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') fail(ctx, node, "Object 'apiVersion' is missing");
  return [{ object: obj, file: ctx.file, position: positionOf(ctx, node) ?? { line: 1, col: 1 }, node, lineCounter: ctx.lineCounter, duplicateKeys: ctx.duplicates }];
}

function resolved(ctx: Context, node: Node): Node {
  return isAlias(node) ? (node.resolve(ctx.doc) as Node) : node;
}

/**
 * kubectl decodes any object with an `items` field as a list and applies its items, whatever the kind
 * (`kind: List`, `ConfigMapList`, or anything else): the container itself is never sent.
 */
function isList(obj: KubeObject): boolean {
  return obj.items !== undefined && obj.items !== null;
}

/**
 * Reads every object of a YAML or JSON text. Empty documents are skipped, as kubectl skips them.
 * @throws ManifestReadError on the first thing kubectl would refuse
 */
export function readManifests(source: Source): SourcedObject[] {
  const { docs, lineCounter } = parseDocuments(source);
  const out: SourcedObject[] = [];
  for (const doc of docs) {
    const ctx: Context = { file: source.file, doc, lineCounter, duplicates: [], produced: 0 };
    const root = doc.contents as Node | null;
    if (root === null || (isScalar(root) && root.type === 'PLAIN' && resolvePlainScalar(String(root.source ?? '')) === null)) continue;
    out.push(...objectsOf(ctx, resolved(ctx, root)));
  }
  return out;
}

/**
 * Every non-empty document of a YAML text as plain JSON, without the Kubernetes-object checks (for inputs
 * that are not manifests, such as a cluster profile).
 * @throws ManifestReadError on bad YAML or values JSON cannot carry
 */
export function readYamlDocuments(source: Source): unknown[] {
  const { docs, lineCounter } = parseDocuments(source);
  const out: unknown[] = [];
  for (const doc of docs) {
    if (doc.contents === null) continue;
    out.push(toJson({ file: source.file, doc, lineCounter, duplicates: [], produced: 0 }, doc.contents, ''));
  }
  return out;
}
