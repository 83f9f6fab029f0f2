import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { keyString, resolvePlainScalar } from './scalars';

/** Plain scalars whose meaning differs between YAML 1.1, YAML 1.2 and go-yaml v2 (what Kubernetes runs). */
const CASES: [string, unknown][] = [
  ['on', true], ['On', true], ['ON', true], ['yes', true], ['Yes', true], ['y', true], ['Y', true], ['True', true],
  ['off', false], ['no', false], ['NO', false], ['n', false], ['N', false], ['FALSE', false],
  ['null', null], ['Null', null], ['~', null],
  ['0777', 511], ['0o17', 15], ['0O17', 15], ['0x1F', 31], ['-0x1F', -31], ['0b101', 5], ['0B1', 1], ['012_3', 83], ['1_000', 1000],
  ['+12', 12], ['-0', 0], ['08', 8], ['1e3', 1000], ['1.5E3', 1500], ['1.', 1], ['.5', 0.5], ['-1.25', -1.25], ['1e+3', 1000],
  ['12:30', '12:30'], ['1:20:30.5', '1:20:30.5'], ['2001-12-14', '2001-12-14'], ['2001-12-14T21:59:43.10-05:00', '2001-12-14T21:59:43.10-05:00'],
  ['=', '='], ['<<', '<<'], ['1e400', '1e400'], ['0x', '0x'], ['.', '.'], ['yess', 'yess'], ['onn', 'onn'], ['_1', '_1'],
  ['Onion', 'Onion'], ['nginx', 'nginx'], ['100Mi', '100Mi'], ['0.5', 0.5], ['500m', '500m'], ['TRUE', true], ['tRUE', 'tRUE'],
];

describe('resolvePlainScalar', () => {
  it.each(CASES)('reads %j as %j', (text, expected) => {
    expect(resolvePlainScalar(text)).toStrictEqual(expected);
  });

  it('reads .inf and .nan as non-finite numbers (kubectl then fails on them)', () => {
    expect(resolvePlainScalar('.inf')).toBe(Number.POSITIVE_INFINITY);
    expect(resolvePlainScalar('-.Inf')).toBe(Number.NEGATIVE_INFINITY);
    expect(resolvePlainScalar('.NaN')).toBeNaN();
  });

  it('keeps numbers beyond int64 as uint64 (precision as JSON gives it)', () => {
    expect(resolvePlainScalar('9223372036854775808')).toBe(9223372036854775808);
  });
});

describe('keyString', () => {
  it.each([
    ['a', 'a'], [true, 'true'], [false, 'false'], [15, '15'], [1.5, '1.5'],
  ] as [unknown, string][])('turns the key %j into %j', (key, expected) => {
    expect(keyString(key)).toBe(expected);
  });

  it('fails when the key is null or a collection', () => {
    expect(keyString(null)).toBeUndefined();
    expect(keyString({})).toBeUndefined();
  });
});

describe('differential: the same scalars through kubectl (go-yaml v2 via sigs.k8s.io/yaml)', () => {
  it('gives exactly what kubectl sends to the API server', () => {
    const texts = CASES.map(([text]) => text).filter((t) => t !== '<<' && t !== '=');
    const yaml = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: scalars', 'data:', ...texts.map((t, i) => `  k${i}: ${t}`)].join('\n');
    const out = execFileSync('kubectl', ['label', '--local', '-f', '-', 'podkit=test', '-o', 'json'], {
      input: yaml,
      env: { ...process.env, KUBECONFIG: '/dev/null' },
    });
    const data = (JSON.parse(out.toString()) as { data: Record<string, unknown> }).data;
    const ours = Object.fromEntries(texts.map((t, i) => [`k${i}`, resolvePlainScalar(t)]));
    expect(ours).toStrictEqual(data);
  });

  it('turns non-string keys into the strings kubectl makes of them', () => {
    const keys = ['y', 'n', '0x1F', '1e3', '12:30', '0o17'];
    const yaml = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: keys', 'data:', ...keys.map((k) => `  ${k}: v`)].join('\n');
    const out = execFileSync('kubectl', ['label', '--local', '-f', '-', 'podkit=test', '-o', 'json'], {
      input: yaml,
      env: { ...process.env, KUBECONFIG: '/dev/null' },
    });
    const data = (JSON.parse(out.toString()) as { data: Record<string, unknown> }).data;
    expect(Object.keys(data).sort()).toStrictEqual(keys.map((k) => keyString(resolvePlainScalar(k))).sort());
  });
});
