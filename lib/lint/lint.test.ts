import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configMapRules } from '../rules/config-map';
import { objectRules } from '../rules/objects';
import { podSecurityRules } from '../rules/pod-security';
import { resourceRules } from '../rules/resources';
import { schedulabilityRules } from '../rules/schedulability';
import { yamlRules } from '../rules/yaml';
import { yamlStringRules } from '../rules/yaml-strings';
import { EXPLAIN_SECTIONS, explainSourced, podSecurityLevelsSection } from './explain';
import { failingFindings, lintSourced, type LintReport } from './lint';
import { readManifests, readYamlDocuments, type SourcedObject } from './read';
import { asClusterProfile } from './cluster-profile';
import { twoMounts } from '../../test-support/two-mounts';

const FIXTURES = join(__dirname, 'fixtures');

function readFixture(path: string): SourcedObject[] {
  const file = join(FIXTURES, path);
  return readManifests({ file: path, text: readFileSync(file, 'utf8') });
}

const brief = (report: LintReport) => report.findings.map((f) => [f.violation.rule, f.violation.path, `${f.file}:${f.line}:${f.col}`]);

describe('lintSourced over the invalid fixtures', () => {
  it.each([
    ['invalid/request-exceeds-limit.yaml', [
      // both at the `requests` key: the API server reports a request above its limit on the list, not on the resource
      [resourceRules.requestExceedsLimit.id, 'spec.containers[0].resources.requests', '12:7'],
      [resourceRules.requestExceedsLimit.id, 'spec.containers[0].resources.requests', '12:7'],
    ]],
    ['invalid/bad-quantity.yaml', [
      [resourceRules.invalidQuantity.id, 'spec.containers[0].resources.requests[memory]', '12:9'],
      [resourceRules.cpuPrecision.id, 'spec.containers[0].resources.requests[cpu]', '13:9'],
      [resourceRules.negativeQuantity.id, 'spec.containers[0].resources.limits[memory]', '15:9'],
    ]],
    ['invalid/duplicate-container-names.yaml', [
      [objectRules.containerNameDuplicate.id, 'spec.template.spec.initContainers[0].name', '14:9'],
      [objectRules.containerNameInvalid.id, 'spec.template.spec.containers[1].name', '19:9'],
    ]],
    ['invalid/extended-resources.yaml', [
      [resourceRules.requestMustEqualLimit.id, 'spec.containers[0].resources.requests', '11:7'],
      [resourceRules.integerRequired.id, 'spec.containers[1].resources.limits[example.com/dongle]', '19:9'],
      [resourceRules.limitRequired.id, 'spec.containers[2].resources.limits', '22:5'],
    ]],
    ['invalid/list-and-documents.yaml', [
      [objectRules.nameInvalid.id, 'metadata.name', '8:5'],
      [objectRules.containersRequired.id, 'spec.containers', '16:5'],
      [objectRules.imageRequired.id, 'spec.jobTemplate.spec.template.spec.containers[0].image', '30:13'],
    ]],
    ['invalid/yaml-1.1-strings.yaml', [
      [yamlStringRules.stringExpected.id, 'metadata.labels[enabled]', '7:5'],
      [yamlStringRules.stringExpected.id, 'data[DEBUG]', '9:3'],
      [yamlStringRules.stringExpected.id, 'data[PORT]', '10:3'],
      [yamlStringRules.stringExpected.id, 'data[UMASK]', '11:3'],
      [yamlStringRules.stringExpected.id, 'spec.selector.matchLabels[canary]', '20:29'],
      [yamlStringRules.stringExpected.id, 'spec.template.metadata.labels[canary]', '23:26'],
      [yamlStringRules.stringExpected.id, 'spec.template.spec.nodeSelector[ssd]', '26:9'],
      [yamlStringRules.stringExpected.id, 'spec.template.spec.containers[0].args[1]', '30:24'],
      [yamlStringRules.stringExpected.id, 'spec.template.spec.containers[0].env[0].value', '33:11'],
    ]],
    ['invalid/duplicate-key.yaml', [
      [yamlRules.duplicateKey.id, 'spec.containers[0].resources.limits[memory]', '13:9'],
    ]],
  ])('fails when linting %s, with rule, path and position', (fixture, expected) => {
    const report = lintSourced(readFixture(fixture));
    expect(brief(report)).toStrictEqual(expected.map(([rule, path, at]) => [rule, path, `${fixture}:${at}`]));
  });

  it('passes the valid twin: the same kinds of objects, written correctly', () => {
    const report = lintSourced(readFixture('valid/app.yaml'));
    expect(report.findings).toStrictEqual([]);
    expect(report.objects).toBe(2);
  });

  it('reuses each rule’s message builder and names the object', () => {
    const [f] = lintSourced(readFixture('invalid/request-exceeds-limit.yaml')).findings;
    expect(f!.violation.message).toBe(resourceRules.requestExceedsLimit.message('300Mi', 'memory', '200Mi'));
    expect(f!.object).toStrictEqual({ kind: 'Pod', namespace: 'mem-example', name: 'memory-demo' });
  });

  it('counts a warning as failing only in strict mode', () => {
    const report = lintSourced(readFixture('invalid/duplicate-key.yaml'));
    expect(failingFindings(report)).toStrictEqual([]);
    expect(failingFindings(report, true).map((f) => f.violation.rule)).toStrictEqual([yamlRules.duplicateKey.id]);
  });

  it('lints every fixture file together, each finding keeping its own file', () => {
    const files = readdirSync(join(FIXTURES, 'invalid')).sort().map((name) => `invalid/${name}`);
    const report = lintSourced(files.flatMap(readFixture));
    expect(new Set(report.findings.map((f) => f.file))).toStrictEqual(new Set(files));
    expect(report.findings.map((f) => f.file)).toStrictEqual([...report.findings.map((f) => f.file)].sort());
  });
});

describe('a key written twice, at its path in the API server\'s form (a map key bracketed, a field after a dot)', () => {
  const lint = (text: string) => brief(lintSourced(readManifests({ file: 'twice.yaml', text })));
  const DEPLOYMENT = (labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels:
${labels}
    spec:
      containers:
      - name: app
        image: nginx
`;
  it.each([
    ['a label of a template', DEPLOYMENT('        app: web\n        app: web'), 'spec.template.metadata.labels[app]', '12:9'],
    ['a prefixed label of a template', DEPLOYMENT('        app: web\n        example.com/tier: a\n        example.com/tier: b'), 'spec.template.metadata.labels[example.com/tier]', '13:9'],
  ])('fails when %s is written twice', (_what, text, path, at) => {
    expect(lint(text)).toStrictEqual([[yamlRules.duplicateKey.id, path, `twice.yaml:${at}`]]);
  });

  it('passes the same labels written once', () => {
    expect(lint(DEPLOYMENT('        app: web\n        example.com/tier: a'))).toStrictEqual([]);
  });

  it('fails when a field is written twice: a field stays after a dot', () => {
    expect(lint(DEPLOYMENT('        app: web').replace('        image: nginx\n', '        image: nginx\n        image: nginx\n'))).toStrictEqual([
      [yamlRules.duplicateKey.id, 'spec.template.spec.containers[0].image', 'twice.yaml:16:9'],
    ]);
  });
});

/** A Pod with two mounts; `second` holds more lines of the second mount (six spaces deep). */
const twoMountsPod = (second: string) => twoMounts('', `${second}\n`);
const lintMounts = (second: string) => brief(lintSourced(readManifests({ file: 'mounts.yaml', text: twoMountsPod(second) })));

describe('findings at a path without the mount index (the API server\'s own path), located in the file', () => {
  it('fails when the second mount\'s mountPropagation is unsupported: at volumeMounts.mountPropagation, located at that mount\'s key', () => {
    expect(lintMounts('      mountPropagation: Shared')).toStrictEqual([
      ['enums/mount-propagation', 'spec.containers[0].volumeMounts.mountPropagation', 'mounts.yaml:14:7'],
    ]);
  });
  it('passes the same Pod with HostToContainer', () => {
    expect(lintMounts('      mountPropagation: HostToContainer')).toStrictEqual([]);
  });
});

describe('subPath and subPathExpr findings at the API server\'s paths, located in the file', () => {
  const lint = lintMounts;
  it('fails when the second mount\'s subPath is absolute: at volumeMounts.subPath (no mount index), located at that mount\'s key', () => {
    expect(lint('      subPath: /logs')).toStrictEqual([['volumes/path-not-relative', 'spec.containers[0].volumeMounts.subPath', 'mounts.yaml:14:7']]);
  });
  it('passes the same Pod with a relative subPath', () => {
    expect(lint('      subPath: logs')).toStrictEqual([]);
  });
  it('fails when the second mount\'s subPathExpr climbs: at volumeMounts.subPathExpr (no mount index), located at that mount\'s key', () => {
    expect(lint('      subPathExpr: $(POD_NAME)/..')).toStrictEqual([['volumes/path-backstep', 'spec.containers[0].volumeMounts.subPathExpr', 'mounts.yaml:14:7']]);
  });
  it('passes the same Pod with a descending subPathExpr', () => {
    expect(lint('      subPathExpr: $(POD_NAME)/logs')).toStrictEqual([]);
  });
  it('fails when the second mount sets subPath and subPathExpr: at volumeMounts[1].subPathExpr, located at that key', () => {
    expect(lint('      subPath: logs\n      subPathExpr: $(POD_NAME)')).toStrictEqual([['volumes/sub-path-exclusive', 'spec.containers[0].volumeMounts[1].subPathExpr', 'mounts.yaml:15:7']]);
  });
});

describe('findings across objects, located once the objects are no longer held', () => {
  const list = (key: string) => `# a List: its items are the objects
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: settings}
  data: {level: info}
- apiVersion: v1
  kind: Pod
  metadata: {name: web}
  spec:
    containers:
    - name: web
      image: nginx
      env:
      - name: LEVEL
        valueFrom:
          configMapKeyRef: {name: settings, key: ${key}}
`;
  const pod = (key: string) => `apiVersion: v1
kind: Pod
metadata: {name: other}
spec:
  containers:
  - name: web
    image: nginx
    env:
    - name: LEVEL
      valueFrom: {configMapKeyRef: {name: settings, key: ${key}}}
`;

  it('fails when a Pod inside a List names a key its ConfigMap lacks: the finding at the key, in the List item', () => {
    const report = lintSourced(readManifests({ file: 'list.yaml', text: list('verbosity') }));
    expect(brief(report)).toStrictEqual([[configMapRules.keyNotFound.id, 'spec.containers[0].env[0].valueFrom.configMapKeyRef.key', 'list.yaml:19:45']]);
    expect(report.findings[0]!.object).toStrictEqual({ kind: 'Pod', namespace: undefined, name: 'web' });
  });

  it('passes the same List naming a key the ConfigMap has', () => {
    expect(lintSourced(readManifests({ file: 'list.yaml', text: list('level') })).findings).toStrictEqual([]);
  });

  it('fails in the second file when its Pod names a key the ConfigMap of the first file lacks, and passes its twin', () => {
    const first = readManifests({ file: 'a.yaml', text: list('level') });
    expect(brief(lintSourced([...first, ...readManifests({ file: 'b.yaml', text: `---\n${pod('verbosity')}` })]))).toStrictEqual([
      [configMapRules.keyNotFound.id, 'spec.containers[0].env[0].valueFrom.configMapKeyRef.key', 'b.yaml:11:53'],
    ]);
    expect(lintSourced([...first, ...readManifests({ file: 'b.yaml', text: `---\n${pod('level')}` })]).findings).toStrictEqual([]);
  });
});

describe('--pss', () => {
  const deployment = readFixture('valid/app.yaml');
  const hardened = readManifests({
    file: 'hardened.yaml',
    text: readFileSync(join(FIXTURES, 'valid/app.yaml'), 'utf8')
      .replace('    spec:\n      containers:', '    spec:\n      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n      containers:')
      .replace('        image: nginx:1.27\n', '        image: nginx:1.27\n        securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n'),
  });

  it('fails when the Deployment’s pod spec does not meet restricted: each finding at its path in the pod template, located in the file', () => {
    expect(brief(lintSourced(deployment, { pss: 'restricted' }))).toStrictEqual([
      [podSecurityRules.runAsNonRoot.id, 'spec.template.spec.securityContext.runAsNonRoot', 'valid/app.yaml:21:5'],
      [podSecurityRules.seccompProfileRestricted.id, 'spec.template.spec.securityContext.seccompProfile', 'valid/app.yaml:21:5'],
      [podSecurityRules.allowPrivilegeEscalation.id, 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation', 'valid/app.yaml:23:9'],
      [podSecurityRules.capabilitiesRestricted.id, 'spec.template.spec.containers[0].securityContext.capabilities.drop', 'valid/app.yaml:23:9'],
    ]);
  });

  it('passes the same Deployment at baseline, and the hardened twin at restricted', () => {
    expect(lintSourced(deployment, { pss: 'baseline' }).findings).toStrictEqual([]);
    expect(lintSourced(hardened, { pss: 'restricted' }).findings).toStrictEqual([]);
  });

  it('fails when the cluster profile given is not one', () => {
    expect(() => lintSourced(deployment, { cluster: { nodes: 'none' } })).toThrow('invalid cluster profile: a mapping with a `nodes` list is required');
    expect(lintSourced(deployment, { cluster: { nodes: [{ name: 'n', allocatable: { cpu: '1', memory: '1Gi' } }] } }).findings).toStrictEqual([]);
  });
});

describe('--cluster', () => {
  const reference = (path: string) => readManifests({ file: path, text: readFileSync(join(__dirname, '..', '..', 'snapshots', 'reference', path), 'utf8') });
  const profile = readYamlDocuments({ file: 'one-node.yaml', text: readFileSync(join(FIXTURES, 'cluster', 'one-node.yaml'), 'utf8') })[0];

  it('fails when the page’s second dongle Pod meets a node the first one already took 3 of 4 dongles of (objects from two files)', () => {
    const objects = [...reference('manifests/extended-resource/as-printed/extended-resource-pod.yaml'), ...reference('manifests/extended-resource/extended-resource-pod-2.yaml')];
    expect(brief(lintSourced(objects, { cluster: profile }))).toStrictEqual([
      [schedulabilityRules.unschedulable.id, 'spec', 'manifests/extended-resource/extended-resource-pod-2.yaml:5:1'],
    ]);
  });

  it('parses the profile once: checked as the CLI reads it, then linted with (a nodes getter counts the reads)', () => {
    let reads = 0;
    const counted = { get nodes() { reads++; return (profile as { nodes: unknown }).nodes; } };
    const checked = asClusterProfile(counted);
    const readsToCheck = reads;
    const objects = reference('manifests/extended-resource/extended-resource-pod-2.yaml');
    expect(lintSourced(objects, { cluster: checked }).findings).toStrictEqual([]);
    expect(reads).toBe(readsToCheck);
    // a raw profile given to the session is parsed there, once
    reads = 0;
    lintSourced(objects, { cluster: counted });
    expect(reads).toBe(readsToCheck);
  });

  it('passes the second dongle Pod alone', () => {
    expect(lintSourced(reference('manifests/extended-resource/extended-resource-pod-2.yaml'), { cluster: profile }).findings).toStrictEqual([]);
  });

  it.each([
    ['not a mapping with nodes', [], 'invalid cluster profile: a mapping with a `nodes` list is required'],
    ['a node without memory', { nodes: [{ name: 'n', allocatable: { cpu: '1' } }] }, 'invalid cluster profile:\n  nodes[0].allocatable[memory]: Required value'],
    ['a quantity that does not parse', { nodes: [{ name: 'n', allocatable: { cpu: 'four', memory: '1Gi' } }] }, /^invalid cluster profile:\n {2}nodes\[0\]\.allocatable\[cpu\]: Invalid value: "four"/],
    ['a boolean label (YAML 1.1 `yes`)', { nodes: [{ name: 'n', labels: { ssd: true }, allocatable: { cpu: '1', memory: '1Gi' } }] }, /nodes\[0\]\.labels: must map label keys to strings/],
  ])('fails when the profile is %s', (_what, value, message) => {
    expect(() => asClusterProfile(value)).toThrow(message);
  });
});

describe('explainSourced', () => {
  const withoutPss = EXPLAIN_SECTIONS.filter((section) => section !== podSecurityLevelsSection);

  it('gives the QoS class of each Pod and workload, skipping objects without a pod spec', () => {
    const explained = explainSourced([...readFixture('valid/app.yaml'), ...readFixture('invalid/extended-resources.yaml')], withoutPss);
    expect(explained.map((e) => [e.object.kind, e.podSpec, e.sections.map((s) => [s.title, s.entries.map((x) => x.value)])])).toStrictEqual([
      ['Deployment', 'spec.template.spec', [['QoS class', ['Burstable']]]],
      ['Pod', 'spec', [['QoS class', ['BestEffort']]]],
    ]);
  });

  it('gives the startup budget of each container with a startup probe, with Kubernetes’ defaults', () => {
    const [explained] = explainSourced(readFixture('valid/startup-probe.yaml'), withoutPss);
    expect(explained!.sections.find((s) => s.title === 'Startup budget')!.entries).toStrictEqual([
      { label: 'containers[0] (app)', value: '300s (failureThreshold 30 × periodSeconds 10)', path: 'spec.containers[0].startupProbe' },
      { label: 'containers[1] (sidecar)', value: '30s (failureThreshold 3 × periodSeconds 10)', path: 'spec.containers[1].startupProbe' },
    ]);
    expect(lintSourced(readFixture('valid/startup-probe.yaml')).findings).toStrictEqual([]);
  });

  it('leaves out the startup budget section when no container has a startup probe', () => {
    const [explained] = explainSourced(readFixture('valid/app.yaml').slice(1), withoutPss);
    expect(explained!.sections.map((s) => s.title)).toStrictEqual(['QoS class']);
  });

  it('gives each container’s effective security context (container fields override the pod’s) and the PSS levels', () => {
    const path = 'manifests/security-context/security-context-2.yaml';
    const [explained] = explainSourced(readManifests({ file: path, text: readFileSync(join(__dirname, '..', '..', 'snapshots', 'reference', path), 'utf8') }));
    expect(explained!.sections.map((s) => [s.title, s.entries.map((e) => `${e.label}: ${e.value}`)])).toStrictEqual([
      ['QoS class', ['QoS class: BestEffort']],
      ['Effective security context', ['containers[0] (sec-ctx-demo-2): runAsUser=2000, allowPrivilegeEscalation=false']],
      ['Pod Security Standards', ['baseline: meets', `restricted: fails (${[podSecurityRules.capabilitiesRestricted, podSecurityRules.runAsNonRoot, podSecurityRules.seccompProfileRestricted].map((r) => r.id).join(', ')})`]],
    ]);
  });

  it('shows the PSS levels a pod meets, and the rules of a level it fails', () => {
    const [explained] = explainSourced(readFixture('valid/app.yaml'));
    const failed = [podSecurityRules.allowPrivilegeEscalation, podSecurityRules.capabilitiesRestricted, podSecurityRules.runAsNonRoot, podSecurityRules.seccompProfileRestricted];
    expect(explained!.sections.find((s) => s.title === 'Pod Security Standards')!.entries).toStrictEqual([
      { label: 'baseline', value: 'meets' },
      { label: 'restricted', value: `fails (${failed.map((r) => r.id).join(', ')})` },
    ]);
    const [hardened] = explainSourced(readManifests({ file: 'h.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: h}\nspec:\n  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n  containers:\n  - name: a\n    image: b\n    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n' }));
    expect(hardened!.sections.find((s) => s.title === 'Pod Security Standards')!.entries).toStrictEqual([
      { label: 'baseline', value: 'meets' },
      { label: 'restricted', value: 'meets' },
    ]);
  });
});
