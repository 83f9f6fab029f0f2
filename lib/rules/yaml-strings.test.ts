import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readManifests } from '../lint/read';
import { checkYamlStrings, yamlStringRules } from './yaml-strings';

const POD = (spec: string, meta = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${meta}}\nspec:\n${spec}`;
const C = (fields: string) => `  containers: [{name: c, image: nginx${fields}}]\n`;

/**
 * [what, YAML with one bad value, the path, the placeholder that the passing twin quotes]. The decoder names no map
 * key; a value in a map is located at its key in the API server's form for a key, always bracketed.
 */
const CASES: [string, string, string, string][] = [
  ['a label', POD(C(''), ', labels: {enabled: yes}'), 'metadata.labels[enabled]', 'yes'],
  ['an annotation', POD(C(''), ', annotations: {replicas: 3}'), 'metadata.annotations[replicas]', '3'],
  ['ConfigMap data', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {DEBUG: on}\n', 'data[DEBUG]', 'on'],
  ['ConfigMap binaryData', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nbinaryData: {blob: 1234}\n', 'binaryData[blob]', '1234'],
  ['Secret data', 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {k: 0x1F}\n', 'data[k]', '0x1F'],
  ['Secret stringData', 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {pin: 0777}\n', 'stringData[pin]', '0777'],
  ['a nodeSelector value', POD(`  nodeSelector: {ssd: true}\n${C('')}`), 'spec.nodeSelector[ssd]', 'true'],
  ['nodeName', POD(`  nodeName: 12345\n${C('')}`), 'spec.nodeName', '12345'],
  ['an image', POD(C('') + '  initContainers: [{name: i, image: 1.5}]\n'), 'spec.initContainers[0].image', '1.5'],
  ['an args item', POD(C(', args: [--port, 8080]')), 'spec.containers[0].args[1]', '8080'],
  ['a command item', POD(C(', command: [sleep, 1e3]')), 'spec.containers[0].command[1]', '1e3'],
  ['workingDir', POD(C(', workingDir: 0777')), 'spec.containers[0].workingDir', '0777'],
  ['an env value', POD(C(', env: [{name: A, value: off}]')), 'spec.containers[0].env[0].value', 'off'],
  ['an ephemeral container image', POD(C('') + '  ephemeralContainers: [{name: e, image: 2}]\n'), 'spec.ephemeralContainers[0].image', '2'],
  [
    'a Deployment selector label',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {canary: n}}\n  template:\n    metadata: {labels: {canary: "n"}}\n    spec:\n      containers: [{name: c, image: nginx}]\n',
    'spec.selector.matchLabels[canary]',
    'n',
  ],
  [
    'a CronJob template label',
    'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: j}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {v: 1.0}}\n        spec:\n          restartPolicy: Never\n          containers: [{name: c, image: nginx}]\n',
    'spec.jobTemplate.spec.template.metadata.labels[v]',
    '1.0',
  ],
];

/** kubectl's typed decoding (offline): its error, or '' when the manifest decodes. */
function kubectlDecodeError(yaml: string): string {
  try {
    execFileSync('kubectl', ['set', 'image', '--local', '-f', '-', '*=nginx:2', '-o', 'name'], { input: yaml, env: { ...process.env, KUBECONFIG: '/dev/null' }, stdio: 'pipe' });
    return '';
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr);
    const m = /json: cannot unmarshal .* of type \S+/.exec(stderr);
    return m ? m[0] : '';
  }
}

const check = (yaml: string) => readManifests({ file: 'in.yaml', text: yaml }).flatMap((o) => checkYamlStrings(o.object));

describe('checkYamlStrings', () => {
  it.each(CASES)('fails when %s is not a string, with the Go decoder’s own words (checked against kubectl)', (_what, yaml, path) => {
    const violations = check(yaml);
    expect(violations.map((v) => [v.rule, v.path])).toStrictEqual([[yamlStringRules.stringExpected.id, path]]);
    expect(violations[0]!.message.startsWith(`${kubectlDecodeError(yaml)} (`)).toBe(true);
  });

  it.each(CASES)('passes when %s is quoted (and kubectl decodes it)', (_what, yaml, _path, text) => {
    const quoted = yaml.replace(new RegExp(`(?<=[:,\\[] )${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[,}\\]\\n])`), `"${text}"`);
    expect(quoted).not.toBe(yaml);
    expect(check(quoted)).toStrictEqual([]);
    expect(kubectlDecodeError(quoted)).toBe('');
  });

  // `StopSignal *Signal` in k8s.io/api core/v1 types.go (1.33 and later); kubectl 1.32's types have no such field, so
  // the Go decoder's wording is written out here rather than taken from kubectl
  describe('lifecycle.stopSignal, a field of the API from 1.33', () => {
    const pod = (signal: string) => POD(`  os: {name: linux}\n${C(`, lifecycle: {stopSignal: ${signal}}`)}`);
    const checkAt = (yaml: string, kubernetesVersion: '1.32' | '1.33' | '1.36') => readManifests({ file: 'in.yaml', text: yaml }).flatMap((o) => checkYamlStrings(o.object, { kubernetesVersion }));

    it.each(['1.33', '1.36'] as const)('fails at %s when it is a number, as a v1.Signal the decoder cannot read', (version) => {
      const violations = checkAt(pod('15'), version);
      expect(violations.map((v) => [v.rule, v.path])).toStrictEqual([[yamlStringRules.stringExpected.id, 'spec.containers[0].lifecycle.stopSignal']]);
      expect(violations[0]!.message).toMatch(/^json: cannot unmarshal number into Go struct field Lifecycle\.spec\.containers\.lifecycle\.stopSignal of type v1\.Signal \(the value 15 /);
    });

    it.each(['1.33', '1.36'] as const)('passes at %s when it is a signal name', (version) => {
      expect(checkAt(pod('SIGTERM'), version)).toStrictEqual([]);
    });

    it('leaves it to the field check at 1.32, whose API has no such field', () => {
      expect(checkAt(pod('15'), '1.32')).toStrictEqual([]);
    });
  });

  it('passes null values, which decode as the empty string', () => {
    expect(check(POD(C(', env: [{name: A, value: ~}]'), ', labels: {a: }'))).toStrictEqual([]);
  });

  it('reports every bad value of an object, in a stable order', () => {
    const paths = check(POD(C(', args: [1, 2]'), ', labels: {a: on, b: off}')).map((v) => v.path);
    expect(paths).toStrictEqual(['metadata.labels[a]', 'metadata.labels[b]', 'spec.containers[0].args[0]', 'spec.containers[0].args[1]']);
  });
});
