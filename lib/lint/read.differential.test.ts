/**
 * The reader composes YAML with the composer's scalar tags kept for explicit tags only (read.ts `COMPOSER_OPTIONS`),
 * since it resolves untagged values itself; `stockSchema` reads with the yaml package's composer as it comes.
 * Both ways must read every input alike: the same objects, positions, duplicate keys, skipped documents, errors
 * (message and position), and the same position for every field path of every object. The inputs are the real
 * repositories of the corpus test (read at test time, never copied here) and the fuzz test's generated inputs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusManifestFiles, corpusMissing, locateCorpus } from '../../test-support/corpora';
import { generator, hostile } from './fuzz.cases';
import { locate } from './locate';
import { decodeManifest, readDocuments, type Source } from './read';

/** Every field path of a JSON value, as the rules print them. */
function fieldPaths(value: unknown, path = '', out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => fieldPaths(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) fieldPaths(v, path === '' ? k : /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${path}.${k}` : `${path}[${k}]`, out);
  }
  if (path !== '') out.push(path);
  return out;
}

/** All the reader says about a source, in one comparable value. */
function readAll(source: Source, lenient: boolean, stockSchema: boolean): unknown {
  const out: unknown[] = [];
  try {
    for (const item of readDocuments(source, { lenient, stockSchema })) {
      if (item.type === 'skipped') out.push(['skipped', item.skipped]);
      else {
        const { object, position, duplicateKeys } = item.sourced;
        const located = fieldPaths(object).slice(0, 400).map((p) => [p, locate(item.sourced, p)]);
        out.push(['object', JSON.stringify(object), position, duplicateKeys, located]);
      }
    }
  } catch (e) {
    out.push(['error', (e as Error).name, (e as Error).message]);
  }
  return out;
}

function expectSameReading(source: Source): void {
  for (const lenient of [true, false]) {
    expect(readAll(source, lenient, false), `${source.file} (lenient: ${lenient})`).toStrictEqual(readAll(source, lenient, true));
  }
}

for (const repo of ['kubernetes/examples', 'GoogleCloudPlatform/microservices-demo', 'kubernetes/pod-security-admission']) {
  const dir = locateCorpus({ repo });
  describe.skipIf(!dir)(`reading ${repo} both ways${dir ? '' : ` (${corpusMissing(repo)})`}`, () => {
    it('gives the same objects, positions, skips and errors for every file', () => {
      const files = corpusManifestFiles(dir!);
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) expectSameReading(decodeManifest(file, readFileSync(file)));
    }, 300_000);
  });
}

describe('reading the generated hostile inputs both ways', () => {
  it('gives the same objects, positions, skips and errors for each (400 cases, seed 15, as the fuzz test; 400 more, seed 16)', () => {
    for (const seed of [15, 16]) {
      const random = generator(seed);
      for (let i = 0; i < 400; i++) {
        const input = hostile(random);
        const file = `seed-${seed}-case-${i}.yaml`;
        expectSameReading(typeof input === 'string' ? { file, text: input } : decodeManifest(file, input));
      }
    }
  }, 300_000);

  it('reads a merge key and explicit tags as the stock composer does (`<<`, `!!str`, `!!int`, `!!timestamp` on a value it does not match)', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\nbase: &b {x: "1"}\ndata:\n  <<: *b\n  v: !!str 2\n  z: !!int "3"\n  t: !!timestamp 2001-12-14\n';
    expectSameReading({ file: 'tags.yaml', text });
    expectSameReading({ file: 'tags.yaml', text: `${text}  w: !!timestamp nope\n` });
    const [item] = readDocuments({ file: 'tags.yaml', text });
    expect(item!.type === 'object' && item!.sourced.object.data).toStrictEqual({ x: '1', v: '2', z: 3, t: '2001-12-14' });
  });
});
