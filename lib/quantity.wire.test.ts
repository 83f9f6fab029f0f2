/**
 * Quantities as the API server decodes them from a manifest (`Quantity.UnmarshalJSON` trims surrounding
 * spaces), checked against kubectl's typed decoding (`kubectl set resources --local`, offline).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Quantity, trimWireSpace } from './quantity';
import { checkResources, resourceRules } from './rules/resources';

const CASES: [string, string | undefined][] = [
  ['200Mi ', '200Mi'],
  [' 200Mi', '200Mi'],
  ['  0.5  ', '500m'],
  ['\u00a0100Mi', '100Mi'],
  ['\u3000100Mi', '100Mi'],
  ['\u0085100Mi', '100Mi'],
  ['200Mi\t', undefined],
  ['200Mi\n', undefined],
  ['\ufeff100Mi', undefined],
  ['200 Mi', undefined],
  [' ', undefined],
];

describe('Quantity.tryParseWire', () => {
  it.each(CASES)('reads %j as the API server does (canonical %j)', (text, canonical) => {
    const r = Quantity.tryParseWire(text);
    expect(r.ok ? r.quantity.toString() : undefined).toBe(canonical);
  });

  it('leaves Quantity.tryParse strict (a literal in code is written without spaces)', () => {
    expect(Quantity.tryParse('200Mi ').ok).toBe(false);
  });

  it('agrees with kubectl’s typed decoding on every case (differential)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podkit-quantity-'));
    for (const [text, canonical] of CASES) {
      const file = join(dir, 'pod.json');
      const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'q' }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { memory: text } } }] } };
      writeFileSync(file, JSON.stringify(pod));
      let printed: string | undefined;
      try {
        const out = execFileSync('kubectl', ['set', 'resources', '--local', '-f', file, '--limits=cpu=1', '-o', 'json'], { env: { ...process.env, KUBECONFIG: '/dev/null' }, stdio: ['ignore', 'pipe', 'pipe'] });
        printed = (JSON.parse(out.toString()) as { spec: { containers: { resources: { requests: { memory: string } } }[] } }).spec.containers[0]!.resources.requests.memory;
      } catch {
        printed = undefined;
      }
      expect([text, printed]).toStrictEqual([text, canonical]);
    }
  });
});

describe('checkResources with surrounding spaces', () => {
  const pod = (memory: string) => ({ spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { memory }, limits: { memory: '300Mi' } } }] } });
  it('passes "200Mi " (the API server trims the spaces)', () => {
    expect(checkResources(pod('200Mi ')).map((v) => v.rule)).toEqual([]);
  });

  it('fails when the spaces are inside: "200 Mi"', () => {
    expect(checkResources(pod('200 Mi')).map((v) => [v.rule, v.path])).toEqual([[resourceRules.invalidQuantity.id, 'spec.containers[0].resources.requests[memory]']]);
  });

  it('compares the trimmed value with the limit: "400Mi " exceeds 300Mi', () => {
    expect(checkResources(pod('400Mi ')).map((v) => [v.rule, v.path])).toEqual([[resourceRules.requestExceedsLimit.id, 'spec.containers[0].resources.requests']]);
  });
});

describe('Quantity.tryParseWire on values that are not strings (read from any YAML)', () => {
  it.each([
    [null, '0'],
    [5, '5'],
    [true, undefined],
    [{ a: 1 }, undefined],
    [['1'], undefined],
  ])('reads %j as Quantity.UnmarshalJSON does (%j)', (value, canonical) => {
    const r = Quantity.tryParseWire(value);
    expect(r.ok ? r.quantity.toString() : undefined).toBe(canonical);
  });
});

describe('trimWireSpace', () => {
  // the space and the Unicode spaces that are written as such in JSON (see WIRE_SPACE)
  const trimmed = /^[ \u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+|[ \u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+$/g;

  it('trims exactly those code units, at either end, whatever the first and last one are', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [`${ch}1Gi`, `1Gi${ch}`, `${ch}1Gi${ch}`, ch]) if (trimWireSpace(text) !== text.replace(trimmed, '')) wrong.push(`U+${c.toString(16)} in ${JSON.stringify(text)}`);
    }
    expect(wrong).toEqual([]);
  });
});
