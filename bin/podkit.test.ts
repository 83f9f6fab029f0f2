/**
 * The `podkit` command run as users run it: a subprocess of bin/podkit.js, asserting exit codes, both output
 * formats, stdin, directories, and that it works from any directory.
 */
import { execFile, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsUrl, docsUrlEn } from '../lib/docs';
import { objectRules } from '../lib/rules/objects';
import { podSecurityRules } from '../lib/rules/pod-security';
import { resourceRules } from '../lib/rules/resources';
import { yamlRules } from '../lib/rules/yaml';

const ROOT = join(__dirname, '..');
const BIN = join(__dirname, 'podkit.js');
const FIX = 'lib/lint/fixtures';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function podkit(args: string[], options: { input?: string; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin!.end(options.input ?? '');
  });
}

interface JsonReport {
  schemaVersion: number;
  ok: boolean;
  exitCode: number;
  summary: { objects: number; errors: number; warnings: number; skipped: number; unreadable: number };
  findings: { file: string; line: number; column: number; object: Record<string, string>; path: string; rule: string; severity: string; message: string; docs: string; docsEn: string }[];
  skipped: { file: string; line: number; column: number; reason: string }[];
  unreadable: { file: string; line?: number; column?: number; message: string }[];
  error?: { message: string };
}

describe.concurrent('podkit lint', { timeout: 120_000 }, () => {
  it('exits 0 and prints nothing on clean input', async () => {
    const run = await podkit(['lint', `${FIX}/valid/app.yaml`]);
    expect(run).toStrictEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('fails with exit 1 on violations, one line per finding: file:line:col, severity, object, path, message, rule, docs (Japanese and English)', async () => {
    const run = await podkit(['lint', `${FIX}/invalid/request-exceeds-limit.yaml`]);
    expect(run.code).toBe(1);
    const rule = resourceRules.requestExceedsLimit;
    const memoryDocs = `${docsUrl('assign-memory-resource', 'メモリーの要求と制限を指定する')} (English: ${docsUrlEn('assign-memory-resource', 'メモリーの要求と制限を指定する')})`;
    const cpuDocs = `${docsUrl('assign-cpu-resource', 'cpuの要求と制限を指定する')} (English: ${docsUrlEn('assign-cpu-resource', 'cpuの要求と制限を指定する')})`;
    expect(run.stdout.split('\n')).toStrictEqual([
      `${FIX}/invalid/request-exceeds-limit.yaml:12:7: error: Pod/mem-example/memory-demo: spec.containers[0].resources.requests: ${rule.message('300Mi', 'memory', '200Mi')} [${rule.id}] ${memoryDocs}`,
      `${FIX}/invalid/request-exceeds-limit.yaml:12:7: error: Pod/mem-example/memory-demo: spec.containers[0].resources.requests: ${rule.message('2', 'cpu', '1')} [${rule.id}] ${cpuDocs}`,
      '2 errors, 0 warnings in 1 object',
      '',
    ]);
  });

  it('fails with exit 1 and a stable JSON document with --format json', async () => {
    const run = await podkit(['lint', '--format', 'json', `${FIX}/invalid/duplicate-container-names.yaml`, `${FIX}/valid/app.yaml`]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.schemaVersion).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.exitCode).toBe(1);
    expect(report.summary).toStrictEqual({ objects: 3, errors: 2, warnings: 0, skipped: 0, unreadable: 0 });
    expect(report.findings[0]).toStrictEqual({
      file: `${FIX}/invalid/duplicate-container-names.yaml`,
      line: 14,
      column: 9,
      rule: objectRules.containerNameDuplicate.id,
      severity: 'error',
      docs: objectRules.containerNameDuplicate.docs,
      message: objectRules.containerNameDuplicate.message('app'),
      path: 'spec.template.spec.initContainers[0].name',
      object: { kind: 'Deployment', name: 'web' },
      docsEn: objectRules.containerNameDuplicate.docsEn,
    });
  });

  it('passes clean input as JSON too', async () => {
    const run = await podkit(['lint', '--format=json', `${FIX}/valid/app.yaml`]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toStrictEqual({
      schemaVersion: 1,
      ok: true,
      exitCode: 0,
      summary: { objects: 2, errors: 0, warnings: 0, skipped: 0, unreadable: 0 },
      findings: [],
      skipped: [],
      unreadable: [],
    });
  });

  it('exits 0 on warnings alone, and fails with exit 1 on them with --strict', async () => {
    const [lax, strict] = await Promise.all([
      podkit(['lint', `${FIX}/invalid/duplicate-key.yaml`]),
      podkit(['lint', '--strict', '--format', 'json', `${FIX}/invalid/duplicate-key.yaml`]),
    ]);
    expect(lax.code).toBe(0);
    expect(lax.stdout).toContain(`warning: Pod/twice: spec.containers[0].resources.limits[memory]: ${yamlRules.duplicateKey.message('memory')}`);
    expect(strict.code).toBe(1);
    expect((JSON.parse(strict.stdout) as JsonReport).findings.map((f) => [f.rule, f.severity])).toStrictEqual([[yamlRules.duplicateKey.id, 'warning']]);
  });

  it('reads - from stdin and names it <stdin>', async () => {
    const input = readFileSync(join(ROOT, FIX, 'invalid/request-exceeds-limit.yaml'), 'utf8');
    const run = await podkit(['lint', '-'], { input });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<stdin>:12:7: error: /);
  });

  it('reads the *.yaml files of a directory, as kubectl -f does', async () => {
    const run = await podkit(['lint', '--format', 'json', `${FIX}/invalid`]);
    expect(run.code).toBe(1);
    const files = new Set((JSON.parse(run.stdout) as JsonReport).findings.map((f) => f.file.split('/').pop()));
    expect(files).toStrictEqual(new Set(['bad-quantity.yaml', 'duplicate-container-names.yaml', 'duplicate-key.yaml', 'extended-resources.yaml', 'list-and-documents.yaml', 'request-exceeds-limit.yaml', 'yaml-1.1-strings.yaml']));
  });

  it('fails with exit 2 and one clear line when stdin is a directory (podkit lint - < somedir), never a stack trace', async () => {
    const fd = openSync(join(ROOT, FIX), 'r');
    const run = await new Promise<Run>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'lint', '-'], { cwd: ROOT, stdio: [fd, 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
    closeSync(fd);
    expect(run).toStrictEqual({ code: 2, stdout: '', stderr: 'podkit: <stdin>: cannot read: is a directory (EISDIR)\n' });
  });

  it('fails with exit 2 and one clear line on an input that never ends (/dev/zero), having read a bounded part of it', async () => {
    const run = await podkit(['lint', '/dev/zero']);
    expect(run).toStrictEqual({ code: 2, stdout: '', stderr: 'podkit: /dev/zero: cannot read: more than 256 MiB from a pipe, a device or stdin, which podkit holds whole: save the manifests to a file and lint the file\n' });
  });

  it('passes its twin, a Pod read from a pipe that ends, named as a file (/dev/stdin)', async () => {
    const run = await new Promise<Run>((resolve) => {
      execFile('sh', ['-c', `cat ${FIX}/valid/app.yaml | "${process.execPath}" "${BIN}" lint /dev/stdin`], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
    });
    expect(run).toStrictEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('works from any directory (the launcher uses the package’s own tsconfig)', async () => {
    const run = await podkit(['lint', join(ROOT, FIX, 'valid/app.yaml')], { cwd: tmpdir() });
    expect(run).toStrictEqual({ code: 0, stdout: '', stderr: '' });
  });

  it.each([
    ['unparseable YAML', [`${FIX}/unreadable/syntax-error.yaml`], /^podkit: lib\/lint\/fixtures\/unreadable\/syntax-error\.yaml:9:1: yaml: /],
    ['a value JSON cannot carry', [`${FIX}/unreadable/infinity.yaml`], /^podkit: lib\/lint\/fixtures\/unreadable\/infinity\.yaml:11:14: error converting YAML to JSON: json: unsupported value: \+Inf/],
    ['a missing file', ['no/such.yaml'], /^podkit: no\/such\.yaml: cannot read: no such file or directory/],
    ['unreadable input among good files', [`${FIX}/valid/app.yaml`, `${FIX}/unreadable/syntax-error.yaml`], /syntax-error\.yaml:9:1: yaml: /],
  ])('fails with exit 2 on %s, naming file and position', async (_what, files, stderr) => {
    const run = await podkit(['lint', ...files]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(stderr);
  });

  it('fails with exit 2 and a JSON error document with --format json', async () => {
    const run = await podkit(['lint', '--format', 'json', `${FIX}/unreadable/syntax-error.yaml`]);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.ok).toBe(false);
    expect(report.exitCode).toBe(2);
    expect(report.unreadable).toMatchObject([{ file: `${FIX}/unreadable/syntax-error.yaml`, line: 9, column: 1 }]);
  });

  const SEC = 'snapshots/reference/manifests/security-context';
  it('fails with exit 1 with --pss baseline on the page’s Pod that adds NET_ADMIN and SYS_TIME, passing the others', async () => {
    const run = await podkit(['lint', '--format', 'json', '--pss', 'baseline', `${SEC}/security-context.yaml`, `${SEC}/security-context-2.yaml`, `${SEC}/security-context-4.yaml`]);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as JsonReport).findings.map((f) => [f.file, f.rule, f.path])).toStrictEqual([
      [`${SEC}/security-context-4.yaml`, podSecurityRules.capabilitiesBaseline.id, 'spec.containers[0].securityContext.capabilities.add[0]'],
    ]);
  });

  it('checks --pss level:version at that policy version, naming it in each finding', async () => {
    const file = `${FIX}/valid/restricted.yaml`;
    const [latest, v130] = await Promise.all([
      podkit(['lint', '--format', 'json', '--pss', 'baseline', `${SEC}/security-context-4.yaml`, file]),
      podkit(['lint', '--format', 'json', '--pss', 'baseline:v1.30', `${SEC}/security-context-4.yaml`, file]),
    ]);
    expect(latest.code).toBe(1);
    expect(v130.code).toBe(1);
    expect((JSON.parse(v130.stdout) as JsonReport).findings.map((f) => [f.file, f.rule, f.message])).toStrictEqual(
      (JSON.parse(latest.stdout) as JsonReport).findings.map((f) => [f.file, f.rule, f.message.replace('"baseline:latest"', '"baseline:v1.30"')]),
    );
    expect((JSON.parse(v130.stdout) as JsonReport).findings[0]!.message).toMatch(/^violates PodSecurity "baseline:v1\.30": non-default capabilities /);
  });

  it('passes --pss restricted on a Pod written for it', async () => {
    const run = await podkit(['lint', '--pss', 'restricted', `${FIX}/valid/restricted.yaml`]);
    expect(run).toStrictEqual({ code: 0, stdout: '', stderr: '' });
  });

  const DONGLE = 'snapshots/reference/manifests/extended-resource';
  it('fails with exit 1 with --cluster when a Pod would stay Pending, counting what the Pods of the other files take', async () => {
    const [both, alone] = await Promise.all([
      podkit(['lint', '--format', 'json', '--cluster', `${FIX}/cluster/one-node.yaml`, `${DONGLE}/as-printed/extended-resource-pod.yaml`, `${DONGLE}/extended-resource-pod-2.yaml`]),
      podkit(['lint', '--cluster', `${FIX}/cluster/one-node.yaml`, `${DONGLE}/extended-resource-pod-2.yaml`]),
    ]);
    expect(both.code).toBe(1);
    expect((JSON.parse(both.stdout) as JsonReport).findings.map((f) => [f.file, f.line, f.column, f.rule, f.path, f.message])).toStrictEqual([
      [`${DONGLE}/extended-resource-pod-2.yaml`, 5, 1, 'schedulability/would-stay-pending', 'spec', 'would stay Pending: 0/1 nodes are available: 1 Insufficient example.com/dongle.'],
    ]);
    expect(alone).toStrictEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('fails with exit 2 on a malformed --cluster profile, naming the file and every problem', async () => {
    const run = await podkit(['lint', '--cluster', `${FIX}/cluster/bad-profile.yaml`, `${DONGLE}/extended-resource-pod-2.yaml`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      [
        `podkit: ${FIX}/cluster/bad-profile.yaml: invalid cluster profile:`,
        '  nodes[0].allocatable[memory]: Required value',
        '  nodes[1].name: Required value',
        '  nodes[1].labels: must map label keys to strings (quote values such as "true" or "0777")',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['an unknown --pss level', ['lint', '--pss', 'strict', 'x.yaml'], '--pss: level "strict": must be one of privileged, baseline, restricted (a level, or level:version such as restricted:v1.30)'],
    ['a --pss version not in the v1.x form', ['lint', '--pss', 'restricted:1.30', 'x.yaml'], '--pss: version "1.30": must be "latest" or "v1.x"'],
    ['an unknown format', ['lint', '--format', 'xml', 'x.yaml'], '--format: must be text, json or sarif, not "xml"'],
    ['no files', ['lint'], 'lint: no files given (use - for stdin)'],
    ['an unknown option', ['lint', '--fix', 'x.yaml'], "Unknown option '--fix'"],
    ['an unknown command', ['check', 'x.yaml'], 'unknown command "check"'],
  ])('fails with exit 2 on %s, printing the usage', async (_what, args, message) => {
    const run = await podkit(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('usage:');
  });

  it.each([
    ['lint --help', ['lint', '--help']],
    ['lint -h after files', ['lint', 'x.yaml', '-h']],
    ['explain --help', ['explain', '--help']],
  ])('prints the usage and exits 0 on %s', async (_what, args) => {
    const run = await podkit(args);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^usage:\n {2}podkit lint .*--max-document-tokens N/s);
  });

  it('reads --help after -- as a file name, which it cannot read (exit 2)', async () => {
    const run = await podkit(['lint', '--', '--help']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--help: cannot read: no such file or directory');
  });
});

/** What a Pod with no security context fails at the restricted level. */
const RESTRICTED_FAILS = [podSecurityRules.allowPrivilegeEscalation, podSecurityRules.capabilitiesRestricted, podSecurityRules.runAsNonRoot, podSecurityRules.seccompProfileRestricted]
  .map((r) => r.id)
  .join(', ');

describe.concurrent('podkit explain', { timeout: 120_000 }, () => {
  it('prints the QoS class, effective security context and PSS levels of each Pod and workload', async () => {
    const run = await podkit(['explain', 'snapshots/reference/manifests/quality-service-pod/qos-pod-2.yaml', `${FIX}/valid/restricted.yaml`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'snapshots/reference/manifests/quality-service-pod/qos-pod-2.yaml:1:1: Pod/qos-example/qos-demo-2 (pod spec at spec)',
        '  QoS class: Burstable',
        '  Pod Security Standards:',
        '    baseline: meets',
        `    restricted: fails (${RESTRICTED_FAILS})`,
        `${FIX}/valid/restricted.yaml:2:1: Pod/restricted-demo (pod spec at spec)`,
        '  QoS class: Guaranteed',
        '  Effective security context:',
        '    containers[0] (app): allowPrivilegeEscalation=false, capabilities={"drop":["ALL"]}, runAsNonRoot=true, seccompProfile={"type":"RuntimeDefault"} (spec.containers[0].securityContext)',
        '  Pod Security Standards:',
        '    baseline: meets',
        '    restricted: meets',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON with --format json', async () => {
    const run = await podkit(['explain', '--format', 'json', 'snapshots/reference/manifests/quality-service-pod/as-printed/qos-pod.yaml']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toStrictEqual({
      format: 'podkit-explain/v1',
      objects: [
        {
          file: 'snapshots/reference/manifests/quality-service-pod/as-printed/qos-pod.yaml',
          line: 1,
          col: 1,
          object: { kind: 'Pod', namespace: 'qos-example', name: 'qos-demo' },
          podSpec: 'spec',
          sections: [
            { title: 'QoS class', entries: [{ label: 'QoS class', value: 'Guaranteed', path: 'status.qosClass' }] },
            { title: 'Pod Security Standards', entries: [{ label: 'baseline', value: 'meets' }, { label: 'restricted', value: `fails (${RESTRICTED_FAILS})` }] },
          ],
        },
      ],
    });
  });
});

describe('podkit rules', { timeout: 120_000 }, () => {
  it('lists every rule id with its severity, area, docs link and the English page', async () => {
    const run = await podkit(['rules']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `${resourceRules.requestExceedsLimit.id}\terror\tresources\t${resourceRules.requestExceedsLimit.docs}\t${resourceRules.requestExceedsLimit.docsEn}\n`,
    );
    expect(resourceRules.requestExceedsLimit.docsEn).toBe('https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/#specify-a-memory-request-and-a-memory-limit');
    expect(run.stdout).toContain(`${yamlRules.duplicateKey.id}\twarning\tyaml\t`);
  });
});
