/**
 * Reading manifests as Kubernetes reads them: multi-document YAML (or JSON) with YAML 1.1 scalars as go-yaml v2
 * resolves them (./scalars.ts), `kind: List` expanded into its items, and every object keeping the file and
 * the YAML node it came from, so a finding can be printed as `file:line:col`.
 *
 * Documents are read one at a time ({@link readDocuments}): the parsed YAML of a document is dropped once its
 * objects are out, so a file of any size is never held parsed as a whole; a file is also read from disk in chunks
 * ({@link readManifestBytes}), so that its text is not held as a whole either.
 *
 * Input that kubectl could not turn into objects (a syntax error, a control character, `.inf`, an unknown
 * anchor, a document that is not a mapping, an object without `apiVersion` or `kind`) is a
 * {@link ManifestReadError} with its position. In lenient mode (linting a repository), YAML that is not meant
 * to be a Kubernetes object (./skip.ts) is reported as skipped instead.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, Parser, type Document, type Node, type Tags } from 'yaml';
import type { Token } from 'yaml/dist/parse/cst';
import type { KubeObject } from '../k8s';
import { isJsonNumber, keyString, resolvePlainScalar } from './scalars';
import { skipReasonOfDocument, skipReasonOfFailedDocument } from './skip';

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

/** Turns offsets of a source into positions (a yaml `LineCounter`, or one shifted to a document's start). */
export interface PositionMap {
  linePos(offset: number): { line: number; col: number };
}

/**
 * A source's text, to read one of its documents again ({@link reattach}): a string held whole (offsets in UTF-16
 * code units), or a file read again from disk ({@link FileText}, offsets in bytes).
 */
export interface SourceText {
  /** The text from offset `start` to `end`. */
  slice(start: number, end: number): string;
}

/** An object read from a source, with where it came from. */
export interface SourcedObject {
  readonly object: KubeObject;
  readonly file: string;
  /** Position of the object's first key. */
  readonly position: Position;
  /** The YAML node of the object, to locate field paths in it ({@link locate}). */
  readonly node: Node;
  readonly lineCounter: PositionMap;
  /** Keys written twice in this object (go-yaml keeps the last one, silently): path and position of the repeat. */
  readonly duplicateKeys: readonly DuplicateKey[];
  /** Where the object is in its source text, to read it again ({@link reattach}); set by {@link readDocuments}. */
  readonly origin?: ObjectOrigin;
  /**
   * The same object in a compact form: it holds nothing parsed, only where its document is in the source text
   * (its `node` and `object` read the document again when asked for: {@link reattach}), so that many objects
   * can be kept to locate the findings of the rules across objects.
   */
  readonly detach?: () => SourcedObject;
}

/** A key written twice in one mapping: the path and position of the later one. */
export interface DuplicateKey {
  readonly key: string;
  readonly path: string;
  readonly position: Position;
}

/** A document that is not a Kubernetes object (a Kustomization, a Helm template, a workflow …), and why. */
export interface SkippedDocument {
  readonly file: string;
  readonly position: Position;
  readonly reason: string;
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

/** A document beyond {@link ReadOptions.maxDocument}: read up to its bound, then refused. */
export class DocumentTooLargeError extends ManifestReadError {}

/** What {@link readDocuments} yields, in file order. */
export type ReadItem = { readonly type: 'object'; readonly sourced: SourcedObject } | { readonly type: 'skipped'; readonly skipped: SkippedDocument };

/** How to read. */
export interface ReadOptions {
  /**
   * Report YAML that is not meant to be a Kubernetes object (./skip.ts) as skipped instead of failing on it,
   * as when linting a whole repository. @default false
   */
  readonly lenient?: boolean;
  /**
   * Let the YAML composer try every YAML 1.1 scalar type on each untagged value, as the yaml package does by
   * default, though the reader resolves those values itself: slower, with the same results (a test compares).
   * @default false
   */
  readonly stockSchema?: boolean;
  /**
   * The largest document read, in characters and in YAML tokens (a scalar, an indicator, a space, a line break):
   * beyond either, reading fails ("document too large") before the document is parsed further, so that one document
   * cannot take the memory and time of the machine. The yaml package holds a parsed document at about 400 bytes a
   * token, and a double-quoted scalar at about 40 bytes a character until it is read.
   * @default { length: MAX_DOCUMENT_LENGTH, tokens: MAX_DOCUMENT_TOKENS }
   */
  readonly maxDocument?: { readonly length?: number; readonly tokens?: number };
}

/**
 * The deepest nesting read. The YAML parser recurses once per level and overflows the stack near 1,000
 * levels; go-yaml stops at 10,000 ("exceeded max depth of 10000"), no real manifest comes near either.
 */
export const MAX_DEPTH = 500;

/**
 * The longest document read, in characters (16 MiB). An object the API server stores is at most 1.5 MiB (etcd's
 * request limit); only a `List`, whose items kubectl sends one by one, can be longer, and one that long is better
 * split into documents.
 */
export const MAX_DOCUMENT_LENGTH = 16 * 2 ** 20;

/**
 * The most YAML tokens in one document: about 3 MiB of ordinary manifests, 5 seconds and 500 MB at most to parse
 * (a flow sequence of one-character items: `[a,a,a,…]`, the costliest per byte).
 */
export const MAX_DOCUMENT_TOKENS = 1_000_000;

/**
 * Values an alias may produce in one file, beyond the file's own size: a few bytes of anchors and aliases can
 * expand without bound (go-yaml refuses those: "document contains excessive aliasing").
 */
const ALIAS_BUDGET_BASE = 100_000;
const ALIAS_BUDGET_PER_BYTE = 10;

interface FileState {
  readonly file: string;
  readonly lineCounter: PositionMap;
  /** Whether kubectl decodes the source as JSON (it starts with `{`): numbers then decode as float64. */
  readonly json: boolean;
  /** Values produced through aliases so far in this file, and the most allowed. */
  aliasValues: number;
  readonly aliasBudget: number;
}

interface Context {
  readonly state: FileState;
  /** The positions of the document being read, for the objects read from it (default: the file's). */
  readonly lines?: PositionMap;
  readonly doc: Document.Parsed;
  duplicates: DuplicateKey[];
  /** The segments of the path of the node being read. */
  readonly path: (string | number)[];
}

/**
 * The line starts of a source as the parser reports them, and positions from offsets: yaml's `LineCounter`
 * (the same search, the same results), in 4 bytes a line rather than a JavaScript array's 8 or more, and only
 * from the document being read on ({@link LineStarts.forgetBefore}), so that a file of any size holds a window.
 */
class LineStarts implements PositionMap {
  // a file of a repository has a few dozen lines: the array doubles as it needs (a typed array costs its allocation)
  private starts = new Uint32Array(64);
  private count = 0;
  /** Line starts dropped from the front of the window. */
  private dropped = 0;

  /** Called by the parser in ascending order. */
  readonly addNewLine = (offset: number): void => {
    if (this.count === this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = offset;
  };

  /** Drops the line starts before the line of `offset`: no position before that line is asked for again. */
  forgetBefore(offset: number): void {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    const keepFrom = low - 1; // the line holding `offset`
    if (keepFrom <= 0) return;
    this.starts.copyWithin(0, keepFrom, this.count);
    this.count -= keepFrom;
    this.dropped += keepFrom;
  }

  /** The 1-based position of `offset` (line 0 before the first line start, as yaml's). */
  linePos(offset: number): { line: number; col: number } {
    return linePosIn(this.starts, this.count, this.dropped, offset);
  }

  /**
   * The positions of the text from `start` to `end` (a document the parser is done with), kept apart from the
   * window: for an object read from it, whose findings may be located after the window has moved on.
   */
  freeze(start: number, end: number): PositionMap {
    let first = 0;
    while (first + 1 < this.count && this.starts[first + 1]! <= start) first++;
    let last = first;
    while (last + 1 < this.count && this.starts[last + 1]! <= end) last++;
    const starts = this.starts.slice(first, last + 1);
    const dropped = this.dropped + first;
    return { linePos: (offset) => linePosIn(starts, starts.length, dropped, offset) };
  }
}

/** yaml's `LineCounter.linePos` over `count` line starts after `dropped` earlier lines. */
function linePosIn(starts: Uint32Array, count: number, dropped: number, offset: number): { line: number; col: number } {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  if (low < count && starts[low] === offset) return { line: dropped + low + 1, col: 1 };
  if (low === 0) return { line: dropped, col: offset };
  return { line: dropped + low, col: offset - starts[low - 1]! + 1 };
}

function positionOf(lineCounter: PositionMap, node: { range?: [number, number, number] | null } | null | undefined): Position | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : lineCounter.linePos(offset);
}

function fail(ctx: Context, node: Node | null | undefined, detail: string): never {
  throw new ManifestReadError(ctx.state.file, positionOf(ctx.state.lineCounter, node), detail);
}

const GO_TAG = 'tag:yaml.org,2002:';

/** A JSON number (as kubectl's JSON decoder reads it) beyond float64: Go's decoder refuses it. */
const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;

const STR_TAG = `${GO_TAG}str`;
const BINARY_TAG = `${GO_TAG}binary`;

/** The tags go-yaml v2 resolves a scalar's text against (`resolvableTag`); it keeps the text of any other. */
const RESOLVABLE_TAGS = new Set(['str', 'bool', 'int', 'float', 'timestamp', 'null'].map((t) => `${GO_TAG}${t}`));
/** Go's integer syntax as go-yaml v2 resolves it (./scalars.ts), to tell `!!int` from `!!float`. */
const GO_INT_TEXT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$/;
/** The timestamp layouts go-yaml v2 accepts (`2006-1-2`, `2006-1-2T15:4:5.999999999Z07:00`, `2006-1-2 15:4:5.999999999`). */
const GO_TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?(?:Z|[-+][0-9]{2}:[0-9]{2}))|(?: [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?))?$/;
/** Base64 as Go's `base64.StdEncoding` decodes it (padded; line breaks ignored). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** `!!int` for `tag:yaml.org,2002:int`, a local tag as written. */
function shortTag(tag: string): string {
  return tag.startsWith(GO_TAG) ? `!!${tag.slice(GO_TAG.length)}` : tag;
}

/**
 * The value of a scalar with an explicit tag, as go-yaml v2 decodes it (`resolve` with a tag): the text of a scalar
 * quoted or not is resolved as a plain scalar's and must give a value of the tag's type (`!!int "3"` is 3, `!!float 3`
 * is 3, `!!int x` fails: "cannot decode !!str `x` as a !!int"); `!!str` keeps the text; `!!binary` is base64,
 * decoded; any other tag (`!custom`) keeps the text.
 */
function taggedScalar(ctx: Context, node: Node, tag: string): unknown {
  const scalar = node as unknown as { source?: unknown; value: unknown };
  const text = typeof scalar.source === 'string' ? scalar.source : String(scalar.value);
  if (tag === BINARY_TAG) {
    const base64 = text.replace(/[\r\n]/g, '');
    if (!BASE64.test(base64)) fail(ctx, node, 'yaml: !!binary value contains invalid base64 data');
    return Buffer.from(base64, 'base64').toString('utf8');
  }
  if (tag === STR_TAG || !RESOLVABLE_TAGS.has(tag)) return text;
  const value = resolvePlainScalar(text);
  const resolved = value === null ? 'null' : typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? (GO_INT_TEXT.test(text.replaceAll('_', '')) ? 'int' : 'float') : 'str';
  const wanted = tag.slice(GO_TAG.length);
  if (resolved === wanted || (wanted === 'float' && resolved === 'int')) return value;
  if (wanted === 'timestamp' && GO_TIMESTAMP.test(text)) return text;
  return fail(ctx, node, `yaml: cannot decode !!${resolved} \`${text}\` as a ${shortTag(tag)}`);
}

/**
 * A field path without the object's types (`spec.containers[0].env[name]`): identifiers joined by dots, other keys
 * and indexes in brackets. The linter re-writes it with the object's schema (`schemaFieldPath`: a map key bracketed).
 */
function pathString(segments: readonly (string | number)[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path = `${path}[${segment}]`;
    else path = path === '' ? segment : /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment) ? `${path}.${segment}` : `${path}[${segment}]`;
  }
  return path;
}

/**
 * The JSON value of a YAML node, resolved as go-yaml v2 + sigs.k8s.io/yaml do. The path of the node is kept in
 * `ctx.path` (segments pushed and popped on the way), turned into text only for a duplicate key.
 */
function toJson(ctx: Context, node: unknown, depth: number, aliased: boolean): unknown {
  if (depth > MAX_DEPTH) fail(ctx, node as Node, `yaml: exceeded max depth of ${MAX_DEPTH} (podkit reads at most ${MAX_DEPTH} levels of nesting, aliases included)`);
  if (aliased && ++ctx.state.aliasValues > ctx.state.aliasBudget) fail(ctx, node as Node, 'yaml: document contains excessive aliasing');
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    const target = node.resolve(ctx.doc);
    if (target === undefined) fail(ctx, node, `yaml: unknown anchor '${node.source}' referenced`);
    return toJson(ctx, target, depth + 1, true);
  }
  if (isScalar(node)) {
    const tag = node.tag;
    let value: unknown;
    if (tag !== undefined) {
      value = taggedScalar(ctx, node, tag);
    } else if (node.type === 'PLAIN') {
      const source = typeof node.source === 'string' ? node.source : String(node.value);
      value = resolvePlainScalar(source);
      if (ctx.state.json && typeof value === 'string' && JSON_NUMBER.test(source)) fail(ctx, node, `json: cannot unmarshal number ${source} into Go value of type float64`);
    } else {
      value = typeof node.value === 'string' ? node.value : String(node.source ?? node.value);
    }
    if (typeof value === 'number' && !isJsonNumber(value)) fail(ctx, node, `error converting YAML to JSON: json: unsupported value: ${Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'}`);
    return value;
  }
  if (isSeq(node)) {
    const path = ctx.path;
    return node.items.map((item, i) => {
      path.push(i);
      const value = toJson(ctx, item, depth + 1, aliased);
      path.pop();
      return value;
    });
  }
  // an item of `!!omap` or `!!pairs` is a pair: the one-entry mapping go-yaml reads there
  if (isMap(node) || isPair(node)) {
    const out: Record<string, unknown> = {};
    // `__proto__` as an own key, as JSON.parse makes it, not the prototype
    const set = (key: string, value: unknown) => (key === '__proto__' ? Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true }) : (out[key] = value));
    const seen = new Set<string>();
    for (const pair of isPair(node) ? [node] : node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      if (isScalar(keyNode) && typeof keyNode.value === 'symbol') {
        // `<<: *base` (YAML 1.1 merge): go-yaml v2 sets the merged keys in place, in order.
        const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const source of sources) {
          const merged = toJson(ctx, source, depth + 1, aliased);
          if (merged === null || typeof merged !== 'object' || Array.isArray(merged)) fail(ctx, pair.value as Node, 'map merge requires map or sequence of maps as the value');
          for (const [k, v] of Object.entries(merged)) set(k, v);
        }
        continue;
      }
      const key = keyString(isScalar(keyNode) || isAlias(keyNode) ? toJson(ctx, keyNode, depth + 1, aliased) : undefined);
      if (key === undefined) fail(ctx, keyNode, 'error converting YAML to JSON: unsupported map key (only strings, numbers and booleans are)');
      if (seen.has(key)) {
        const at = positionOf(ctx.state.lineCounter, keyNode);
        if (at && !aliased) ctx.duplicates.push({ key, path: pathString([...ctx.path, key]), position: at });
      }
      seen.add(key);
      ctx.path.push(key);
      set(key, toJson(ctx, pair.value, depth + 1, aliased));
      ctx.path.pop();
    }
    return out;
  }
  return fail(ctx, node as Node, 'unsupported YAML node');
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The characters go-yaml refuses anywhere in its input ("control characters are not allowed"): C0 controls
 * other than tab, LF and CR, DEL, C1 controls other than NEL, and U+FFFE/U+FFFF.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;

/** The nesting depth of a document's syntax tree, walked without recursion (the tree may be hostile). */
function cstDepth(root: Token): { depth: number; offset: number } {
  const stack: [Token, number][] = [[root, 0]];
  let deepest = { depth: 0, offset: 0 };
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (depth > deepest.depth) deepest = { depth, offset: 'offset' in token ? token.offset : 0 };
    if (deepest.depth > MAX_DEPTH) return deepest;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items) {
        const entry = item as { key?: Token | null; value?: Token };
        if (entry.key) stack.push([entry.key, depth + 1]);
        if (entry.value) stack.push([entry.value, depth + 1]);
      }
    }
  }
  return deepest;
}

/** The yaml package's composer as it comes: YAML 1.1, duplicate keys kept (go-yaml keeps the last; a finding reports them). */
const STOCK_COMPOSER_OPTIONS = { version: '1.1', uniqueKeys: false, strict: false } as const;

/**
 * A scalar tag the composer tries when a value names it (`!!int 3`), with its test as before, but not on every
 * untagged value: the composer takes only `default: true` for that, and any other truthy `default` as a tag
 * with a test when named.
 */
const NAMED_ONLY = 'named-only' as unknown as true;

/**
 * The composer's options for reading. An untagged plain scalar is resolved by {@link toJson} from its source, as
 * go-yaml resolves it (./scalars.ts), so the composer's own resolution of it (a dozen YAML 1.1 tests per value)
 * is wasted: its scalar tags are kept for explicit tags only, and the merge key `<<` is still recognized. A test
 * reads the corpora and the fuzz inputs both ways and finds the same objects, positions and errors.
 */
const COMPOSER_OPTIONS = {
  ...STOCK_COMPOSER_OPTIONS,
  customTags: (tags: Tags) => tags.map((tag) => (typeof tag === 'object' && !('collection' in tag && tag.collection) && tag.default === true ? { ...tag, default: NAMED_ONLY } : tag)),
};

/** Whether kubectl reads this text as JSON rather than YAML (its first non-space character is `{`). */
function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text);
}

/** The first character go-yaml refuses ({@link CONTROL}) in a whole text, as a read error with its position. */
function checkControl(source: Source): void {
  const control = CONTROL.exec(source.text);
  if (control) {
    const code = control[0].charCodeAt(0);
    const utf32 = code === 0 && /^\uFEFF?\0/.test(source.text) ? ' (the file looks UTF-32 encoded: Kubernetes reads UTF-8, and UTF-16 with a byte order mark)' : '';
    const before = source.text.slice(0, control.index).split('\n');
    const at = { line: before.length, col: before[before.length - 1]!.length + 1 };
    throw new ManifestReadError(source.file, at, `yaml: control characters are not allowed${utf32}`);
  }
}

/**
 * A part of a source's text as the parser is fed it: the whole text at once, or the pieces of a file read in
 * chunks ({@link textPieces}), each but the last ending with a document marker line.
 */
interface Piece {
  readonly text: string;
  /** Whether the text ends here (the parser then finishes what it holds). */
  readonly last: boolean;
}

/**
 * The text fed to the parser from the document being read on: to quote a document (skip reasons) and to turn
 * its offsets into byte offsets of the file. A document spans at most two pieces ({@link textPieces}), and the
 * pieces before the document being read are dropped ({@link TextWindow.dropBefore}).
 */
class TextWindow {
  private readonly parts: { readonly start: number; readonly byteStart: number; readonly text: string; readonly ascii: boolean }[] = [];
  private end = 0;
  private byteEnd: number;
  /** The last byte offset computed in a part that is not ASCII, to go on from (documents come in order). */
  private cursor = { part: -1, offset: 0, byte: 0 };

  /** @param byteStart the byte offset of the text's first character in its file (3 after a byte order mark) */
  constructor(byteStart = 0) {
    this.byteEnd = byteStart;
  }

  add(text: string): void {
    const bytes = Buffer.byteLength(text);
    this.parts.push({ start: this.end, byteStart: this.byteEnd, text, ascii: bytes === text.length });
    this.end += text.length;
    this.byteEnd += bytes;
  }

  private partAt(offset: number): number {
    let i = this.parts.length - 1;
    while (i > 0 && this.parts[i]!.start > offset) i--;
    if (i < 0 || this.parts[i]!.start > offset) throw new Error(`internal error: offset ${offset} is before the text kept`);
    return i;
  }

  /** The text from `start` to `end` (offsets in the whole text). */
  slice(start: number, end: number): string {
    const first = this.partAt(start);
    const part = this.parts[first]!;
    if (end <= part.start + part.text.length) return part.text.slice(start - part.start, end - part.start);
    let text = part.text.slice(start - part.start);
    for (let i = first + 1; i < this.parts.length && this.parts[i]!.start < end; i++) text += this.parts[i]!.text.slice(0, end - this.parts[i]!.start);
    return text;
  }

  /** The byte offset in the file of the character at `offset` (UTF-8). */
  byteOffset(offset: number): number {
    const i = this.partAt(offset);
    const part = this.parts[i]!;
    if (part.ascii) return part.byteStart + offset - part.start;
    const cursor = this.cursor;
    if (cursor.part !== i || cursor.offset > offset) {
      cursor.part = i;
      cursor.offset = part.start;
      cursor.byte = part.byteStart;
    }
    cursor.byte += Buffer.byteLength(part.text.slice(cursor.offset - part.start, offset - part.start));
    cursor.offset = offset;
    return cursor.byte;
  }

  /** Drops the pieces that end before `offset`: nothing before it is asked for again. */
  dropBefore(offset: number): void {
    let drop = 0;
    while (drop < this.parts.length - 1 && this.parts[drop + 1]!.start <= offset) drop++;
    if (drop === 0) return;
    this.parts.splice(0, drop);
    this.cursor.part -= drop;
  }
}

/**
 * The text of a document that failed to parse, up to its last error: the parser may end the document before the
 * tokens it could not place (a Helm line `{{- with … }}` in a mapping), which are the document's text all the same.
 */
function failedText(window: TextWindow, doc: Document.Parsed): string {
  let end = doc.range[2];
  for (const error of doc.errors) end = Math.max(end, error.pos[1]);
  return window.slice(doc.range[0], end);
}

/**
 * A YAML lexer that reads quoted scalars as go-yaml (kubectl's reader) does: the lines of a single- or
 * double-quoted scalar that spans lines may have any indentation, as far as its closing quote; only a document
 * marker (`---`, `...`) at the start of a line ends it before (an error then, for both). The yaml package's lexer
 * ends the scalar at the first line indented no more than its key, and so fails with a missing quote on
 *
 *     description: "When set to `true` the TLS {} is optional, defaults
 *     to false."
 *
 * which kubectl reads as one string. Its plain and block scalars are left as they are (go-yaml bounds those by the
 * indentation too).
 */
function kubectlLexer(): Lexer {
  const lexer = new Lexer();
  // The lexer ends a quoted scalar's lines where they are indented less than `indentNext` (its private state); at
  // 0 it checks for document markers only. Both are private to the yaml package (2.9): a release without them
  // gets its lexer as it comes (such a scalar then fails to parse, as it did before), never a broken one.
  const quoted = lexer as unknown as { indentNext: number; parseQuotedScalar(): Generator<string, string> };
  const parseQuotedScalar = quoted.parseQuotedScalar;
  if (typeof parseQuotedScalar !== 'function' || typeof quoted.indentNext !== 'number') return lexer;
  quoted.parseQuotedScalar = function* (this: typeof quoted) {
    const indentNext = this.indentNext;
    this.indentNext = 0;
    try {
      return yield* parseQuotedScalar.call(this);
    } finally {
      this.indentNext = indentNext;
    }
  };
  return lexer;
}

/** `parser.parse(text)` with {@link kubectlLexer}, for a parser new to its text; `lineCounter` is its own. */
function* kubectlTokens(parser: Parser, lineCounter: LineCounter, text: string): Generator<Token> {
  lineCounter.addNewLine(0);
  for (const lexeme of kubectlLexer().lex(text)) yield* parser.next(lexeme);
  yield* parser.end();
}

/**
 * The parsed documents of a text fed in pieces, one at a time, each dropped by the caller when done. One parser
 * reads all the pieces, so offsets, positions and directives run on across them as in one text. Fails on the
 * first syntax error or over-deep document, with its position; in lenient mode a document that fails to parse
 * but is a template (`{{ }}`) is handed on with its errors for the caller to skip.
 */
function* parseDocuments(file: string, pieces: Iterable<Piece>, window: TextWindow, lineCounter: LineStarts, lenient: boolean, options: ReadOptions = {}): Generator<Document.Parsed> {
  const parser = new Parser((offset) => lineCounter.addNewLine(offset));
  const lexer = kubectlLexer();
  const composer = new Composer(options.stockSchema ? STOCK_COMPOSER_OPTIONS : COMPOSER_OPTIONS);
  const maxLength = options.maxDocument?.length ?? MAX_DOCUMENT_LENGTH;
  const maxTokens = options.maxDocument?.tokens ?? MAX_DOCUMENT_TOKENS;
  /** Where the document being parsed starts (the end of the last token the parser handed out), and its tokens so far. */
  let documentStart = 0;
  let tokens = 0;
  const length = maxLength % 2 ** 20 === 0 ? `${maxLength / 2 ** 20} MiB` : `${maxLength.toLocaleString('en')} characters`;
  const count = `${maxTokens.toLocaleString('en')} YAML tokens`;
  const tooLarge = (what: string) => new DocumentTooLargeError(file, lineCounter.linePos(documentStart), `yaml: document too large: more than ${what} (podkit reads documents of at most ${length} and ${count}): split it into several documents`);
  const checked = (doc: Document.Parsed): Document.Parsed => {
    const error = doc.errors[0];
    if (error && !(lenient && skipReasonOfFailedDocument(failedText(window, doc)))) {
      throw new ManifestReadError(file, lineCounter.linePos(error.pos[0]), `yaml: ${firstLine(error.message)}`);
    }
    return doc;
  };
  const tokensOf = function* (piece: Piece): Generator<Token> {
    // Parser.parse, one token at a time, each first counted against the document's bounds
    if (parser.offset === 0) lineCounter.addNewLine(0);
    for (const lexeme of lexer.lex(piece.text, !piece.last)) {
      if (++tokens > maxTokens) throw tooLarge(count);
      if (parser.offset + lexeme.length - documentStart > maxLength) throw tooLarge(length);
      yield* parser.next(lexeme);
    }
    if (piece.last) yield* parser.end();
  };
  for (const piece of pieces) {
    window.add(piece.text);
    for (const token of tokensOf(piece)) {
      documentStart = parser.offset;
      tokens = 0;
      if (token.type === 'document') {
        const { depth, offset } = cstDepth(token);
        if (depth > MAX_DEPTH) throw new ManifestReadError(file, lineCounter.linePos(offset), `yaml: exceeded max depth of ${MAX_DEPTH} (podkit reads at most ${MAX_DEPTH} levels of nesting)`);
      }
      for (const doc of composer.next(token)) yield checked(doc);
    }
  }
  for (const doc of composer.end()) yield checked(doc);
}

/**
 * Where an object read by {@link readDocuments} is in its source: enough to read it again ({@link reattach})
 * without holding anything parsed.
 */
export interface ObjectOrigin {
  readonly file: string;
  /**
   * The source text, its document's start and end offsets in it (in the units of `text`: UTF-16 code units of a
   * string, bytes of a file read in chunks), and whether the source is read as JSON.
   */
  readonly text: SourceText;
  readonly start: number;
  readonly end: number;
  readonly json: boolean;
  /** The path of `items` indexes from the document's root to the object (empty unless in a `List`). */
  readonly items: readonly number[];
  /** The position of the document's start in the file. */
  readonly base: Position;
  /** The position of the object's first key ({@link SourcedObject.position}). */
  readonly position: Position;
}

/** A position map for a document read again on its own: offsets in the slice, positions in the whole file. */
function shiftedPositions(lineCounter: LineCounter, base: Position): PositionMap {
  return {
    linePos(offset) {
      const at = lineCounter.linePos(offset);
      return at.line === 1 ? { line: base.line, col: base.col + at.col - 1 } : { line: base.line + at.line - 1, col: at.col };
    },
  };
}

/**
 * A kept object in compact form: where its document is in the source text, to read it again when asked for
 * its node or the object itself ({@link reattach}); nothing parsed is held.
 */
class DetachedObject implements SourcedObject {
  readonly file: string;
  readonly position: Position;
  readonly duplicateKeys: readonly DuplicateKey[];

  constructor(
    sourced: SourcedObject,
    readonly origin: ObjectOrigin,
  ) {
    this.file = sourced.file;
    this.position = sourced.position;
    this.duplicateKeys = sourced.duplicateKeys.length === 0 ? NO_DUPLICATES : sourced.duplicateKeys;
  }

  /** The object, read again from its document (each access reads it again). */
  get object(): KubeObject {
    return reattach(this).object;
  }

  get node(): Node {
    return reattach(this).node;
  }

  get lineCounter(): PositionMap {
    return reattach(this).lineCounter;
  }
}

/**
 * The object at `origin` (or of a detached {@link SourcedObject}) read again from its document, with its node,
 * to locate many paths in it at once; a live {@link SourcedObject} is returned as it is. Nothing is cached: the
 * caller drops it when done. Its duplicate keys are not reported again.
 */
export function reattach(from: SourcedObject | ObjectOrigin): SourcedObject {
  if (!(from instanceof DetachedObject) && 'object' in from) return from;
  const origin = from instanceof DetachedObject ? from.origin : (from as ObjectOrigin);
  const text = origin.text.slice(origin.start, origin.end);
  const lineCounter = new LineCounter();
  const parser = new Parser((offset) => lineCounter.addNewLine(offset));
  const composer = new Composer(COMPOSER_OPTIONS);
  const doc = [...composer.compose(kubectlTokens(parser, lineCounter, text))][0]!;
  const positions = shiftedPositions(lineCounter, origin.base);
  const state: FileState = { file: origin.file, lineCounter: positions, json: origin.json, aliasValues: 0, aliasBudget: ALIAS_BUDGET_BASE + ALIAS_BUDGET_PER_BYTE * text.length };
  const ctx: Context = { state, doc, duplicates: [], path: [] };
  let node = resolved(ctx, doc.contents as Node);
  for (const i of origin.items) node = resolved(ctx, (node as unknown as { get(k: string, keep: true): { items: Node[] } }).get('items', true).items[i]!);
  return { object: toJson(ctx, node, 0, false) as KubeObject, file: origin.file, position: origin.position, node, lineCounter: positions, duplicateKeys: NO_DUPLICATES, origin };
}

const NO_DUPLICATES: readonly DuplicateKey[] = Object.freeze([]);

/** Where a document is in its source. */
interface DocumentSpan {
  readonly text: SourceText;
  readonly start: number;
  readonly end: number;
  readonly json: boolean;
  readonly base: Position;
}

/** The objects of one document node: the object itself, or a `List`'s items (recursively). */
function objectsOf(ctx: Context, node: Node, value: unknown, span: DocumentSpan, items: readonly number[] = []): SourcedObject[] {
  const depth = items.length;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(ctx, node, `error unmarshaling JSON: the document is not an object (found ${Array.isArray(value) ? 'a sequence' : typeof value === 'string' ? 'a string' : String(value)})`);
  }
  const obj = value as KubeObject;
  if (isList(obj)) {
    const itemsNode = isMap(node) ? resolved(ctx, node.get('items', true) as Node) : undefined;
    if (!Array.isArray(obj.items) || !isSeq(itemsNode)) fail(ctx, itemsNode ?? node, 'json: cannot unmarshal into the items of a list: items must be a sequence');
    if (depth > MAX_DEPTH) fail(ctx, node, `yaml: exceeded max depth of ${MAX_DEPTH}`);
    return itemsNode.items.flatMap((item, i) => objectsOf(ctx, resolved(ctx, item as Node), (obj.items as unknown[])[i], span, [...items, i]));
  }
  if (typeof obj.kind !== 'string' || obj.kind === '') fail(ctx, node, "Object 'Kind' is missing");
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') fail(ctx, node, "Object 'apiVersion' is missing");
  const position = positionOf(ctx.state.lineCounter, node) ?? { line: 1, col: 1 };
  const origin: ObjectOrigin = { file: ctx.state.file, text: span.text, start: span.start, end: span.end, json: span.json, items, base: span.base, position };
  const sourced: SourcedObject = {
    object: obj,
    file: ctx.state.file,
    position,
    node,
    lineCounter: ctx.lines ?? ctx.state.lineCounter,
    duplicateKeys: items.length === 0 ? ctx.duplicates : duplicatesUnder(ctx.duplicates, items.map((i) => `items[${i}]`).join('.')),
    origin,
    detach: () => new DetachedObject(sourced, origin),
  };
  return [sourced];
}

/** The duplicate keys inside the List item at `prefix`, with paths relative to the item. */
function duplicatesUnder(duplicates: readonly DuplicateKey[], prefix: string): DuplicateKey[] {
  return duplicates
    .filter((d) => d.path.startsWith(`${prefix}.`) || d.path.startsWith(`${prefix}[`))
    .map((d) => ({ ...d, path: d.path.slice(prefix.length).replace(/^\./, '') }));
}

function resolved(ctx: Context, node: Node): Node {
  return isAlias(node) ? ((node.resolve(ctx.doc) as Node | undefined) ?? fail(ctx, node, `yaml: unknown anchor '${node.source}' referenced`)) : node;
}

/**
 * kubectl decodes any object with an `items` field as a list and applies its items, whatever the kind
 * (`kind: List`, `ConfigMapList`, or anything else): the container itself is never sent.
 */
function isList(obj: KubeObject): boolean {
  return obj.items !== undefined && obj.items !== null;
}

function isEmptyDocument(root: Node | null): boolean {
  return root === null || (isScalar(root) && root.type === 'PLAIN' && resolvePlainScalar(String(root.source ?? '')) === null);
}

function newFileState(file: string, text: { readonly json: boolean; readonly length: number }, lineCounter: PositionMap): FileState {
  return {
    file,
    lineCounter,
    json: text.json,
    aliasValues: 0,
    aliasBudget: ALIAS_BUDGET_BASE + ALIAS_BUDGET_PER_BYTE * text.length,
  };
}

/** What the reading of a source's documents needs to know of its whole text before the first document. */
interface TextFacts {
  /** Whether kubectl reads the text as JSON ({@link looksLikeJson}). */
  readonly json: boolean;
  /** Its length in UTF-16 code units (the alias budget grows with it). */
  readonly length: number;
  /** The text kept to read a document again, and the offset in it of an offset in the whole text. */
  readonly kept: SourceText;
  readonly keptOffset: (window: TextWindow, offset: number) => number;
}

/**
 * Reads the objects of a YAML or JSON text one document at a time, in order. Empty documents are skipped, as
 * kubectl skips them; in lenient mode, so is every document that is not meant to be a Kubernetes object, with
 * its reason. The alias budget is one for the whole file.
 * @throws ManifestReadError on the first thing kubectl would refuse (after yielding what came before it)
 */
export function* readDocuments(source: Source, options: ReadOptions = {}): Generator<ReadItem> {
  checkControl(source);
  const facts: TextFacts = { json: looksLikeJson(source.text), length: source.text.length, kept: source.text, keptOffset: (_window, offset) => offset };
  yield* readPieces(source.file, [{ text: source.text, last: true }], new TextWindow(), facts, options);
}

/** {@link readDocuments} over a text fed in pieces. */
function* readPieces(file: string, pieces: Iterable<Piece>, window: TextWindow, facts: TextFacts, options: ReadOptions): Generator<ReadItem> {
  const lenient = options.lenient ?? false;
  const lineCounter = new LineStarts();
  const state = newFileState(file, facts, lineCounter);
  for (const doc of parseDocuments(file, pieces, window, lineCounter, lenient, options)) {
    // positions and text are asked for from this document on only (the parser is at most a document ahead)
    lineCounter.forgetBefore(doc.range[0]);
    window.dropBefore(doc.range[0]);
    const root = doc.contents as Node | null;
    const position = lineCounter.linePos(root?.range?.[0] ?? doc.range[0]);
    if (doc.errors.length > 0) {
      // only a template reaches here with errors (parseDocuments)
      yield { type: 'skipped', skipped: { file, position, reason: skipReasonOfFailedDocument(failedText(window, doc))! } };
      continue;
    }
    if (isEmptyDocument(root)) continue;
    const ctx: Context = { state, doc, duplicates: [], path: [], lines: lineCounter.freeze(doc.range[0], doc.range[2]) };
    const node = resolved(ctx, root!);
    let value: unknown;
    try {
      value = toJson(ctx, node, 0, false);
    } catch (e) {
      const reason = lenient && e instanceof ManifestReadError ? skipReasonOfFailedDocument(window.slice(doc.range[0], doc.range[2])) : undefined;
      if (!reason) throw e;
      yield { type: 'skipped', skipped: { file, position, reason } };
      continue;
    }
    const reason = lenient ? skipReasonOfDocument(file, value, window.slice(doc.range[0], doc.range[2])) : undefined;
    if (reason) {
      yield { type: 'skipped', skipped: { file, position, reason } };
      continue;
    }
    const span: DocumentSpan = { text: facts.kept, start: facts.keptOffset(window, doc.range[0]), end: facts.keptOffset(window, doc.range[2]), json: state.json, base: lineCounter.linePos(doc.range[0]) };
    for (const sourced of objectsOf(ctx, node, value, span)) yield { type: 'object', sourced };
  }
}

/** The bytes of a manifest file, read at any offset: the file on disk ({@link fileBytes}), or an array. */
export interface ByteSource {
  /** Reads up to `into.length` bytes from byte `position` into `into`; returns how many (0 at the end). */
  read(into: Uint8Array, position: number): number;
  /**
   * The size in bytes, once known (a file's, from its first read): reading whole stops there, without one more
   * read to see the end. A source that grows past it fails its next read. @default unknown
   */
  size?(): number | undefined;
}

/**
 * The bytes of a file on disk, opened for each read (so no descriptor stays open between reads). A file larger than a
 * chunk is read more than once (to scan it, to parse it, to locate a finding in it again), so each read checks that
 * the file is the one first read (same inode, size and modification time): a file replaced, rewritten or deleted
 * meanwhile fails with a {@link ManifestReadError} instead of giving positions and objects of another text.
 */
export function fileBytes(path: string): ByteSource {
  let identity: string | undefined;
  let size: number | undefined;
  const changed = (why: string) => new ManifestReadError(path, undefined, `cannot read: the file changed while podkit was reading it (${why}): lint it again once it is written`);
  return {
    read(into, position) {
      let fd: number;
      try {
        fd = openSync(path, 'r');
      } catch (e) {
        if (identity === undefined) throw e;
        throw changed((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'it was deleted' : `it cannot be opened again: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      }
      try {
        const stat = fstatSync(fd, { bigint: true });
        const now = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
        if (identity === undefined) {
          identity = now;
          size = Number(stat.size);
        } else if (now !== identity) throw changed('it was written to or replaced');
        return readSync(fd, into, 0, into.length, position);
      } finally {
        closeSync(fd);
      }
    },
    size: () => size,
  };
}

/** The bytes of an array, read as a file's (the tests read their inputs so). */
export function arrayBytes(bytes: Uint8Array): ByteSource {
  return {
    read(into, position) {
      const part = bytes.subarray(position, position + into.length);
      into.set(part);
      return part.length;
    },
  };
}

/** Fills `into` from byte `from` of the bytes as far as they go; returns how many were read. */
function readFull(bytes: ByteSource, into: Uint8Array, from = 0): number {
  let total = 0;
  while (total < into.length) {
    const n = bytes.read(into.subarray(total), from + total);
    if (n === 0) break;
    total += n;
    // the whole file is read: a small file takes one open and one read, not a second read to find its end
    if (from + total === bytes.size?.()) break;
  }
  return total;
}

/** The bytes from `position` to the end (or to `end`), in one array. */
function readBytes(bytes: ByteSource, position: number, end = Infinity, chunkSize = DEFAULT_CHUNK_SIZE): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const part = new Uint8Array(Math.min(chunkSize, end - position - total));
    const n = part.length === 0 ? 0 : bytes.read(part, position + total);
    if (n === 0) break;
    parts.push(part.subarray(0, n));
    total += n;
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/**
 * A UTF-8 file's text as {@link SourceText}, read again from disk by byte offsets: it holds nothing of the text.
 * The offsets are those of whole characters (document starts and ends), so the bytes between them decode to the
 * same characters as in the whole file.
 */
class FileText implements SourceText {
  constructor(private readonly bytes: ByteSource) {}

  slice(start: number, end: number): string {
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(readBytes(this.bytes, start, end));
  }
}

/**
 * The bytes read at a time from a manifest file. Small, so that the strings made of a chunk stay in V8's young
 * generation: with 1 MiB chunks each piece of text is a large object, freed only by a full collection, and
 * `podkit lint` of a 100 MB file peaked at 4.4x the input's size, as when it held the whole text; with 64 KiB,
 * 3.1 to 3.6x (bench/lint.ts).
 */
const DEFAULT_CHUNK_SIZE = 1 << 16;

/** The text of a UTF-8 file, `chunkSize` bytes at a time (a character split between two chunks is decoded whole). */
function* decodedChunks(bytes: ByteSource, chunkSize: number): Generator<string> {
  const buffer = new Uint8Array(chunkSize);
  const decoder = new TextDecoder('utf-8');
  for (let position = 0; ; ) {
    const n = bytes.read(buffer, position);
    if (n === 0) break;
    position += n;
    const text = decoder.decode(buffer.subarray(0, n), { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/**
 * A document marker line after which the text can be cut and fed on to the same parser as if whole: `---` or
 * `...` at the start of a line with at most a comment after it. At such a line every YAML construct has ended
 * (a marker line at column 0 ends any scalar, flow collection or document), and after its line break the lexer
 * holds nothing: the next piece starts as a fresh line. A marker with content after it (`--- !tag`,
 * `--- {a: 1}`, `--- |`) is not a place to cut: the lexer may still be inside that content.
 */
const MARKER_LINE = /\n(?:---|\.\.\.)(?:[ \t]+(?:#[^\n]*)?)?\r?\n/g;
const MARKER_LINE_AT_START = /(?:---|\.\.\.)(?:[ \t]+(?:#[^\n]*)?)?\r?\n/y;

/** The end of the last marker line ({@link MARKER_LINE}) in `text`, or 0; `atLineStart`: whether `text` starts a line. */
function lastCut(text: string, atLineStart: boolean): number {
  let cut = 0;
  if (atLineStart) {
    MARKER_LINE_AT_START.lastIndex = 0;
    if (MARKER_LINE_AT_START.test(text)) cut = MARKER_LINE_AT_START.lastIndex;
  }
  MARKER_LINE.lastIndex = 0;
  for (let m = MARKER_LINE.exec(text); m; m = MARKER_LINE.exec(text)) {
    cut = MARKER_LINE.lastIndex;
    MARKER_LINE.lastIndex--; // the line break that ends a marker line may start the next one
  }
  return cut;
}

/** The longest unfinished line searched again with the next chunk (a marker line with a longer comment is not cut after). */
const MAX_CARRIED_LINE = 4096;

/** Whether a line read so far (its end not yet read) may still turn out a marker line ({@link MARKER_LINE}). */
function mayBeMarkerLine(line: string): boolean {
  return line.length < 3 ? '---'.startsWith(line) || '...'.startsWith(line) : line.startsWith('---') || line.startsWith('...');
}

/**
 * The text of a UTF-8 file in pieces for the parser: each piece but the last ends with a marker line
 * ({@link MARKER_LINE}), the last one found in a chunk, so a piece holds about a chunk of whole documents; a
 * document longer than a chunk makes a longer piece. Each chunk is searched once, with the line it continues
 * when that line may be a marker line.
 */
function* textPieces(bytes: ByteSource, chunkSize: number): Generator<Piece> {
  let parts: string[] = [];
  /** The last line read, when it may be the start of a marker line; `atLineStart` whether it starts a line. */
  let line = '';
  let atLineStart = true;
  for (const text of decodedChunks(bytes, chunkSize)) {
    const region = line + text;
    const cut = lastCut(region, atLineStart) - line.length;
    if (cut > 0) {
      parts.push(text.slice(0, cut));
      yield { text: parts.join(''), last: false };
      parts = [text.slice(cut)];
    } else {
      parts.push(text);
    }
    const lastBreak = region.lastIndexOf('\n');
    const last = region.slice(lastBreak + 1);
    atLineStart = (lastBreak >= 0 || atLineStart) && last.length <= Math.max(chunkSize, MAX_CARRIED_LINE) && mayBeMarkerLine(last);
    line = atLineStart ? last : '';
  }
  yield { text: parts.join(''), last: true };
}

/**
 * What reading a UTF-8 file in chunks needs to know before its first document (the alias budget and JSON
 * decoding are set for the whole file), read in one pass; undefined when the file is better read whole: a
 * control character (the whole text gives the error its position and wording) or bytes that are not UTF-8
 * (U+FFFD stands for one to three bytes, so offsets in the text would not map to bytes).
 */
function scanText(bytes: ByteSource, chunkSize: number): { readonly json: boolean; readonly length: number } | undefined {
  let json: boolean | undefined;
  let length = 0;
  for (const text of decodedChunks(bytes, chunkSize)) {
    if (CONTROL.test(text) || text.includes('\uFFFD')) return undefined;
    if (json === undefined) {
      const first = /\S/.exec(text);
      if (first) json = first[0] === '{';
    }
    length += text.length;
  }
  return { json: json ?? false, length };
}

/** How to read a file. */
export interface FileReadOptions extends ReadOptions {
  /** The bytes read at a time. @default DEFAULT_CHUNK_SIZE (64 KiB) */
  readonly chunkSize?: number;
}

/**
 * Reads the objects of a manifest file as {@link readDocuments} reads its text ({@link decodeManifest}), with the
 * same objects, positions, skips and errors, but without holding the text: a UTF-8 file larger than a chunk is
 * read twice in chunks (once to learn what the whole file decides: JSON or YAML, the alias budget, a control
 * character), then parsed piece by piece, and each object keeps only the byte offsets of its document
 * ({@link FileText}). A smaller file, a UTF-16 file, and a file that is not valid UTF-8 or has a control
 * character are read whole.
 * @throws ManifestReadError on the first thing kubectl would refuse (after yielding what came before it)
 */
export function* readManifestBytes(file: string, bytes: ByteSource, options: FileReadOptions = {}): Generator<ReadItem> {
  const { head, n } = readHead(bytes, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const small = n <= chunkSize;
  const utf16 = n >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  const facts = small || utf16 ? undefined : scanText(bytes, chunkSize);
  if (!facts) {
    yield* readDocuments(decodeManifest(file, small ? head.subarray(0, n) : readBytes(bytes, 0)), options);
    return;
  }
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const kept: TextFacts = { ...facts, kept: new FileText(bytes), keptOffset: (window, offset) => window.byteOffset(offset) };
  yield* readPieces(file, textPieces(bytes, chunkSize), new TextWindow(bom), kept, options);
}

/** The first read of a file: most files of a repository are a few KiB. */
const FIRST_READ = 16 * 1024;

/**
 * The first chunk of the bytes and one byte more (which tells whether there is more than a chunk), in `head`, `n`
 * of them read. A file smaller than {@link FIRST_READ} is read into a buffer of that size, once (its size known
 * from that read): a whole chunk allocated for each small file was most of the reading's garbage.
 */
function readHead(bytes: ByteSource, chunkSize: number): { head: Uint8Array; n: number } {
  const full = Math.max(chunkSize + 1, 4);
  if (full <= FIRST_READ) {
    const head = new Uint8Array(full);
    return { head, n: readFull(bytes, head) };
  }
  const first = new Uint8Array(FIRST_READ);
  const n = readFull(bytes, first);
  if (n < first.length) return { head: first, n };
  const head = new Uint8Array(full);
  head.set(first);
  return { head, n: n + readFull(bytes, head.subarray(n), n) };
}

/**
 * The most bytes read from an input that is not a regular file (stdin, a pipe, `<(helm template …)`, a device):
 * such an input is held whole, and may never end (`/dev/zero`, `yes`).
 */
export const MAX_STREAM_BYTES = 256 * 2 ** 20;

/**
 * The bytes of a file or descriptor read to its end, at most `max` of them: stdin, a pipe or a device, held whole
 * since it cannot be read again.
 * @throws ManifestReadError past `max` bytes; an error of the file system as it comes
 */
export function readStream(file: string, from: string | number, max = MAX_STREAM_BYTES): Uint8Array {
  const fd = typeof from === 'number' ? from : openSync(from, 'r');
  try {
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const part = Buffer.allocUnsafe(Math.min(DEFAULT_CHUNK_SIZE, max + 1 - total));
      const n = readSync(fd, part, 0, part.length, null);
      if (n === 0) break;
      parts.push(part.subarray(0, n));
      total += n;
      if (total > max) throw new ManifestReadError(file, undefined, `cannot read: more than ${max >= 2 ** 20 ? `${max / 2 ** 20} MiB` : `${max} bytes`} from a pipe, a device or stdin, which podkit holds whole: save the manifests to a file and lint the file`);
    }
    return Buffer.concat(parts, total);
  } finally {
    if (typeof from !== 'number') closeSync(fd);
  }
}

/**
 * Reads the objects of a manifest file on disk, in chunks ({@link readManifestBytes}); a file that is not a
 * regular file (a pipe, a device) is read whole, up to {@link MAX_STREAM_BYTES}.
 * @throws ManifestReadError on the first thing kubectl would refuse; an error of the file system as it comes
 */
export function* readManifestFile(path: string, options: FileReadOptions = {}): Generator<ReadItem> {
  if (statSync(path).isFile()) yield* readManifestBytes(path, fileBytes(path), options);
  else yield* readDocuments(decodeManifest(path, readStream(path, path)), options);
}

/**
 * Reads every object of a YAML or JSON text. Empty documents are skipped, as kubectl skips them.
 * @throws ManifestReadError on the first thing kubectl would refuse
 */
export function readManifests(source: Source): SourcedObject[] {
  const out: SourcedObject[] = [];
  for (const item of readDocuments(source)) if (item.type === 'object') out.push(item.sourced);
  return out;
}

/**
 * Every non-empty document of a YAML text as plain JSON, without the Kubernetes-object checks (for inputs
 * that are not manifests, such as a cluster profile).
 * @throws ManifestReadError on bad YAML or values JSON cannot carry
 */
export function readYamlDocuments(source: Source): unknown[] {
  checkControl(source);
  const lineCounter = new LineStarts();
  const state = newFileState(source.file, { json: looksLikeJson(source.text), length: source.text.length }, lineCounter);
  const out: unknown[] = [];
  for (const doc of parseDocuments(source.file, [{ text: source.text, last: true }], new TextWindow(), lineCounter, false)) {
    if (doc.contents === null) continue;
    out.push(toJson({ state, doc, duplicates: [], path: [] }, doc.contents, 0, false));
  }
  return out;
}

/**
 * The text of a file as Kubernetes' YAML decoder reads its bytes: UTF-8 (a byte order mark dropped), or UTF-16
 * with a byte order mark transcoded (golang.org/x/text `BOMOverride`, which knows no UTF-32: such a file then
 * fails as kubectl fails on it, on its NUL characters).
 */
export function decodeManifest(file: string, bytes: Uint8Array): Source {
  const utf32le = bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0;
  if (!utf32le && bytes[0] === 0xff && bytes[1] === 0xfe) return { file, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { file, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  if (utf32le) return { file, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  // bytes that are not UTF-8 become U+FFFD, as x/text's UTF-8 decoder makes them for kubectl
  return { file, text: new TextDecoder('utf-8').decode(bytes) };
}
