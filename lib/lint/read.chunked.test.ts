/**
 * A file read in chunks (read.ts `readManifestBytes`) must read as its whole text does (`readDocuments` over
 * `decodeManifest`): the same objects, the same position of every field path, the same duplicate keys, skipped
 * documents and errors (message and position), and each object read again from its byte offsets
 * (`reattach`) the same as when first read. Tiny chunks (1 to 64 bytes) put a chunk boundary everywhere: inside a
 * marker line, a UTF-8 character, a CRLF, a block scalar, a document many chunks long. The inputs are the
 * corpus repositories (read at test time, never copied here), the fuzz test's generated inputs, and the cases
 * below, each a failing input next to its passing twin.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusManifestFiles, corpusMissing, locateCorpus } from '../../test-support/corpora';
import { generator, hostile } from './fuzz.cases';
import { locate } from './locate';
import { arrayBytes, decodeManifest, fileBytes, ManifestReadError, reattach, readDocuments, readManifestBytes, type ReadItem, type SourcedObject } from './read';

/** Every field path of a JSON value, as the rules print them. */
function fieldPaths(value: unknown, path = '', out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => fieldPaths(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) fieldPaths(v, path === '' ? k : /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${path}.${k}` : `${path}[${k}]`, out);
  }
  if (path !== '') out.push(path);
  return out;
}

function located(sourced: SourcedObject): unknown[] {
  return fieldPaths(sourced.object).slice(0, 300).map((p) => [p, locate(sourced, p)]);
}

/** All a reading says, in one comparable value; `again`: also each object read again from its origin. */
function describeReading(items: () => Iterable<ReadItem>, again: boolean): unknown[] {
  const out: unknown[] = [];
  try {
    for (const item of items()) {
      if (item.type === 'skipped') out.push(['skipped', item.skipped]);
      else {
        const { object, position, duplicateKeys } = item.sourced;
        out.push(['object', JSON.stringify(object), position, duplicateKeys, located(item.sourced)]);
        if (again) {
          const read = reattach(item.sourced.detach!());
          out.push(['again', JSON.stringify(read.object), read.position, located(read)]);
        }
      }
    }
  } catch (e) {
    out.push(['error', (e as Error).name, (e as Error).message]);
  }
  return out;
}

function expectSameInChunks(file: string, bytes: Uint8Array, chunkSizes: readonly number[]): void {
  for (const lenient of [true, false]) {
    const whole = describeReading(() => readDocuments(decodeManifest(file, bytes), { lenient }), true);
    for (const chunkSize of chunkSizes) {
      const chunked = describeReading(() => readManifestBytes(file, arrayBytes(bytes), { lenient, chunkSize }), true);
      expect(chunked, `${file} (chunks of ${chunkSize} bytes, lenient: ${lenient})`).toStrictEqual(whole);
    }
  }
}

for (const repo of ['kubernetes/examples', 'GoogleCloudPlatform/microservices-demo', 'kubernetes/pod-security-admission']) {
  const dir = locateCorpus({ repo });
  describe.skipIf(!dir)(`reading ${repo} in chunks${dir ? '' : ` (${corpusMissing(repo)})`}`, () => {
    it('gives the objects, positions, skips and errors of the whole text, for every file, in chunks of 7 and 64 bytes', () => {
      const files = corpusManifestFiles(dir!);
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) expectSameInChunks(file, readFileSync(file), [7, 64]);
    }, 600_000);
  });
}

describe('reading the generated hostile inputs in chunks', () => {
  it('gives what the whole text gives (400 cases, seed 15, as the fuzz test; 400 more, seed 16), in chunks of 7 and 64 bytes', () => {
    for (const seed of [15, 16]) {
      const random = generator(seed);
      for (let i = 0; i < 400; i++) {
        const input = hostile(random);
        expectSameInChunks(`seed-${seed}-case-${i}.yaml`, typeof input === 'string' ? Buffer.from(input) : input, [7, 64]);
      }
    }
  }, 600_000);
});

const cm = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: "v"\n${extra}`;
/** Reads `text` in chunks of every size from 1 to 16 bytes and of 64 (or of `chunkSizes`), checks they agree with the whole text, and returns what it reads. */
function readInChunks(text: string | Uint8Array, chunkSizes = [...Array.from({ length: 16 }, (_, i) => i + 1), 64]): { names: unknown[]; positions: unknown[]; error?: string } {
  const file = 'in.yaml';
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  expectSameInChunks(file, bytes, chunkSizes);
  const names: unknown[] = [];
  const positions: unknown[] = [];
  try {
    for (const item of readManifestBytes(file, arrayBytes(bytes), { chunkSize: 5 })) {
      if (item.type !== 'object') continue;
      names.push(item.sourced.object.metadata?.name);
      positions.push([item.sourced.position.line, item.sourced.position.col, locate(item.sourced, 'data.k')]);
    }
  } catch (e) {
    if (!(e instanceof ManifestReadError)) throw e;
    return { names, positions, error: e.message };
  }
  return { names, positions };
}

describe('reading a file in chunks: document boundaries', () => {
  it.each([
    ['a `---` line inside a block scalar ends it (a marker at column 0)', `${cm('a', 'data2: |\n  text\n---\n')}${cm('b')}`, ['a', 'b']],
    ['an indented `---` inside a block scalar is text', `${cm('a', 'notes: |\n  one\n  ---\n  two\n')}---\n${cm('b')}`, ['a', 'b']],
    ['a marker with content after it (`--- !!map`, `--- {…}`)', `${cm('a')}--- !!map\n${cm('b')}--- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {k: v}}\n---\n${cm('d')}`, ['a', 'b', 'c', 'd']],
    ['a `...` document end, a comment after a marker', `${cm('a')}...\n--- # next\n${cm('b')}... # end\n`, ['a', 'b']],
    ['a %YAML directive before a document', `${cm('a')}...\n%YAML 1.1\n---\n${cm('b')}`, ['a', 'b']],
    ['a byte order mark', `\uFEFF${cm('a')}---\n${cm('b')}`, ['a', 'b']],
    ['CRLF line ends', `${cm('a')}---\n${cm('b')}`.replaceAll('\n', '\r\n'), ['a', 'b']],
    ['no line break at the end', `${cm('a')}---\n${cm('b')}`.slice(0, -1), ['a', 'b']],
    ['a document longer than many chunks', `${cm('a', `long: "${'x'.repeat(400)}"\n`)}---\n${cm('b')}`, ['a', 'b']],
    ['characters of two to four UTF-8 bytes across chunks', `${cm('é-ü', 'z: "日本語 🙂"\n')}---\n${cm('b', 'y: "€"\n')}`, ['é-ü', 'b']],
    ['a marker line at the start of the file', `---\n${cm('a')}---\n\n---\n${cm('b')}`, ['a', 'b']],
    ['bytes that are not UTF-8 (U+FFFD stands for one to three bytes: such a file is read whole)', Buffer.concat([Buffer.from(`${cm('a')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b-`), Buffer.from([0xf0, 0x9f]), Buffer.from(`\ndata:\n  k: "v"\n`)]), ['a', 'b-\ufffd']],
  ])('reads %s as the whole text does', (_what, text, names) => {
    const read = readInChunks(text);
    expect(read.error).toBeUndefined();
    expect(read.names).toStrictEqual(names);
  });

  it('gives each document the positions it has in the whole file (a running line count across chunks)', () => {
    const text = `${cm('a')}---\n${cm('b')}---\n# a comment\n\n${cm('c')}`;
    expect(readInChunks(text).positions).toStrictEqual([
      [1, 1, { line: 6, col: 3 }],
      [8, 1, { line: 13, col: 3 }],
      [17, 1, { line: 22, col: 3 }],
    ]);
    expect(readInChunks(text.replaceAll('\n', '\r\n')).positions).toStrictEqual(readInChunks(text).positions);
  });

  it.each([
    ['fails when an unclosed flow collection runs into a `---` line, at its position', `${cm('a')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b\n---\n${cm('c')}`, ['a'], /^in\.yaml:\d+:\d+: yaml: /],
    ['fails when an unclosed flow collection ends its line with a comma before a `---` line', `${cm('a')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b,\n---\n${cm('c')}`, ['a'], /^in\.yaml:\d+:\d+: yaml: /],
    ['fails when a flow collection opened on a marker line runs into the next marker', `${cm('a')}--- {apiVersion: v1, kind: ConfigMap,\n---\n${cm('c')}`, ['a'], /^in\.yaml:\d+:\d+: yaml: /],
    ['fails when a quoted value runs into a `---` line', `${cm('a')}---\n${cm('b', 'q: "open\n')}---\n${cm('c')}`, ['a'], /^in\.yaml:\d+:\d+: yaml: /],
    ['fails when a block scalar with an indentation indicator is cut by a marker', `${cm('a')}---\n${cm('b', 's: |2\n  x\n   y\n')}---\n${cm('c')}`, ['a', 'b', 'c'], undefined],
    ['fails when a %TAG directive of an earlier document is used without one', `%TAG !e! tag:example.com,2000:\n---\n${cm('a')}---\n${cm('b', 'x: !e!thing v\n')}`, ['a', 'b'], undefined],
    ['fails when a document after a marker has a syntax error, at its line', `${cm('a')}---\n${cm('b')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: [a\n`, ['a', 'b'], /^in\.yaml:19:1: yaml: /],
    ['fails when an object has no kind, after many chunks', `${cm('a')}---\napiVersion: v1\nmetadata: {name: b}\n`, ['a'], /^in\.yaml:8:1: Object 'Kind' is missing$/],
  ])('%s (as the whole text does)', (_what, text, names, error) => {
    const read = readInChunks(text);
    expect(read.names).toStrictEqual(names);
    if (error) expect(read.error).toMatch(error);
    else expect(read.error).toBeUndefined();
  });

  it.each([
    ['fails when a control character is in a late document (the whole file is refused, as before)', `${cm('a')}---\n${cm('b', 'x: "\u0007"\n')}`, 'in.yaml:14:5: yaml: control characters are not allowed'],
    ['passes its twin without the control character', `${cm('a')}---\n${cm('b', 'x: "\\a"\n')}`, undefined],
  ])('%s', (_what, text, error) => {
    const read = readInChunks(text);
    if (error) expect(read.error).toBe(error);
    else expect(read.error).toBeUndefined();
  });

  it.each([
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${cm('a')}---\n${cm('b')}`, 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`${cm('a')}---\n${cm('b')}`, 'utf16le').swap16()])],
  ])('reads a %s file with a byte order mark (whole, as before)', (_what, bytes) => {
    expect(readInChunks(bytes).names).toStrictEqual(['a', 'b']);
  });

  it('keeps one alias budget for the whole file, across chunks', () => {
    const bomb = (name: string) => `${cm(name)}a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    const many = Array.from({ length: 60 }, (_, i) => bomb(`c${i}`)).join('---\n');
    const read = readInChunks(many, [7, 64]);
    expect(read.error).toMatch(/^in\.yaml:\d+:\d+: yaml: document contains excessive aliasing$/);
    expect(read.names.length).toBeGreaterThan(0);
    expect(read.names.length).toBeLessThan(60);
    expect(readInChunks(bomb('c0'), [7, 64]).names).toStrictEqual(['c0']);
  }, 120_000);
});

describe('reading a file: the first read is 16 KiB, a chunk is 64 KiB', () => {
  /** ConfigMaps up to `bytes` long (padded with a comment line to the exact size). */
  const file = (bytes: number) => {
    const docs: string[] = [];
    let length = 0;
    for (let i = 0; length + cm(`c${i}`).length + 4 < bytes - 4; i++) {
      docs.push(cm(`c${i}`));
      length += cm(`c${i}`).length + 4;
    }
    const text = docs.join('---\n');
    return Buffer.from(`${text}#${'x'.repeat(Math.max(0, bytes - text.length - 2))}\n`);
  };

  it.each([100, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 64 * 1024, 64 * 1024 + 1, 200 * 1024])('reads a file of %i bytes as its whole text', (bytes) => {
    const text = file(bytes);
    expect(text.length).toBe(bytes);
    expectSameInChunks(`f${bytes}.yaml`, text, [64 * 1024]);
  });

  it('reads a small file on disk with one read, its size known from that read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podkit-read-'));
    try {
      const path = join(dir, 'f.yaml');
      writeFileSync(path, file(3000));
      const source = fileBytes(path);
      let reads = 0;
      const counted = { read: (into: Uint8Array, position: number) => (reads++, source.read(into, position)), size: () => source.size?.() };
      expect([...readManifestBytes(path, counted)].length).toBeGreaterThan(10);
      expect(reads).toBe(1);
      // the twin that does not tell its size: one more read to find the end
      reads = 0;
      expect([...readManifestBytes(path, { read: counted.read })].length).toBeGreaterThan(10);
      expect(reads).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
