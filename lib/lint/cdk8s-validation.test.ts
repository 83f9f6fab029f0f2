/**
 * The validation plugin inside a real `cdk8s synth`: a throw-away cdk8s app outside this repository, made of plain
 * `ApiObject`s (none of our constructs), with cdk8s.yaml naming the plugin by its local path.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { objectRules } from '../rules/objects';
import { podSecurityRules } from '../rules/pod-security';
import { resourceRules } from '../rules/resources';
import { yamlRules } from '../rules/yaml';
import { PodkitValidation, type ValidationContext, type ValidationViolation } from './cdk8s-validation';

const ROOT = join(__dirname, '..', '..');
const CDK8S = join(ROOT, 'node_modules', '.bin', 'cdk8s');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Report {
  reports: { violations: { ruleName: string; recommendation: string; fix: string; violatingConstructs: { constructPath?: string; resourceName: string; locations: string[] }[] }[]; summary: { status: string; metadata?: Record<string, string> } }[];
}

/** Writes an app whose chart holds `objects` (plain JSON), runs `cdk8s synth` with the plugin, returns exit code and report. */
function synth(objects: unknown[], properties: Record<string, unknown> = {}): Promise<{ code: number; output: string; report: Report; dist: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'podkit-plugin-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'main.js'),
    `const { App, Chart, ApiObject } = require(${JSON.stringify(join(ROOT, 'node_modules', 'cdk8s'))});
const app = new App();
const chart = new Chart(app, 'demo');
${JSON.stringify(objects)}.forEach((o, i) => new ApiObject(chart, 'o' + i, o));
app.synth();
`,
  );
  writeFileSync(
    join(dir, 'cdk8s.yaml'),
    `language: typescript
app: node main.js
validations:
  - package: ${join(ROOT, 'validation-plugin')}
    class: PodkitValidation
    version: 0.1.0
    properties: ${JSON.stringify(properties)}
`,
  );
  return new Promise((resolve) => {
    execFile(CDK8S, ['synth', '--no-check-upgrade', '--validation-reports-output-file', 'report.json'], { cwd: dir, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      const dist = existsSync(join(dir, 'dist')) ? readdirSync(join(dir, 'dist')).filter((f) => /\.ya?ml$/.test(f)) : []; // manifests only (not construct-metadata.json)
      resolve({ code, output: stdout + stderr, report: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report, dist });
    });
  });
}

const pod = (memoryRequest: string, containers = [{ name: 'app', image: 'nginx', resources: { requests: { memory: memoryRequest }, limits: { memory: '200Mi' } } }]) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'memory-demo' },
  spec: { containers },
});

describe.concurrent('cdk8s validation plugin', { timeout: 180_000 }, () => {
  it('fails cdk8s synth with our rule ids, paths, positions and docs links on an invalid app', async () => {
    const bad = pod('300Mi', [
      { name: 'app', image: 'nginx', resources: { requests: { memory: '300Mi' }, limits: { memory: '200Mi' } } },
      { name: 'app', image: 'nginx', resources: { requests: { memory: '300Mi' }, limits: { memory: '200Mi' } } },
    ]);
    const { code, output, report } = await synth([bad]);
    expect(code).toBe(2);
    expect(output).toContain('Validation failed');
    const [r] = report.reports;
    expect(r!.summary.status).toBe('failure');
    expect(r!.violations.map((v) => [v.ruleName, v.violatingConstructs[0]!.locations[0]])).toStrictEqual([
      [resourceRules.requestExceedsLimit.id, 'spec.containers[0].resources.requests (line 12, column 9)'],
      [objectRules.containerNameDuplicate.id, 'spec.containers[1].name (line 15, column 7)'],
      [resourceRules.requestExceedsLimit.id, 'spec.containers[1].resources.requests (line 19, column 9)'],
    ]);
    const first = r!.violations[0]!;
    expect(first.recommendation).toBe(`Pod/memory-demo: spec.containers[0].resources.requests: ${resourceRules.requestExceedsLimit.message('300Mi', 'memory', '200Mi')}`);
    expect(first.fix).toBe(`${resourceRules.requestExceedsLimit.docs} (English: ${resourceRules.requestExceedsLimit.docsEn})`);
    expect(first.violatingConstructs[0]).toMatchObject({ constructPath: 'demo/o0', resourceName: 'memory-demo' });
  });

  it('leaves no rejected manifest in dist/ when the validation fails', async () => {
    const { code, output, dist } = await synth([pod('300Mi')]);
    expect(code).toBe(2);
    expect(output).toContain('podkit: the validation failed: removing the 1 synthesized manifest as cdk8s synth exits');
    expect(dist).toStrictEqual([]);
  });

  it('keeps the rejected manifests with removeRejected: false', async () => {
    const { code, dist } = await synth([pod('300Mi')], { removeRejected: false });
    expect(code).toBe(2);
    expect(dist).toStrictEqual(['demo.k8s.yaml']);
  });

  it('passes cdk8s synth on the valid twin, keeping its manifest in dist/', async () => {
    const { code, report, dist } = await synth([pod('100Mi')]);
    expect(code).toBe(0);
    expect(dist).toStrictEqual(['demo.k8s.yaml']);
    expect(report.reports[0]!.summary).toMatchObject({ status: 'success', metadata: { objects: '1', errors: '0', warnings: '0' } });
    expect(report.reports[0]!.violations).toStrictEqual([]);
  });

  it('fails synth with the Pod Security Standards checks when asked for pss: restricted', async () => {
    const { code, report } = await synth([pod('100Mi')], { pss: 'restricted' });
    expect(code).toBe(2);
    expect(report.reports[0]!.violations.map((v) => v.ruleName)).toStrictEqual(
      // listed by the field each points at: the pod's securityContext (missing), then the container's fields
      [podSecurityRules.runAsNonRoot, podSecurityRules.seccompProfileRestricted, podSecurityRules.allowPrivilegeEscalation, podSecurityRules.capabilitiesRestricted].map((r) => r.id),
    );
  });
});

/** A recording stand-in for cdk8s-cli's ValidationContext, for the cases a synthesized app cannot produce. */
function context(manifests: string[]) {
  const violations: ValidationViolation[] = [];
  const submitted: { status: string; metadata?: Readonly<Record<string, string>> }[] = [];
  const ctx: ValidationContext = {
    manifests,
    report: { addViolation: (v) => violations.push(v), submit: (status, metadata) => submitted.push({ status, metadata }) },
    logger: { log: () => undefined },
  };
  return { ctx, violations, submitted };
}

describe('PodkitValidation (direct)', () => {
  const duplicateKey = join(__dirname, 'fixtures', 'invalid', 'duplicate-key.yaml');

  it('reports warnings but succeeds by default, and fails on them with strict: true', async () => {
    const lax = context([duplicateKey]);
    await new PodkitValidation().validate(lax.ctx);
    expect(lax.violations.map((v) => v.ruleName)).toStrictEqual([`${yamlRules.duplicateKey.id} (warning)`]);
    expect(lax.submitted).toStrictEqual([{ status: 'success', metadata: { objects: '1', errors: '0', warnings: '1' } }]);
    const strict = context([duplicateKey]);
    await new PodkitValidation({ strict: true }).validate(strict.ctx);
    expect(strict.submitted.map((s) => s.status)).toStrictEqual(['failure']);
  });

  it('fails the validation, with file and position, when a manifest cannot be read', async () => {
    const run = context([join(__dirname, 'fixtures', 'unreadable', 'syntax-error.yaml')]);
    await new PodkitValidation().validate(run.ctx);
    expect(run.violations.map((v) => v.ruleName)).toStrictEqual(['podkit/unreadable-input']);
    expect(run.violations[0]!.recommendation).toMatch(/syntax-error\.yaml:9:1: yaml: /);
    expect(run.submitted.map((s) => s.status)).toStrictEqual(['failure']);
  });

  it('fails with the schedulability rule when given a cluster profile the app’s Pods do not fit on together', async () => {
    const ref = join(__dirname, '..', '..', 'snapshots', 'reference', 'manifests', 'extended-resource');
    const run = context([join(ref, 'as-printed', 'extended-resource-pod.yaml'), join(ref, 'extended-resource-pod-2.yaml')]);
    await new PodkitValidation({ cluster: join(__dirname, 'fixtures', 'cluster', 'one-node.yaml') }).validate(run.ctx);
    expect(run.violations.map((v) => [v.ruleName, v.violatingResources[0]!.resourceName])).toStrictEqual([['schedulability/would-stay-pending', 'extended-resource-demo-2']]);
    expect(run.submitted.map((s) => s.status)).toStrictEqual(['failure']);
  });

  it('fails with the Pod Security rules when given a level the app’s pods do not meet', async () => {
    const run = context([join(__dirname, 'fixtures', 'valid', 'app.yaml')]);
    await new PodkitValidation({ pss: 'restricted' }).validate(run.ctx);
    expect(run.violations.map((v) => v.ruleName)).toStrictEqual(['pod-security/run-as-non-root', 'pod-security/seccomp-profile-restricted', 'pod-security/allow-privilege-escalation', 'pod-security/capabilities-restricted']);
    const baseline = context([join(__dirname, 'fixtures', 'valid', 'app.yaml')]);
    await new PodkitValidation({ pss: 'baseline' }).validate(baseline.ctx);
    expect(baseline.submitted.map((s) => s.status)).toStrictEqual(['success']);
  });

  it('removes the manifests of a failed synth as it exits, and only of a synth (a context with stdout: false)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podkit-remove-'));
    dirs.push(dir);
    const file = join(dir, 'app.k8s.yaml');
    writeFileSync(file, readFileSync(join(__dirname, 'fixtures', 'invalid', 'request-exceeds-limit.yaml')));
    const exits: (() => void)[] = [];
    const notSynth = context([file]);
    await new PodkitValidation({}, (a) => exits.push(a)).validate(notSynth.ctx);
    expect(exits).toHaveLength(0);
    const asSynth = context([file]);
    await new PodkitValidation({}, (a) => exits.push(a)).validate({ ...asSynth.ctx, stdout: false });
    expect([asSynth.submitted[0]!.status, exits.length, existsSync(file)]).toStrictEqual(['failure', 1, true]);
    exits[0]!();
    expect(existsSync(file)).toBe(false);
  });

  it('keeps the manifests of a passing synth', async () => {
    const exits: (() => void)[] = [];
    const run = context([join(__dirname, 'fixtures', 'valid', 'app.yaml')]);
    await new PodkitValidation({}, (a) => exits.push(a)).validate({ ...run.ctx, stdout: false });
    expect([run.submitted[0]!.status, exits.length]).toStrictEqual(['success', 0]);
  });

  it.each([
    ['UTF-16 with a byte order mark', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-8', (text: string) => Buffer.from(text)],
  ])('reads a manifest in %s as podkit lint does (the same warning, at the same position)', async (_encoding, encode) => {
    const file = join(mkdtempSync(join(tmpdir(), 'podkit-plugin-')), 'encoded.yaml');
    dirs.push(join(file, '..'));
    writeFileSync(file, encode(readFileSync(duplicateKey, 'utf8')));
    const [expected, run] = [context([duplicateKey]), context([file])];
    await new PodkitValidation().validate(expected.ctx);
    await new PodkitValidation().validate(run.ctx);
    expect(run.violations.map((v) => [v.ruleName, v.violatingResources[0]!.locations])).toStrictEqual(expected.violations.map((v) => [v.ruleName, v.violatingResources[0]!.locations]));
    expect(run.submitted).toStrictEqual([{ status: 'success', metadata: { objects: '1', errors: '0', warnings: '1' } }]);
  });

  it('fails the validation with a clear reason on a manifest too large to read, never running out of memory', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'podkit-plugin-')), 'large.json');
    dirs.push(join(file, '..'));
    writeFileSync(file, `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"a": "${'x'.repeat(17 * 2 ** 20)}"}}\n`);
    const run = context([file]);
    await new PodkitValidation().validate(run.ctx);
    expect(run.violations.map((v) => [v.ruleName, v.recommendation])).toStrictEqual([['podkit/unreadable-input', `${file}:1:1: yaml: document too large: more than 16 MiB (podkit reads documents of at most 16 MiB and 1,000,000 YAML tokens): split it into several documents`]]);
    expect(run.submitted.map((s) => s.status)).toStrictEqual(['failure']);
  });

  it('fails when constructed with an unknown pss level or version', () => {
    expect(() => new PodkitValidation({ pss: 'strict' as 'baseline' })).toThrow('podkit: pss: level "strict": must be one of privileged, baseline, restricted (a level, or level:version such as restricted:v1.30)');
    expect(() => new PodkitValidation({ pss: 'restricted:1.30' })).toThrow('podkit: pss: version "1.30": must be "latest" or "v1.x"');
    expect(() => new PodkitValidation({ pss: 'restricted:v1.30' })).not.toThrow();
  });
});
