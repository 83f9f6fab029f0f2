import { describe, expect, it } from 'vitest';
import { goAtoi, parseCronSchedule, parseGoDuration } from './schedule';
import { isKnownTimeZone, timeZoneError } from './time-zone';

// Expected texts are robfig/cron v3.0.1's (parser.go) and Go's strconv/time errors, as the API server prints them.
const accepted = [
  '* * * * *',
  '*/5 * * * *',
  '0 0 1 1 *',
  '59 23 31 12 6',
  '0 9 * * MON-FRI',
  '0 9 * * mon,wed,fri',
  '0 0 1 JAN-MAR/2 *',
  '5/15 * * * *',
  '0 0 ? * *',
  '0 0 * * 0',
  '1,2,,3 * * * *',
  '0  0\t* * *',
  '+5 * * * *',
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
  '@every 1h30m',
  '@every 1.5s',
  '@every 300ms',
  'TZ=UTC 0 0 * * *',
  'CRON_TZ=Asia/Tokyo @daily',
];

const rejected: [string, string][] = [
  ['', 'empty spec string'],
  ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
  ['0 0 * * * *', 'expected exactly 5 fields, found 6: [0 0 * * * *]'],
  ['   ', 'expected exactly 5 fields, found 0: []'],
  ['60 * * * *', 'end of range (60) above maximum (59): 60'],
  ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
  ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
  ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
  ['* * * * 7', 'end of range (7) above maximum (6): 7'],
  ['* * * * MON-SUN', 'beginning of range (1) beyond end of range (0): MON-SUN'],
  ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
  ['*/0 * * * *', 'step of range should be a positive number: */0'],
  ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
  ['*/2/3 * * * *', 'too many slashes: */2/3'],
  ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
  ['-5 * * * *', 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
  ['*/-2 * * * *', 'negative number (-2) not allowed: -2'],
  ['99999999999999999999 * * * *', 'failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range'],
  ['* * * JANUARY *', 'failed to parse int from JANUARY: strconv.Atoi: parsing "JANUARY": invalid syntax'],
  ['@Daily', 'unrecognized descriptor: @Daily'],
  ['@reboot', 'unrecognized descriptor: @reboot'],
  ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
  ['@every 5d', 'failed to parse duration @every 5d: time: unknown unit "d" in duration "5d"'],
  ['@every', 'unrecognized descriptor: @every'],
  ['TZ=Mars/Olympus 0 0 * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
  ['TZ=UTC', 'invalid schedule format: runtime error: slice bounds out of range [:-1]'],
];

describe('parseCronSchedule (robfig/cron ParseStandard)', () => {
  it.each(accepted)('accepts %j', (schedule) => {
    expect(parseCronSchedule(schedule)).toEqual({ ok: true });
  });
  it.each(rejected)('fails when the schedule is %j', (schedule, error) => {
    expect(parseCronSchedule(schedule)).toEqual({ ok: false, error });
  });
});

describe('Go helpers', () => {
  it.each([
    ['1h30m', 5400000000000n],
    ['-1.5h', -5400000000000n],
    ['0', 0n],
    ['1us', 1000n],
    ['1µs', 1000n],
    ['.5s', 500000000n],
  ])('parseGoDuration(%j)', (text, ns) => {
    expect(parseGoDuration(text)).toEqual({ nanoseconds: ns });
  });
  it.each([
    ['', 'time: invalid duration ""'],
    ['h', 'time: invalid duration "h"'],
    ['.s', 'time: invalid duration ".s"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
  ])('fails when the duration is %j', (text, error) => {
    expect(parseGoDuration(text)).toEqual({ error });
  });
  it('parses integers as strconv.Atoi does', () => {
    expect(goAtoi('+7')).toEqual({ value: 7 });
    expect(goAtoi('1_0')).toEqual({ error: 'strconv.Atoi: parsing "1_0": invalid syntax' });
  });
});

describe('timeZone', () => {
  it.each(['UTC', 'Etc/UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/Kyiv', 'Europe/Kiev', 'US/Eastern', 'Japan', 'Etc/GMT+5', 'America/Argentina/Buenos_Aires'])(
    'accepts %j',
    (zone) => {
      expect(timeZoneError(zone)).toBeUndefined();
    },
  );
  it.each([
    ['', 'timeZone must be nil or non-empty string'],
    ['Local', 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'],
    ['LOCAL', 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'],
    ['../etc/passwd', 'unknown time zone ../etc/passwd'],
    ['/America/New_York', 'unknown time zone /America/New_York'],
    ['America/New York', 'unknown time zone America/New York'],
    ['America/-Foo', 'unknown time zone America/-Foo'],
    ['Europe/Luxembourgish', 'unknown time zone Europe/Luxembourgish'],
    ['america/new_york', 'unknown time zone america/new_york'],
    ['us/eastern', 'unknown time zone us/eastern'],
    ['Mars/Olympus', 'unknown time zone Mars/Olympus'],
  ])('fails when the time zone is %j', (zone, error) => {
    expect(timeZoneError(zone)).toBe(error);
  });
  it('answers for the names the parser prefix takes', () => {
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Nowhere/Land')).toBe(false);
  });
});
