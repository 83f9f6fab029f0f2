/**
 * Unit tests of {@link Quantity}. Every expected canonical string below was checked against kubectl 1.32
 * (`kubectl set resources --local`), which lib/quantity.differential.test.ts does for hundreds more inputs.
 */
import { describe, expect, it } from 'vitest';
import { QUANTITY_ERRORS, Quantity, type QuantityFormat } from './quantity';

const q = (s: string | number): Quantity => Quantity.parse(s);
const canonical = (s: string | number): string => q(s).toString();

describe('Quantity.toString (canonical form)', () => {
  it.each([
    // every suffix is kept as written when already canonical
    ['1n', '1n'], ['1u', '1u'], ['1m', '1m'], ['1', '1'], ['1k', '1k'], ['1M', '1M'], ['1G', '1G'], ['1T', '1T'],
    ['1P', '1P'], ['1E', '1E'], ['1Ki', '1Ki'], ['1Mi', '1Mi'], ['1Gi', '1Gi'], ['1Ti', '1Ti'], ['1Pi', '1Pi'],
    ['1Ei', '1Ei'],
    // and moved to the largest exact suffix when not
    ['1000n', '1u'], ['1000u', '1m'], ['1000m', '1'], ['1000', '1k'], ['1000k', '1M'], ['1000M', '1G'],
    ['1000G', '1T'], ['1000T', '1P'], ['1000P', '1E'], ['1024Ki', '1Mi'], ['1024Mi', '1Gi'], ['1024Gi', '1Ti'],
    ['1024Ti', '1Pi'], ['1024Pi', '1Ei'],
    // the forms the docs use
    ['0.5', '500m'], ['1.5Gi', '1536Mi'], ['129M', '129M'], ['123Mi', '123Mi'], ['128974848', '128974848'],
    ['100Mi', '100Mi'], ['700m', '700m'], ['0.1', '100m'], ['2.5', '2500m'], ['1.5', '1500m'],
    // exponents: kept when the scale is a multiple of 3, otherwise spelled out; `E` alone is exa
    ['129e6', '129e6'], ['1e3', '1e3'], ['1E3', '1E3'], ['1e-3', '1e-3'], ['1e+3', '1e+3'], ['1e2', '100'],
    ['1.5e3', '1500'], ['1e-10', '1e-9'], ['12e-10', '2e-9'], ['1e18', '1e18'], ['1e19', '10e18'],
    ['1E', '1E'], ['2E', '2E'], ['1e100', '10e99'],
    // decimals round nothing away: a finer value gets a finer suffix
    ['0.001', '1m'], ['0.0001', '100u'], ['1.0001', '1000100u'], ['12.3456', '12345600u'], ['1.2345k', '1234500m'],
    ['1.5m', '1500u'], ['1.5u', '1500n'], ['0.000000001', '1n'], ['1.000', '1'], ['0.50', '500m'],
    // signs and leading zeros
    ['-1', '-1'], ['-1.5', '-1500m'], ['-1.5Gi', '-1536Mi'], ['-1Ki', '-1Ki'], ['+1000m', '1'],
    ['-1000m', '-1'], ['007000', '7k'], ['0007.5', '7500m'], ['00.5', '500m'], ['.5', '500m'], ['-.5', '-500m'],
    ['1.0', '1'], ['-0.500', '-500m'], ['0', '0'], ['00', '0'], ['-0', '0'], ['+0', '0'], ['-0.0', '0'], ['0m', '0'], ['0Ki', '0'],
    // BinarySI below 1024 or with a fraction prints as DecimalSI
    ['0.5Ki', '512'], ['1.5Ki', '1536'], ['1.1Ki', '1126400m'], ['1023', '1023'], ['1024', '1024'],
    ['1025', '1025'], ['1536Ki', '1536Ki'], ['2048Mi', '2Gi'],
  ])('%s prints as %s', (input, expected) => {
    expect(canonical(input)).toBe(expected);
  });

  it.each([
    [3, '3'], [0.5, '500m'], [0.1, '100m'], [129e6, '129M'], [1e21, '1e+21'], [-2, '-2'], [0, '0'], [1e-7, '100e-9'],
  ])('reads the number %d from its JSON text as %s', (input, expected) => {
    expect(canonical(input)).toBe(expected);
  });

  it.each([
    '+1', '+129M', '007', '1.', '1e0', '12.345', '1.234k', '1.500', '-1.500', '1e+3',
  ])('keeps %j as written: apimachinery reuses a string it deems canonical (no 000 tail, scale a multiple of 3)', (input) => {
    expect(canonical(input)).toBe(input);
  });

  it('prints through toJSON, so JSON.stringify gives the canonical form', () => {
    expect(JSON.stringify({ cpu: q('0.5') })).toBe('{"cpu":"500m"}');
  });
});

describe('Quantity: apimachinery quirks kept on purpose', () => {
  it.each([
    ['0.1n', '1n', 'rounds a non-zero value finer than nano up to 1n'],
    ['0.9n', '1n', 'rounds up, not to nearest'],
    ['1.5n', '2n', 'rounds away from zero'],
    ['-0.1n', '-1n', 'rounds a negative value away from zero'],
    ['0.0000000015', '2n', 'rounds the slow path to nano'],
    ['8Ei', '9223372036854775807', 'caps a BinarySI value at 2^63-1 on the slow path'],
    ['16Ei', '9223372036854775807', 'caps any BinarySI value at 2^63-1'],
    ['-8Ei', '-9223372036854775807', 'caps the magnitude of a negative BinarySI value'],
    ['18446744073709551616', '18446744073709551616', 'does not cap a decimal value'],
    ['12345678901234567890k', '12345678901234567890k', 'does not cap a decimal value with a suffix'],
    ['1000E', '1', 'drops the suffix beyond E (10^21 has none), as Go prints it'],
    ['1000000E', '1', 'drops the suffix beyond E for 10^24 too'],
    ['0.1e-2147483648', '10e2147483646', 'wraps the int32 scale as Go does'],
    ['1e4294967296', '1e4294967296', 'truncates the exponent to int32 (here 0) and keeps the written string'],
    ['m', '0', 'reads a bare suffix as zero'],
    ['Ki', '0', 'reads a bare binary suffix as zero'],
    ['+.', '0', 'reads a sign and a point as zero'],
    ['.', '0', 'reads a lone point as zero'],
  ])('%s prints as %s: %s', (input, expected) => {
    expect(canonical(input)).toBe(expected);
  });

  it('returns a result for exponents so extreme that kubectl does not finish (no giant powers of ten)', () => {
    // kubectl 1.32 runs for more than 20 s on both; a non-zero value finer than nano still rounds up to 1n
    expect(canonical('12345678901234567890e-1000000000')).toBe('1e-9');
    expect(q('12345678901234567890e1000000000').sign()).toBe(1);
  });

  it('keeps the value that 1000E stands for even though it prints as 1', () => {
    expect(q('1000E').equals(q('1'))).toBe(false);
    expect(q('1000E').equals(q('1e21'))).toBe(true);
  });
});

describe('Quantity.tryParse errors', () => {
  it.each([
    ['fails when the text is not a number with a suffix', '12XB', 'formatWrong'],
    ['fails when the text is empty', '', 'formatWrong'],
    ['fails when a space surrounds the number', ' 1', 'formatWrong'],
    ['fails when the number has two points', '1.2.3', 'formatWrong'],
    ['fails when a letter follows the exponent digits', '1e3x', 'formatWrong'],
    ['fails when the exponent has no digits', '1e', 'suffix'],
    ['fails when the exponent has only a sign', '1E+', 'suffix'],
    ['fails when the suffix is repeated', '3kk', 'suffix'],
    ['fails when digits follow a binary suffix', '1Mi5', 'suffix'],
    ['fails when the kilo suffix is upper case (the memory page lists K; Kubernetes wants k)', '1K', 'suffix'],
    ['fails when the binary suffix is lower case', '1ki', 'suffix'],
    ['fails when the exponent overflows int64', '1e99999999999999999999', 'suffix'],
    ['fails when a large binary suffix has no digits', '+Ei', 'numeric'],
    ['fails when a sign and a point have a large binary suffix', '-.Ei', 'numeric'],
    ['fails when a point without digits has an exponent below nano', '.e-10', 'numeric'],
  ] as const)('%s: %j', (_name, input, kind) => {
    expect(Quantity.tryParse(input)).toEqual({ ok: false, kind, message: QUANTITY_ERRORS[kind] });
  });

  it.each([
    ['passes when the suffix is a valid one', '12M', '12M'],
    ['passes when the exponent has digits', '1e3', '1e3'],
    ['passes when the exponent has a sign and digits', '1E+3', '1E+3'],
    ['passes when the kilo suffix is lower case', '1k', '1k'],
    ['passes when the binary suffix is capitalized', '1Ki', '1Ki'],
    ['passes when a large binary suffix has digits', '+1Ei', '1Ei'],
    ['passes when a small binary suffix has no digits (fast path: zero)', '+Ki', '0'],
    ['passes when a point without digits has an exponent of nano (fast path: zero)', '.e-9', '0'],
  ])('%s: %j', (_name, input, expected) => {
    const r = Quantity.tryParse(input);
    expect(r.ok && r.quantity.toString()).toBe(expected);
  });

  it('has apimachinery\'s exact messages', () => {
    expect(QUANTITY_ERRORS).toEqual({
      formatWrong: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      numeric: 'unable to parse numeric part of quantity',
      suffix: "unable to parse quantity's suffix",
    });
  });

  it('fails in parse with the input and the message', () => {
    expect(() => Quantity.parse('12XB')).toThrow(`cannot parse quantity "12XB": ${QUANTITY_ERRORS.formatWrong}`);
    expect(() => Quantity.parse('12M')).not.toThrow();
  });
});

describe('Quantity comparison', () => {
  it.each([
    ['1', '1000m'], ['1Ki', '1024'], ['0.5', '500m'], ['128974848', '123Mi'], ['129M', '129e6'], ['129M', '129000000'],
    ['1Gi', '1024Mi'], ['1e3', '1k'], ['1E3', '1k'], ['0', '-0'], ['0', '0Gi'], ['8Ei', '9223372036854775807'],
  ])('%s equals %s', (a, b) => {
    expect(q(a).cmp(q(b))).toBe(0);
    expect(q(a).equals(q(b))).toBe(true);
  });

  it.each([
    ['123Mi', '129M'], ['128974848', '129M'], ['128974848', '129e6'], ['999m', '1'], ['1', '1001m'], ['1n', '1u'],
    ['-1', '0'], ['-1Gi', '-1G'], ['1E', '1Ei'], ['9223372036854775807', '9223372036854775808'], ['1Ki', '1.1Ki'],
  ])('%s is less than %s', (a, b) => {
    expect(q(a).cmp(q(b))).toBe(-1);
    expect(q(b).cmp(q(a))).toBe(1);
    expect(q(a).equals(q(b))).toBe(false);
  });

  it('orders the memory page\'s "roughly the same" values: 128974848 = 123Mi < 129e6 = 129M', () => {
    const sorted = ['129M', '123Mi', '129e6', '128974848'].map(q).sort((a, b) => a.cmp(b)).map(String);
    expect(sorted.slice(0, 2).sort()).toEqual(['123Mi', '128974848']);
    expect(sorted.slice(2).sort()).toEqual(['129M', '129e6']);
  });
});

describe('Quantity arithmetic (exact, never floats)', () => {
  it.each([
    ['0.1', '0.2', '300m'], ['1', '1000m', '2'], ['1.5Gi', '512Mi', '2Gi'], ['1n', '1', '1000000001n'],
    ['9223372036854775807', '1', '9223372036854775808'], ['100m', '-100m', '0'], ['1Ki', '1', '1025'],
  ])('%s + %s = %s', (a, b, expected) => {
    expect(q(a).add(q(b)).toString()).toBe(expected);
  });

  it('adds 0.1 ten times to exactly 1', () => {
    let sum = Quantity.ZERO;
    for (let i = 0; i < 10; i++) sum = sum.add(q('0.1'));
    expect(sum.equals(q('1'))).toBe(true);
    expect(sum.toString()).toBe('1');
  });

  it.each([
    ['0.3', '0.1', '200m'], ['1Gi', '512Mi', '512Mi'], ['1', '1n', '999999999n'], ['500m', '1', '-500m'],
    ['1', '1000m', '0'],
  ])('%s - %s = %s', (a, b, expected) => {
    expect(q(a).sub(q(b)).toString()).toBe(expected);
  });

  it.each([
    ['1Gi', '1G', 'BinarySI'], ['1G', '1Gi', 'DecimalSI'], ['0', '1Gi', 'BinarySI'], ['1e3', '1k', 'DecimalExponent'],
  ] as const)('%s + %s keeps the format of the receiver (or of the addend when the receiver is zero): %s', (a, b, format: QuantityFormat) => {
    expect(q(a).add(q(b)).format).toBe(format);
  });

  it('negates exactly', () => {
    expect(q('1.5Gi').neg().toString()).toBe('-1536Mi');
    expect(q('1.5Gi').neg().neg().equals(q('1.5Gi'))).toBe(true);
  });

  it('builds from milli-units', () => {
    expect(Quantity.fromMilli(1500).toString()).toBe('1500m');
    expect(Quantity.fromMilli(2000n).toString()).toBe('2');
    expect(Quantity.fromMilli(0).isZero()).toBe(true);
  });
});

describe('Quantity values (rounded up, as apimachinery rounds)', () => {
  it.each([
    ['1', 1000n, 1n], ['1.5', 1500n, 2n], ['1500m', 1500n, 2n], ['1.001', 1001n, 2n], ['1.0001', 1001n, 2n],
    ['0.1n', 1n, 1n], ['1u', 1n, 1n], ['1m', 1n, 1n], ['0', 0n, 0n], ['1Ki', 1024000n, 1024n],
    ['-1.5', -1500n, -2n], ['-0.0001', -1n, -1n], ['129M', 129000000000n, 129000000n],
    ['18446744073709551616', 18446744073709551616000n, 18446744073709551616n],
  ])('%s has milliValue %d and value %d', (input, milli, value) => {
    expect(q(input).milliValue()).toBe(milli);
    expect(q(input).value()).toBe(value);
  });

  it.each([
    ['1', true], ['1000m', true], ['1Ki', true], ['0', true], ['2e3', true], ['-3', true],
    ['1500m', false], ['0.5', false], ['1n', false], ['1.0001', false],
  ])('%s isInteger: %s', (input, expected) => {
    expect(q(input).isInteger()).toBe(expected);
  });

  it.each([
    ['1.5m', -3, true], ['1m', -3, false], ['0.0001', -3, true], ['0.001', -3, false], ['0.5', 0, true],
    ['1', 0, false], ['1000m', 0, false], ['0', -9, false], ['1n', -9, false], ['1Ki', 0, false], ['1.1Ki', 0, true],
  ])('%s isFinerThan(%d): %s', (input, scale, expected) => {
    expect(q(input).isFinerThan(scale)).toBe(expected);
  });

  it('reports its sign and zero', () => {
    expect([q('-1m').sign(), q('0').sign(), q('1n').sign()]).toEqual([-1, 0, 1]);
    expect([q('0Gi').isZero(), q('1n').isZero()]).toEqual([true, false]);
  });
});

describe('Quantity.format', () => {
  it.each([
    ['1Gi', 'BinarySI'], ['1.5Gi', 'BinarySI'], ['0.0001Ki', 'DecimalSI'], ['1G', 'DecimalSI'], ['1', 'DecimalSI'],
    ['1e3', 'DecimalExponent'], ['1E3', 'DecimalExponent'], ['1E', 'DecimalSI'],
  ] as const)('%s has format %s', (input, format: QuantityFormat) => {
    expect(q(input).format).toBe(format);
  });
});
