/**
 * Findings whose path, as the API server prints it, leaves a list index out (`spec.containers[0].volumeMounts.subPath`
 * names no mount): the path is printed unchanged, and the finding is located at the offending mount's own field, in
 * the text, JSON and SARIF reports and in the cdk8s validation plugin's.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiObject, App, Chart } from 'cdk8s';
import { afterAll, describe, expect, it } from 'vitest';
import { enumRules } from '../rules/enums';
import { checkPod } from '../rules/index';
import { podPolicyRules } from '../rules/pod-policies';
import { volumeRules } from '../rules/volumes';
import type { PodLike } from '../k8s';
import { twoMounts } from '../../test-support/two-mounts';
import { PodkitValidation, type ValidationContext, type ValidationViolation } from './cdk8s-validation';
import { runCli } from './cli';
import type { LintJson } from './format';
import { lintSourced } from './lint';
import { locate, locateViolation, parseFieldPath } from './locate';
import { readManifests } from './read';

const line = (text: string) => (text === '' ? '' : `${text}\n`);
const pod = (first: string, second: string) => twoMounts(line(first), line(second));

/** rule, printed path and `line:col` of every finding of `text`. */
const found = (text: string) => lintSourced(readManifests({ file: 'pod.yaml', text })).findings.map((f) => [f.violation.rule, f.violation.path, `${f.line}:${f.col}`]);

const SUB_PATH = 'spec.containers[0].volumeMounts.subPath';

describe('a finding at a path without the mount index, located at the mount\'s own field', () => {
  it('fails when the second mount\'s subPath is absolute: the path stays the API server\'s, the position is that subPath\'s line', () => {
    // line 13 is the second mount's `mountPath: /b`, line 14 its `subPath`
    expect(found(pod('', '      subPath: /logs'))).toStrictEqual([[volumeRules.pathNotRelative.id, SUB_PATH, '14:7']]);
  });
  it('passes the same Pod with a relative subPath', () => {
    expect(found(pod('', '      subPath: logs'))).toStrictEqual([]);
  });
  it('fails when the first mount\'s subPath is absolute: at the same path, on the first mount\'s line', () => {
    expect(found(pod('      subPath: /logs', ''))).toStrictEqual([[volumeRules.pathNotRelative.id, SUB_PATH, '12:7']]);
  });
  it('fails once per mount when both are absolute: one path, two positions, in file order', () => {
    expect(found(pod('      subPath: /x', '      subPath: /y'))).toStrictEqual([
      [volumeRules.pathNotRelative.id, SUB_PATH, '12:7'],
      [volumeRules.pathNotRelative.id, SUB_PATH, '15:7'],
    ]);
  });
  it('fails when the second mount\'s subPathExpr climbs: at volumeMounts.subPathExpr, on its line', () => {
    expect(found(pod('', '      subPathExpr: $(POD_NAME)/..'))).toStrictEqual([[volumeRules.pathBackstep.id, 'spec.containers[0].volumeMounts.subPathExpr', '14:7']]);
  });
  it('fails when the second mount\'s recursiveReadOnly is set on a writable mount: at volumeMounts.recursiveReadOnly, on its line', () => {
    expect(found(pod('', '      recursiveReadOnly: Enabled'))).toStrictEqual([[enumRules.recursiveReadOnlyNeedsReadOnly.id, 'spec.containers[0].volumeMounts.recursiveReadOnly', '14:7']]);
  });
  it('passes the same Pod with the second mount readOnly', () => {
    expect(found(pod('', '      readOnly: true\n      recursiveReadOnly: Enabled'))).toStrictEqual([]);
  });
  it('fails when the second mount of a flow-style list is absolute: at the column of its subPath key', () => {
    const text = pod('', '').replace(/ {4}volumeMounts:\n[\s\S]*?(?= {2}volumes:)/, '    volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b, subPath: /logs}]\n');
    const flow = '    volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b, subPath: /logs}]';
    expect(text.split('\n')[8]).toBe(flow);
    expect(found(text)).toStrictEqual([[volumeRules.pathNotRelative.id, SUB_PATH, `9:${flow.indexOf('subPath') + 1}`]]);
  });
  it('fails in a Deployment\'s init container: the printed path is the template\'s, the position the second mount\'s line', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: init
        image: busybox
        volumeMounts:
        - {name: a, mountPath: /a}
        - name: a
          mountPath: /b
          mountPropagation: Shared
      containers:
      - {name: app, image: nginx}
      volumes:
      - {name: a, emptyDir: {}}
`;
    expect(found(text)).toStrictEqual([[enumRules.mountPropagation.id, 'spec.template.spec.initContainers[0].volumeMounts.mountPropagation', '16:11']]);
    expect(found(text.replace('Shared', 'HostToContainer'))).toStrictEqual([]);
  });
});

describe('the indexed path a rule sets beside the API server\'s path', () => {
  const mounts = [
    { name: 'v', mountPath: '/0' },
    { name: 'v', mountPath: '/1', subPath: '/x', subPathExpr: 'a/..', mountPropagation: 'Shared', recursiveReadOnly: 'Enabled' },
  ];
  const resizePolicy = [
    { resourceName: 'cpu', restartPolicy: 'NotRequired' },
    { resourceName: 'gpu', restartPolicy: 'Sometimes' },
  ];
  const subject = {
    spec: {
      volumes: [{ name: 'v', emptyDir: {} }],
      initContainers: [{ name: 'i', image: 'x', volumeMounts: mounts }],
      containers: [{ name: 'c', image: 'x', volumeMounts: mounts, resizePolicy }],
    },
  } as unknown as PodLike;
  const violations = checkPod(subject);
  const withIndex = violations.filter((v) => v.indexedPath !== undefined);

  it('is set on every finding whose path names a mount field or the resizePolicy list without an entry\'s index, and on no other', () => {
    expect(withIndex.length).toBe(12);
    expect(violations.filter((v) => v.indexedPath === undefined && /(volumeMounts\.[a-zA-Z]|resizePolicy$)/.test(v.path))).toStrictEqual([]);
    expect(violations.filter((v) => v.indexedPath !== undefined && /(volumeMounts|resizePolicy)\[/.test(v.path))).toStrictEqual([]);
  });
  it.each(withIndex.map((v) => [v.rule, v.path, v.indexedPath!]))('%s at %s is located at %s: the path with the second entry\'s index added', (_rule, path, indexedPath) => {
    const parts = parseFieldPath(indexedPath);
    const list = parts.findIndex((p) => p === 'volumeMounts' || p === 'resizePolicy');
    expect(parts[list + 1]).toBe(1);
    const unindexed = [...parts.slice(0, list + 1), ...parts.slice(list + 2)];
    // a mount's finding names the field; a resizePolicy finding names the list, and the indexed path its entry's field
    if (parts[list] === 'volumeMounts') expect(parseFieldPath(path)).toStrictEqual(unindexed);
    else expect([...parseFieldPath(path), parts[parts.length - 1]]).toStrictEqual(unindexed);
  });
  it('points a resizePolicy finding at the entry\'s field that is wrong', () => {
    expect(withIndex.filter((v) => v.path.endsWith('resizePolicy')).map((v) => [v.rule, v.indexedPath])).toStrictEqual([
      [podPolicyRules.resizePolicyResourceUnsupported.id, 'spec.containers[0].resizePolicy[1].resourceName'],
      [podPolicyRules.resizePolicyRestartUnsupported.id, 'spec.containers[0].resizePolicy[1].restartPolicy'],
    ]);
  });
  it('leaves a finding that has its entry\'s index alone (no indexed path)', () => {
    const exclusive = violations.filter((v) => v.rule === volumeRules.subPathExclusive.id);
    expect(exclusive.map((v) => [v.path, v.indexedPath])).toStrictEqual([
      ['spec.initContainers[0].volumeMounts[1].subPathExpr', undefined],
      ['spec.containers[0].volumeMounts[1].subPathExpr', undefined],
    ]);
    const duplicate = checkPod({ spec: { containers: [{ name: 'c', image: 'x', resizePolicy: [resizePolicy[0], resizePolicy[0]] }] } } as unknown as PodLike);
    expect(duplicate.map((v) => [v.rule, v.path, v.indexedPath])).toStrictEqual([[podPolicyRules.resizePolicyDuplicate.id, 'spec.containers[0].resizePolicy[1]', undefined]]);
  });
});

describe('a resizePolicy finding (the API server\'s path is the list), located at the entry\'s field', () => {
  const text = (second: string) => `apiVersion: v1
kind: Pod
metadata:
  name: resize
spec:
  containers:
  - name: app
    image: nginx
    resizePolicy:
    - resourceName: cpu
      restartPolicy: NotRequired
    - resourceName: memory
      restartPolicy: ${second}
`;
  it('fails when the second entry\'s restartPolicy is unsupported: at resizePolicy, on that restartPolicy\'s line', () => {
    expect(found(text('Sometimes'))).toStrictEqual([[podPolicyRules.resizePolicyRestartUnsupported.id, 'spec.containers[0].resizePolicy', '13:7']]);
  });
  it('passes the same Pod with RestartContainer', () => {
    expect(found(text('RestartContainer'))).toStrictEqual([]);
  });
  it('fails when the second entry\'s restartPolicy is empty: the Required finding at its line', () => {
    expect(found(text('""'))).toStrictEqual([[podPolicyRules.resizePolicyRequired.id, 'spec.containers[0].resizePolicy', '13:7']]);
  });
  it('fails when the second entry has no restartPolicy: the Required finding at the entry\'s start', () => {
    expect(found(text('x').replace('      restartPolicy: x\n', ''))).toStrictEqual([[podPolicyRules.resizePolicyRequired.id, 'spec.containers[0].resizePolicy', '12:7']]);
  });
});

describe('locateViolation', () => {
  const [source] = readManifests({ file: 'pod.yaml', text: pod('', '      subPath: /logs') });
  it('locates at the indexed path when there is one', () => {
    expect(locateViolation(source!, { path: SUB_PATH, indexedPath: 'spec.containers[0].volumeMounts[1].subPath' })).toStrictEqual({ line: 14, col: 7 });
  });
  it('locates at the path when there is none: an unindexed path stops at the list\'s key', () => {
    expect(locateViolation(source!, { path: SUB_PATH })).toStrictEqual({ line: 9, col: 5 });
    expect(locateViolation(source!, { path: SUB_PATH })).toStrictEqual(locate(source!, SUB_PATH));
  });
});

describe('podkit lint reports the mount\'s own line in every format, with the API server\'s path', () => {
  const run = (format: string, text: string) => {
    let stdout = '';
    const code = runCli(['lint', '--format', format, '-'], { stdout: (t) => (stdout += t), stderr: () => undefined, stdin: () => text });
    return { code, stdout };
  };
  const bad = pod('', '      subPath: /logs');
  const good = pod('', '      subPath: logs');
  const message = volumeRules.pathNotRelative.message('/logs');

  it('fails with the text line at 14:7', () => {
    const { code, stdout } = run('text', bad);
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toBe(`<stdin>:14:7: error: Pod/mounts: ${SUB_PATH}: ${message} [${volumeRules.pathNotRelative.id}] ${volumeRules.pathNotRelative.docs} (English: ${volumeRules.pathNotRelative.docsEn})`);
  });
  it('fails with the JSON finding at line 14, column 7, its path unchanged and no other field added', () => {
    const { code, stdout } = run('json', bad);
    const report = JSON.parse(stdout) as LintJson;
    expect(code).toBe(1);
    expect(report.findings.map((f) => [f.rule, f.path, f.line, f.column])).toStrictEqual([[volumeRules.pathNotRelative.id, SUB_PATH, 14, 7]]);
    expect(Object.keys(report.findings[0]!).sort()).toStrictEqual(['column', 'docs', 'docsEn', 'file', 'line', 'message', 'object', 'path', 'rule', 'severity']);
  });
  it('fails with the SARIF result at startLine 14, startColumn 7, its logical location the API server\'s path', () => {
    const { code, stdout } = run('sarif', bad);
    const log = JSON.parse(stdout) as {
      runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { region: unknown }; logicalLocations: { fullyQualifiedName: string }[] }[] }[] }[];
    };
    expect(code).toBe(1);
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.message.text, r.locations[0]!.physicalLocation.region, r.locations[0]!.logicalLocations[0]!.fullyQualifiedName])).toStrictEqual([
      [volumeRules.pathNotRelative.id, `Pod/mounts: ${SUB_PATH}: ${message}`, { startLine: 14, startColumn: 7 }, `Pod/mounts/${SUB_PATH}`],
    ]);
  });
  it.each(['text', 'json', 'sarif'])('passes the twin with a relative subPath (%s)', (format) => {
    const { code, stdout } = run(format, good);
    expect(code).toBe(0);
    if (format === 'json') expect((JSON.parse(stdout) as LintJson).findings).toStrictEqual([]);
    if (format === 'text') expect(stdout).toBe('');
  });
});

describe('the cdk8s validation plugin reports the mount\'s own line of the synthesized manifest', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** Synthesizes a chart holding the Pod (plain JSON) as cdk8s does, and runs the plugin over its manifest. */
  async function validate(subPath: string) {
    const outdir = mkdtempSync(join(tmpdir(), 'podkit-locate-'));
    dirs.push(outdir);
    const app = new App({ outdir });
    new ApiObject(new Chart(app, 'demo'), 'pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'mounts' },
      spec: {
        containers: [{ name: 'app', image: 'nginx', volumeMounts: [{ name: 'a', mountPath: '/a' }, { name: 'b', mountPath: '/b', subPath }] }],
        volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', emptyDir: {} }],
      },
    });
    app.synth();
    const manifests = readdirSync(outdir).filter((f) => f.endsWith('.yaml')).map((f) => join(outdir, f));
    const violations: ValidationViolation[] = [];
    const statuses: string[] = [];
    const context: ValidationContext = { manifests, report: { addViolation: (v) => violations.push(v), submit: (s) => statuses.push(s) }, logger: { log: () => undefined } };
    await new PodkitValidation().validate(context);
    return { text: readFileSync(manifests[0]!, 'utf8'), violations, statuses };
  }

  it('fails with the location at the second mount\'s subPath line, not the volumeMounts key, the path unchanged', async () => {
    const { text, violations, statuses } = await validate('/logs');
    const lines = text.split('\n');
    const subPathLine = lines.findIndex((l) => l.trimStart().startsWith('subPath: /logs')) + 1;
    const mountsLine = lines.findIndex((l) => l.trimStart().startsWith('volumeMounts:')) + 1;
    expect(subPathLine).toBeGreaterThan(mountsLine + 1);
    const col = lines[subPathLine - 1]!.indexOf('subPath') + 1;
    expect(statuses).toStrictEqual(['failure']);
    expect(violations.map((v) => [v.ruleName, v.violatingResources[0]!.locations])).toStrictEqual([[volumeRules.pathNotRelative.id, [`${SUB_PATH} (line ${subPathLine}, column ${col})`]]]);
    expect(violations[0]!.recommendation).toBe(`Pod/mounts: ${SUB_PATH}: ${volumeRules.pathNotRelative.message('/logs')}`);
  });
  it('passes the twin with a relative subPath', async () => {
    const { violations, statuses } = await validate('logs');
    expect([violations, statuses]).toStrictEqual([[], ['success']]);
  });
});
