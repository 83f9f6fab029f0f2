/** `podkit lint --kubernetes-version`: the rules that changed between versions follow it. */
import { describe, expect, it } from 'vitest';
import { runCli } from './cli';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx
    env:
    - name: 1ST
      value: x
`;

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(['lint', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin: () => POD });
  return { code, stdout, stderr };
}

describe('podkit lint --kubernetes-version', () => {
  it('fails an env var name starting with a digit at 1.31', () => {
    const r = run(['--kubernetes-version', '1.31', '--format', 'json', '-']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string; path: string }) => [f.rule, f.path])).toEqual([['env/name-invalid', 'spec.containers[0].env[0].name']]);
  });
  it('passes it at 1.32 and by default (the newest version)', () => {
    expect(run(['--kubernetes-version', 'v1.32', '-']).code).toBe(0);
    expect(run(['-']).code).toBe(0);
  });
  it('exits 2 with the supported versions on an unknown version', () => {
    const r = run(['--kubernetes-version', '1.9', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--kubernetes-version: must be one of 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, not "1.9"');
  });
});
