/**
 * A list field that holds a map, a string or a number (a test tool's assertion such as chainsaw's
 * `volumes: {(length(...) > 0): true}`, a template placeholder) is refused by the API server's decoding, which
 * fields/type-mismatch reports; no rule that walks the list fails on it. Each case is paired with the same field
 * written as a list, which passes.
 */
import { describe, expect, it } from 'vitest';
import { lintSourced } from './lint';
import { readManifests } from './read';

const rulesAndPaths = (text: string) => lintSourced(readManifests({ file: 'app.yaml', text }), { pss: 'restricted' }).findings.map((f) => [f.violation.rule, f.violation.path]);

/** A hardened Pod (no Pod Security finding) with `extra` YAML lines under its first container and under its spec. */
const pod = (container: string, spec = '') => `apiVersion: v1
kind: Pod
metadata: {name: app, labels: {app: web}}
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: app
    image: example/app:1.0
    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
${container}${spec}`;

const mount = '    volumeMounts: [{name: data, mountPath: /data}]\n';
const data = '  volumes: [{name: data, emptyDir: {}}]\n';
const cases: [string, string, string, string][] = [
  // name, the field mistyped, the same field as a list, the path reported
  ['volumes', pod('', "  volumes:\n    (length([?name == 'data']) > `0`): true\n"), pod(mount, data), 'spec.volumes'],
  ['volumeMounts', pod("    volumeMounts:\n      (length([?name == 'data']) > `0`): true\n", data), pod(mount, data), 'spec.containers[0].volumeMounts'],
  ['env', pod('    env: {LEVEL: debug}\n'), pod('    env: [{name: LEVEL, value: debug}]\n'), 'spec.containers[0].env'],
  ['envFrom', pod('    envFrom: {configMapRef: {name: app}}\n'), pod('    envFrom: [{configMapRef: {name: app}}]\n'), 'spec.containers[0].envFrom'],
  ['args', pod('    args: --verbose\n'), pod('    args: [--verbose]\n'), 'spec.containers[0].args'],
  ['ports', pod('    ports: http\n'), pod('    ports: [{name: http, containerPort: 8080}]\n'), 'spec.containers[0].ports'],
  [
    'httpHeaders',
    pod('    lifecycle: {postStart: {httpGet: {port: 8080, httpHeaders: {X-Probe: "1"}}}}\n'),
    pod('    lifecycle: {postStart: {httpGet: {port: 8080, httpHeaders: [{name: X-Probe, value: "1"}]}}}\n'),
    'spec.containers[0].lifecycle.postStart.httpGet.httpHeaders',
  ],
  ['configMap items', pod(mount, '  volumes: [{name: data, configMap: {name: app, items: {key: a, path: a}}}]\n'), pod(mount, '  volumes: [{name: data, configMap: {name: app, items: [{key: a, path: a}]}}]\n'), 'spec.volumes[0].configMap.items'],
  ['projected sources', pod(mount, '  volumes: [{name: data, projected: {sources: {configMap: {name: app}}}}]\n'), pod(mount, '  volumes: [{name: data, projected: {sources: [{configMap: {name: app}}]}}]\n'), 'spec.volumes[0].projected.sources'],
  [
    'preferred node affinity',
    pod('', '  affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: {weight: 1}}}\n'),
    pod('', '  affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, preference: {matchExpressions: [{key: zone, operator: Exists}]}}]}}\n'),
    'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution',
  ],
  [
    'node selector field requirements',
    pod('', '  affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, preference: {matchExpressions: [{key: zone, operator: Exists}], matchFields: 7}}]}}\n'),
    pod('', '  affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, preference: {matchExpressions: [{key: zone, operator: Exists}], matchFields: []}}]}}\n'),
    'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchFields',
  ],
];

describe('a list field of another JSON type', () => {
  it.each(cases)('fails when %s is not a list, as fields/type-mismatch at that path only', (_, mistyped, _list, path) => {
    expect(rulesAndPaths(mistyped)).toStrictEqual([['fields/type-mismatch', path]]);
  });

  it.each(cases)('passes when %s is a list', (_, _mistyped, list) => {
    expect(rulesAndPaths(list)).toStrictEqual([]);
  });

  const deployment = (expressions: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}, matchExpressions: ${expressions}}
  template:
    metadata: {labels: {app: web}}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
      - name: app
        image: example/app:1.0
        securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
`;

  it('fails when a workload\'s selector.matchExpressions is a map, as fields/type-mismatch', () => {
    expect(rulesAndPaths(deployment('{key: app, operator: Exists}'))).toStrictEqual([['fields/type-mismatch', 'spec.selector.matchExpressions']]);
  });

  it('passes when it is a list', () => {
    expect(rulesAndPaths(deployment('[{key: app, operator: Exists}]'))).toStrictEqual([]);
  });

  const configMap = (binaryData: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {a: "1"}\nbinaryData: ${binaryData}\n`;

  it('fails when a ConfigMap\'s binaryData is a string, as fields/type-mismatch', () => {
    expect(rulesAndPaths(configMap('AAAA'))).toStrictEqual([['fields/type-mismatch', 'binaryData']]);
  });

  it('passes when binaryData is a map of other keys', () => {
    expect(rulesAndPaths(configMap('{b: AAAA}'))).toStrictEqual([]);
  });
});

describe('a null item in a list of objects', () => {
  // The API server's decoding leaves a null element at its zero value: `- ` alone in YAML is an empty object.
  const plain = (container: string, spec = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: example/app:1.0\n${container}${spec}`;
  const paths = (text: string) => lintSourced(readManifests({ file: 'app.yaml', text })).findings.map((f) => [f.violation.rule, f.violation.path]);

  it.each([
    ['a container', 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers: [null]\n', [
      ['objects/container-name-required', 'spec.containers[0].name'],
      ['objects/image-required', 'spec.containers[0].image'],
    ]],
    ['a port', plain('    ports: [null]\n'), [['ports/container-port-required', 'spec.containers[0].ports[0].containerPort']]],
    ['a volume', plain('', '  volumes: [null]\n'), [['volumes/name-required', 'spec.volumes[0].name']]],
    ['a volume mount', plain('    volumeMounts: [null]\n'), [
      ['volumes/mount-name-required', 'spec.containers[0].volumeMounts[0].name'],
      ['volumes/mount-not-found', 'spec.containers[0].volumeMounts[0].name'],
      ['volumes/mount-path-required', 'spec.containers[0].volumeMounts[0].mountPath'],
    ]],
    ['an env entry', plain('    env: [null]\n'), [['env/name-required', 'spec.containers[0].env[0].name']]],
    // reported on the list, as the API server does (`field.Invalid(fldPath, "", ...)` in validateEnvFrom)
    ['an envFrom entry', plain('    envFrom: [null]\n'), [['env/env-from-source-required', 'spec.containers[0].envFrom']]],
    ['an HTTP header', plain('    lifecycle: {postStart: {httpGet: {port: 8080, httpHeaders: [null]}}}\n'), [['lifecycle/http-header-name-invalid', 'spec.containers[0].lifecycle.postStart.httpGet.httpHeaders']]],
    ['a sysctl', plain('', '  securityContext: {sysctls: [null]}\n'), [['security-context/sysctl-name-required', 'spec.securityContext.sysctls[0].name']]],
    ['a toleration', plain('', '  tolerations: [null]\n'), [['enums/toleration-operator-without-key', 'spec.tolerations[0].operator']]],
    ['a host alias', plain('', '  hostAliases: [null]\n'), [['pod/host-alias-ip-invalid', 'spec.hostAliases[0].ip']]],
    ['a topology spread constraint', plain('', '  topologySpreadConstraints: [null]\n'), [
      ['pod/topology-spread-max-skew', 'spec.topologySpreadConstraints[0].maxSkew'],
      ['pod/topology-spread-topology-key-required', 'spec.topologySpreadConstraints[0].topologyKey'],
      ['pod/topology-spread-when-unsatisfiable-unsupported', 'spec.topologySpreadConstraints[0].whenUnsatisfiable'],
    ]],
    ['a readiness gate', plain('', '  readinessGates: [null]\n'), [['pod/readiness-gate-invalid', 'spec.readinessGates[0].conditionType']]],
    ['a scheduling gate', plain('', '  schedulingGates: [null]\n'), [['pod/scheduling-gate-invalid', 'spec.schedulingGates[0]']]],
    ['a required pod affinity term', plain('', '  affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [null]}}\n'), [
      ['pod/pod-affinity-topology-key-invalid', 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey'],
      ['pod/pod-affinity-topology-key-required', 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey'],
    ]],
    ['a preferred pod anti-affinity term', plain('', '  affinity: {podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [null]}}\n'), [
      ['pod/pod-affinity-weight-range', 'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight'],
    ]],
    ['a label selector requirement', plain('', '  affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone, labelSelector: {matchExpressions: [null]}}]}}\n'), [
      ['metadata/label-key-invalid', 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].key'],
      ['metadata/selector-operator-invalid', 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator'],
    ]],
  ])('fails when %s is null, with the findings of an empty one', (_, text, expected) => {
    expect(paths(text)).toStrictEqual(expected);
  });

  it.each([
    ['a container', 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers: [{name: app, image: example/app:1.0}]\n'],
    ['a port', plain('    ports: [{containerPort: 8080}]\n')],
    ['a volume', plain('', '  volumes: [{name: data, emptyDir: {}}]\n')],
    ['a volume mount', plain('    volumeMounts: [{name: data, mountPath: /data}]\n', '  volumes: [{name: data, emptyDir: {}}]\n')],
    ['an env entry', plain('    env: [{name: MODE, value: fast}]\n')],
    ['an envFrom entry', plain('    envFrom: [{configMapRef: {name: app}}]\n')],
    ['an HTTP header', plain('    lifecycle: {postStart: {httpGet: {port: 8080, httpHeaders: [{name: X-Probe, value: "1"}]}}}\n')],
    ['a sysctl', plain('', '  securityContext: {sysctls: [{name: kernel.shm_rmid_forced, value: "0"}]}\n')],
    ['a toleration', plain('', '  tolerations: [{operator: Exists}]\n')],
    ['a host alias', plain('', '  hostAliases: [{ip: 127.0.0.1, hostnames: [foo.local]}]\n')],
    ['a topology spread constraint', plain('', '  topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]\n')],
    ['a readiness gate', plain('', '  readinessGates: [{conditionType: example.com/ready}]\n')],
    ['a scheduling gate', plain('', '  schedulingGates: [{name: example.com/quota}]\n')],
    ['a required pod affinity term', plain('', '  affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone}]}}\n')],
    ['a preferred pod anti-affinity term', plain('', '  affinity: {podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, podAffinityTerm: {topologyKey: zone}}]}}\n')],
    ['a label selector requirement', plain('', '  affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone, labelSelector: {matchExpressions: [{key: app, operator: Exists}]}}]}}\n')],
  ])('passes when %s is written out', (_, text) => {
    expect(paths(text)).toStrictEqual([]);
  });

  it.each([
    ['resizePolicy', plain('    resizePolicy: [null]\n')],
    ['an init container\'s resizePolicy', plain('', '  initContainers: [{name: init, image: example/app:1.0, resizePolicy: [null]}]\n')],
    ['configMap items', plain('', '  volumes: [{name: data, configMap: {name: app, items: [null]}}]\n')],
    ['projected sources', plain('', '  volumes: [{name: data, projected: {sources: [null]}}]\n')],
    ['preferred node affinity terms', plain('', '  affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [null]}}\n')],
    ['node selector requirements', plain('', '  affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, preference: {matchExpressions: [null]}}]}}\n')],
  ])('reads a null item of %s without failing', (_, text) => {
    expect(() => lintSourced(readManifests({ file: 'app.yaml', text }), { pss: 'restricted' })).not.toThrow();
  });
});
