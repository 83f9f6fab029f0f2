/**
 * No input, however built, makes `podkit lint` throw or print a stack trace: generated hostile inputs (a fixed
 * seed, a bounded number of cases) through the whole CLI, each ending with exit code 0, 1 or 2 and output
 * bounded in size.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './cli';
import { generator, hostile } from './fuzz.cases';

describe('podkit lint on generated hostile input', () => {
  it('never throws, always exits 0, 1 or 2, and prints bounded output (400 cases, seed 15)', () => {
    const random = generator(15);
    const codes = new Set<number>();
    for (let i = 0; i < 400; i++) {
      const input = hostile(random);
      for (const format of ['text', 'json', 'sarif']) {
        let out = '';
        let err = '';
        const code = runCli(['lint', '--format', format, '-'], { stdout: (t) => (out += t), stderr: (t) => (err += t), stdin: () => input });
        codes.add(code);
        expect([0, 1, 2], `case ${i} (${format}) exited ${code}: ${err.slice(0, 300)}`).toContain(code);
        expect(err, `case ${i}`).not.toMatch(/internal error|\n\s+at /);
        expect(out.length + err.length, `case ${i}`).toBeLessThan(400_000);
      }
    }
    expect(codes).toStrictEqual(new Set([0, 1, 2]));
  }, 300_000);
});
