import { describe, expect, it } from 'vitest';
import { Quantity } from '../lib/quantity';
import { Probe } from './probe';
import { isWire, toWire } from './wire';

/** What toWire promises to equal: the JSON round trip. */
const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

class WithToJson {
  constructor(private readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
}

describe('toWire', () => {
  const cases: [string, unknown][] = [
    ['undefined keys and functions vanish from objects', { a: 1, b: undefined, c: () => 1, d: Symbol('s') }],
    ['undefined, functions and symbols become null in arrays', [1, undefined, () => 1, Symbol('s')]],
    ['non-finite numbers become null, -0 becomes 0', { a: NaN, b: Infinity, c: -Infinity, d: -0 }],
    ['toJSON is called with the key, once', { a: new WithToJson('x'), b: { toJSON: (k: string) => ({ key: k, toJSON: () => 'not again' }) } }],
    ['Dates, Maps and boxed primitives as JSON writes them', { d: new Date(0), m: new Map([[1, 2]]), s: new String('s'), n: new Number(2), t: new Boolean(false) }],
    ['nested empty containers and null stay', { a: [[], {}], b: null }],
    ['a Quantity and a Probe become their wire form', { q: Quantity.parse('1.5Gi'), p: Probe.tcpSocket({ port: 8080 }) }],
    ['primitives at the top', 'x'],
    ['an own toJSON or resolve that is not a function is an ordinary key', { a: { toJSON: 'x', resolve: 1, b: 2 } }],
  ];

  it.each(cases)('equals the JSON round trip: %s', (_name, value) => {
    expect(JSON.stringify(toWire(value))).toBe(JSON.stringify(roundTrip(value)));
    expect(toWire(value)).toStrictEqual(roundTrip(value));
  });

  it('returns a deeply frozen copy, recognised by isWire', () => {
    const input = { spec: { containers: [{ name: 'c', env: [{ name: 'A', value: '1' }] }] } };
    const out = toWire(input);
    expect(out).not.toBe(input);
    expect(Object.isFrozen(out.spec.containers[0]!.env[0])).toBe(true);
    expect(isWire(out)).toBe(true);
    expect(isWire(input)).toBe(false);
    expect(() => (out.spec.containers as unknown[]).push({})).toThrow(TypeError);
  });

  it('fails as JSON does on a cycle and on a BigInt', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toWire(cyclic)).toThrow(/circular structure/);
    expect(() => toWire({ n: 1n })).toThrow(/BigInt/);
  });

  it('keeps a plain object with an own resolve() as it is: a token cdk8s resolves', () => {
    const token = { resolve: () => 'nginx', extra: [1] };
    const out = toWire({ image: token, name: 'c' });
    expect(out.image).toBe(token);
    expect(out.name).toBe('c');
  });

  it('equals the JSON round trip when other code gave Object.prototype a toJSON', () => {
    Object.defineProperty(Object.prototype, 'toJSON', { value: () => 'replaced', configurable: true, writable: true });
    try {
      const value = { a: { b: 1 }, c: [{ d: 2 }] };
      expect(JSON.stringify(toWire(value))).toBe(JSON.stringify(roundTrip(value)));
    } finally {
      delete (Object.prototype as { toJSON?: unknown }).toJSON;
    }
  });

  it('leaves undefined as undefined', () => {
    expect(toWire(undefined)).toBeUndefined();
  });
});
