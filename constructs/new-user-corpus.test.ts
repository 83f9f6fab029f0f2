/**
 * The new-user corpus: small programs written from the README and the package's published declarations only (the
 * package root), one per case, across the workload kinds. Every invalid program is rejected — at construction or
 * at synth — with the rule id and the field path Kubernetes would name, a message and a docs link, never another
 * error; every valid one (Kubernetes accepts it, however unusual it looks) synthesizes with no finding. The
 * programs the type checker rejects are in new-user-corpus.test-d.ts.
 */
import { Chart, JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import {
  BestEffortPod,
  ConfigMap,
  CronJob,
  Deployment,
  GuaranteedPod,
  Job,
  Pod,
  Probe,
  StatefulSet,
  emptyDirVolume,
  envFromConfigMap,
  volumeMount,
  type NodeSelectorRequirementProps,
} from '../index';
import { BASE, POD_META, outcomeOf, workload, type AnySpec, type Kind } from '../test-support/new-user';

/** A value read from a file or an environment: `any`, as `JSON.parse` gives it. */
const fromFile = (json: string): any => JSON.parse(json);

const app = { name: 'app', image: 'nginx:1.27' };
const web = (extra: object = {}): AnySpec => ({ containers: [{ ...app, ...extra }] });
const c0 = (kind: Kind) => `${BASE[kind]}.containers[0]`;
const V131 = { 'podkit:kubernetesVersion': '1.31' };
const V130 = { 'podkit:kubernetesVersion': '1.30' };

interface Invalid {
  readonly name: string;
  readonly build: (chart: Chart) => unknown;
  /** The rule and the path the rejection names (among possibly others). */
  readonly rule: string;
  readonly path: string;
  readonly context?: Record<string, unknown>;
  /** Warnings fail too (`PODKIT_STRICT=1`): for the rules that are warnings. */
  readonly strict?: boolean;
}

interface Valid {
  readonly name: string;
  readonly build: (chart: Chart) => unknown;
  readonly context?: Record<string, unknown>;
}

/** One invalid case per kind in `kinds`, each built by `spec(kind)` with the expected rule at `path(kind)`. */
function onKinds(kinds: readonly Kind[], name: string, spec: (kind: Kind) => AnySpec, rule: string, path: (kind: Kind) => string, context?: Record<string, unknown>): Invalid[] {
  return kinds.map((kind) => ({ name: `${kind}: ${name}`, build: (chart: Chart) => workload(kind, chart, spec(kind)), rule, path: path(kind), ...(context ? { context } : {}) }));
}

const long = 'a'.repeat(64);

// ---- environment variables ----------------------------------------------------------------------------------
const ENV: Invalid[] = [
  ...onKinds(['Pod', 'Job'], "a name with '='", () => web({ env: [{ name: 'A=B', value: 'x' }] }), 'env/name-invalid', (k) => `${c0(k)}.env[0].name`),
  ...onKinds(['Deployment', 'CronJob'], 'an empty name', () => web({ env: [{ name: '', value: 'x' }] }), 'env/name-required', (k) => `${c0(k)}.env[0].name`),
  ...onKinds(['StatefulSet', 'Pod'], 'a name with a non-ASCII letter', () => web({ env: [{ name: 'ÄPFEL', value: 'x' }] }), 'env/name-invalid', (k) => `${c0(k)}.env[0].name`),
  ...onKinds(['Pod', 'Deployment'], 'a name starting with a digit on 1.31', () => web({ env: [{ name: '1ABC', value: 'x' }] }), 'env/name-invalid', (k) => `${c0(k)}.env[0].name`, V131),
  ...onKinds(['Pod', 'CronJob'], 'value and valueFrom together', () => web({ env: [{ name: 'A', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }), 'env/value-and-value-from', (k) => `${c0(k)}.env[0].valueFrom`),
  ...onKinds(['Job', 'StatefulSet'], 'valueFrom: {}', () => web({ env: [{ name: 'A', valueFrom: {} }] }), 'env/value-from-source-required', (k) => `${c0(k)}.env[0].valueFrom`),
  ...onKinds(['Pod', 'Deployment'], 'valueFrom with two sources', () => web({ env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' }, resourceFieldRef: { resource: 'limits.cpu' } } }] }), 'env/value-from-multiple-sources', (k) => `${c0(k)}.env[0].valueFrom`),
  ...onKinds(['Pod', 'StatefulSet'], 'fieldRef metadata.nodeName', () => web({ env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'metadata.nodeName' } } }] }), 'env/field-path-invalid', (k) => `${c0(k)}.env[0].valueFrom.fieldRef.fieldPath`),
  ...onKinds(['Job'], 'fieldRef status.phase (a volume-only field)', () => web({ env: [{ name: 'PHASE', valueFrom: { fieldRef: { fieldPath: 'status.phase' } } }] }), 'env/field-path-unsupported', (k) => `${c0(k)}.env[0].valueFrom.fieldRef.fieldPath`),
  ...onKinds(['Deployment'], 'fieldRef with apiVersion v2', () => web({ env: [{ name: 'N', valueFrom: { fieldRef: { apiVersion: 'v2', fieldPath: 'metadata.name' } } }] }), 'env/field-path-invalid', (k) => `${c0(k)}.env[0].valueFrom.fieldRef.fieldPath`),
  ...onKinds(['Pod'], 'fieldRef with an empty fieldPath', () => web({ env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: '' } } }] }), 'env/field-path-required', (k) => `${c0(k)}.env[0].valueFrom.fieldRef.fieldPath`),
  ...onKinds(['CronJob'], "fieldRef metadata.labels['bad key']", () => web({ env: [{ name: 'L', valueFrom: { fieldRef: { fieldPath: "metadata.labels['bad key']" } } }] }), 'env/field-path-subscript-invalid', (k) => `${c0(k)}.env[0].valueFrom.fieldRef`),
  ...onKinds(['Pod', 'Job'], 'resourceFieldRef limits.gpu', () => web({ env: [{ name: 'G', valueFrom: { resourceFieldRef: { resource: 'limits.gpu' } } }] }), 'env/resource-unsupported', (k) => `${c0(k)}.env[0].valueFrom.resourceFieldRef.resource`),
  ...onKinds(['Deployment'], 'resourceFieldRef limits.cpu with divisor 1Gi', () => web({ env: [{ name: 'C', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1Gi' } } }] }), 'env/divisor-unsupported', (k) => `${c0(k)}.env[0].valueFrom.resourceFieldRef.divisor`),
  ...onKinds(['Pod', 'StatefulSet'], 'an envFrom entry with configMapRef and secretRef', () => web({ envFrom: [{ configMapRef: { name: 'cfg', optional: true }, secretRef: { name: 'sec', optional: true } }] }), 'env/env-from-multiple-sources', (k) => `${c0(k)}.envFrom`),
  ...onKinds(['Job'], 'an envFrom entry with no source', () => web({ envFrom: [{ prefix: 'P_' }] }), 'env/env-from-source-required', (k) => `${c0(k)}.envFrom`),
  ...onKinds(['Pod', 'CronJob'], "an envFrom prefix with '='", () => web({ envFrom: [{ prefix: 'P=', configMapRef: { name: 'cfg', optional: true } }] }), 'env/prefix-invalid', (k) => `${c0(k)}.envFrom[0].prefix`),
  ...onKinds(['Deployment'], 'an envFrom prefix starting with a digit on 1.31', () => web({ envFrom: [{ prefix: '1_', configMapRef: { name: 'cfg', optional: true } }] }), 'env/prefix-invalid', (k) => `${c0(k)}.envFrom[0].prefix`, V131),
  ...onKinds(['Pod', 'Deployment'], 'configMapKeyRef with an empty key', () => web({ env: [{ name: 'K', valueFrom: { configMapKeyRef: { name: 'cfg', key: '', optional: true } } }] }), 'config-map/ref-key-required', (k) => `${c0(k)}.env[0].valueFrom.configMapKeyRef.key`),
  ...onKinds(['Job'], 'configMapKeyRef with a key that is not a ConfigMap key', () => web({ env: [{ name: 'K', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'a b', optional: true } } }] }), 'config-map/ref-key-invalid', (k) => `${c0(k)}.env[0].valueFrom.configMapKeyRef.key`),
  ...onKinds(['StatefulSet'], 'secretKeyRef with an empty name', () => web({ env: [{ name: 'K', valueFrom: { secretKeyRef: { name: '', key: 'k', optional: true } } }] }), 'env/ref-name-invalid', (k) => `${c0(k)}.env[0].valueFrom.secretKeyRef.name`),
  ...onKinds(['CronJob'], 'secretKeyRef with a key that is not a Secret key', () => web({ env: [{ name: 'K', valueFrom: { secretKeyRef: { name: 'sec', key: '..', optional: true } } }] }), 'env/secret-key-ref-key-invalid', (k) => `${c0(k)}.env[0].valueFrom.secretKeyRef.key`),
  ...onKinds(['Pod'], 'an envFrom configMapRef with an empty name', () => web({ envFrom: [{ configMapRef: { name: '', optional: true } }] }), 'config-map/ref-name-required', (k) => `${c0(k)}.envFrom[0].configMapRef.name`),
  ...onKinds(['Deployment'], 'an env var on an init container with an invalid name', () => ({ ...web(), initContainers: [{ name: 'init', image: 'busybox', env: [{ name: 'X=1', value: 'v' }] }] }), 'env/name-invalid', (k) => `${BASE[k]}.initContainers[0].env[0].name`),
  {
    name: 'Pod: envFrom a ConfigMap whose key is not a variable name on 1.31 (strict)',
    context: V131,
    strict: true,
    build: (chart) => {
      const cm = new ConfigMap(chart, 'cfg', { metadata: { name: 'cfg' }, data: { '1abc': 'v', ok: 'v' } });
      return new Pod(chart, 'w', { strict: true, metadata: { name: 'w' }, spec: { containers: [{ ...app, envFrom: [envFromConfigMap(cm)] }] } });
    },
    rule: 'config-map/env-from-invalid-key',
    path: 'spec.containers[0].envFrom[0].configMapRef',
  },
];

// ---- labels, annotations, selectors -------------------------------------------------------------------------
const labelsOn = (kind: Kind, where: 'object' | 'pod', meta: { labels?: Record<string, string>; annotations?: Record<string, string> }) => (chart: Chart) =>
  workload(kind, chart, web(), where === 'object' ? { meta } : { podMeta: meta });
const META: Invalid[] = [
  ...(['Pod', 'Deployment', 'StatefulSet', 'Job', 'CronJob'] as const).flatMap((kind): Invalid[] => [
    { name: `${kind}: a label key with a space`, build: labelsOn(kind, 'object', { labels: { 'app name': 'web' } }), rule: 'metadata/label-key-invalid', path: 'metadata.labels' },
    { name: `${kind}: a label value of 64 characters`, build: labelsOn(kind, 'object', { labels: { tier: long } }), rule: 'metadata/label-value-invalid', path: 'metadata.labels' },
    { name: `${kind}: an annotation key with '!'`, build: labelsOn(kind, 'object', { annotations: { 'bad!': 'x' } }), rule: 'metadata/annotation-key-invalid', path: 'metadata.annotations' },
  ]),
  ...(['Deployment', 'StatefulSet', 'Job', 'CronJob'] as const).flatMap((kind): Invalid[] => [
    { name: `${kind}: a pod template label value with a space`, build: labelsOn(kind, 'pod', { labels: { tier: 'front end' } }), rule: 'metadata/label-value-invalid', path: `${POD_META[kind]}.labels` },
    { name: `${kind}: a pod template label key with an upper-case prefix`, build: labelsOn(kind, 'pod', { labels: { 'Example.com/tier': 'web' } }), rule: 'metadata/label-key-invalid', path: `${POD_META[kind]}.labels` },
    { name: `${kind}: a pod template annotation key with two slashes`, build: labelsOn(kind, 'pod', { annotations: { 'a/b/c': 'x' } }), rule: 'metadata/annotation-key-invalid', path: `${POD_META[kind]}.annotations` },
  ]),
  { name: 'Pod: annotations over 256 KiB', build: labelsOn('Pod', 'object', { annotations: { big: 'x'.repeat(256 * 1024) } }), rule: 'metadata/annotations-too-long', path: 'metadata.annotations' },
  { name: 'Deployment: pod template annotations over 256 KiB', build: labelsOn('Deployment', 'pod', { annotations: { big: 'x'.repeat(256 * 1024) } }), rule: 'metadata/annotations-too-long', path: 'spec.template.metadata.annotations' },
  { name: 'Pod: an empty label key', build: labelsOn('Pod', 'object', { labels: { '': 'x' } }), rule: 'metadata/label-key-invalid', path: 'metadata.labels' },
  {
    name: "Deployment: a selector operator 'in'",
    build: (chart) => new Deployment(chart, 'w', { spec: { selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'in', values: ['a'] }] }, template: { metadata: { labels: { app: 'web' } }, spec: web() } } }),
    rule: 'metadata/selector-operator-invalid',
    path: 'spec.selector.matchExpressions[0].operator',
  },
  {
    name: 'StatefulSet: a selector In with no values',
    build: (chart) => new StatefulSet(chart, 'w', { spec: { selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] }, template: { metadata: { labels: { app: 'web' } }, spec: web() } } }),
    rule: 'metadata/selector-values-required',
    path: 'spec.selector.matchExpressions[0].values',
  },
  {
    name: 'Job: a manual selector Exists with values',
    build: (chart) =>
      new Job(chart, 'w', { spec: { manualSelector: true, selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'app', operator: 'Exists', values: ['web'] }] }, template: { metadata: { labels: { app: 'web' } }, spec: { ...web(), restartPolicy: 'Never' } } } }),
    rule: 'metadata/selector-values-forbidden',
    path: 'spec.selector.matchExpressions[0].values',
  },
  {
    name: 'Deployment: a selector matchLabels value with a slash',
    build: (chart) => new Deployment(chart, 'w', { spec: { selector: { matchLabels: { app: 'web/1' } }, template: { metadata: { labels: { app: 'web/1' } }, spec: web() } } }),
    rule: 'metadata/label-value-invalid',
    path: 'spec.selector.matchLabels',
  },
  {
    name: 'CronJob: a job template label key with a space',
    build: (chart) => new CronJob(chart, 'w', { spec: { schedule: '@daily', jobTemplate: { metadata: { labels: { 'a b': 'x' } }, spec: { template: { spec: { ...web(), restartPolicy: 'Never' } } } } } }),
    rule: 'metadata/label-key-invalid',
    path: 'spec.jobTemplate.metadata.labels',
  },
  {
    name: 'Pod: a nodeSelector value with a space',
    build: (chart) => new Pod(chart, 'w', { spec: { ...web(), nodeSelector: { disktype: 'fast ssd' } } }),
    rule: 'scheduling/label-value-invalid',
    path: 'spec.nodeSelector',
  },
];

// ---- enumerations of Pod and Container (values that reach the manifest as plain strings) ----------------------
const ENUMS: Invalid[] = [
  ...onKinds(['Pod', 'Deployment'], "imagePullPolicy 'Alwyas' from a config file", () => web({ imagePullPolicy: fromFile('"Alwyas"') }), 'enums/image-pull-policy', (k) => `${c0(k)}.imagePullPolicy`),
  ...onKinds(['Job'], "terminationMessagePolicy 'Logs' from a config file", () => web({ terminationMessagePolicy: fromFile('"Logs"') }), 'enums/termination-message-policy', (k) => `${c0(k)}.terminationMessagePolicy`),
  ...onKinds(['Pod', 'StatefulSet'], "mountPropagation 'Shared'", () => ({ containers: [{ ...app, volumeMounts: [{ name: 'd', mountPath: '/d', mountPropagation: 'Shared' }] }], volumes: [{ name: 'd', emptyDir: {} }] }), 'enums/mount-propagation', (k) => `${c0(k)}.volumeMounts.mountPropagation`),
  ...onKinds(['Deployment'], "preemptionPolicy 'Preempt' from a config file", () => ({ ...web(), preemptionPolicy: fromFile('"Preempt"') }), 'enums/preemption-policy', (k) => `${BASE[k]}.preemptionPolicy`),
  ...onKinds(['Pod', 'CronJob'], "os.name 'Windows' from a config file", () => ({ ...web(), os: { name: fromFile('"Windows"') } }), 'enums/os-name', (k) => `${BASE[k]}.os`),
  ...onKinds(['Pod'], "fsGroupChangePolicy 'Sometimes' from a config file", () => ({ ...web(), securityContext: { fsGroupChangePolicy: fromFile('"Sometimes"') } }), 'enums/fs-group-change-policy', (k) => `${BASE[k]}.securityContext.fsGroupChangePolicy`),
  ...onKinds(['Deployment'], "supplementalGroupsPolicy 'Loose' from a config file", () => ({ ...web(), securityContext: { supplementalGroupsPolicy: fromFile('"Loose"') } }), 'enums/supplemental-groups-policy', (k) => `${BASE[k]}.securityContext.supplementalGroupsPolicy`),
  ...onKinds(['Job'], "seLinuxChangePolicy 'Mount' from a config file", () => ({ ...web(), securityContext: { seLinuxChangePolicy: fromFile('"Mount"') } }), 'enums/selinux-change-policy', (k) => `${BASE[k]}.securityContext.seLinuxChangePolicy`),
  ...onKinds(['Pod', 'StatefulSet'], "a toleration operator 'Equals'", () => ({ ...web(), tolerations: [{ key: 'k', operator: 'Equals', value: 'v' }] }), 'enums/toleration-operator', (k) => `${BASE[k]}.tolerations[0].operator`),
  ...onKinds(['Deployment'], "a toleration effect 'NoExec'", () => ({ ...web(), tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExec' }] }), 'enums/toleration-effect', (k) => `${BASE[k]}.tolerations[0].effect`),
  ...onKinds(['Job'], 'a toleration with no key and operator Equal', () => ({ ...web(), tolerations: [{ operator: 'Equal', value: 'v' }] }), 'enums/toleration-operator-without-key', (k) => `${BASE[k]}.tolerations[0].operator`),
  ...onKinds(['CronJob'], 'tolerationSeconds with effect NoSchedule', () => ({ ...web(), tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 60 }] }), 'enums/toleration-seconds-effect', (k) => `${BASE[k]}.tolerations[0].effect`),
  ...onKinds(['Pod'], 'a toleration Exists with a value', () => ({ ...web(), tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] }), 'enums/toleration-exists-with-value', (k) => `${BASE[k]}.tolerations[0].operator`),
  ...onKinds(['Pod', 'Deployment'], "a port protocol 'tcp'", () => web({ ports: [{ containerPort: 80, protocol: 'tcp' }] }), 'ports/protocol-unsupported', (k) => `${c0(k)}.ports[0].protocol`),
  ...onKinds(['StatefulSet'], "an httpGet scheme 'http'", () => web({ readinessProbe: { httpGet: { path: '/', port: 80, scheme: 'http' } } }), 'probes/http-scheme-unsupported', (k) => `${c0(k)}.readinessProbe.httpGet.scheme`),
  ...onKinds(['Pod'], "restartPolicy 'always' from a config file", () => ({ ...web(), restartPolicy: fromFile('"always"') }), 'pod/restart-policy-unsupported', (k) => `${BASE[k]}.restartPolicy`),
  ...onKinds(['Deployment'], "dnsPolicy 'Host' from a config file", () => ({ ...web(), dnsPolicy: fromFile('"Host"') }), 'pod/dns-policy-unsupported', (k) => `${BASE[k]}.dnsPolicy`),
  ...onKinds(['Pod', 'Job'], "a resizePolicy restartPolicy 'Always'", () => web({ resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'Always' }] }), 'pod/resize-policy-restart-unsupported', (k) => `${c0(k)}.resizePolicy`),
  ...onKinds(['Deployment'], "a resizePolicy resourceName 'gpu'", () => web({ resizePolicy: [{ resourceName: 'gpu', restartPolicy: 'NotRequired' }] }), 'pod/resize-policy-resource-unsupported', (k) => `${c0(k)}.resizePolicy`),
  ...onKinds(['Pod'], "a hostPath type 'Dir'", () => ({ ...web(), volumes: [{ name: 'h', hostPath: { path: '/data', type: 'Dir' } }] }), 'enums/host-path-type', (k) => `${BASE[k]}.volumes[0].hostPath.type`),
  ...onKinds(['Pod'], "a seccompProfile type 'runtime/default' from a config file", () => ({ ...web(), securityContext: { seccompProfile: { type: fromFile('"runtime/default"') } } }), 'security-context/seccomp-type-unsupported', (k) => `${BASE[k]}.securityContext.seccompProfile.type`),
  ...onKinds(['CronJob'], "a procMount 'Masked' from a config file", () => web({ securityContext: { procMount: fromFile('"Masked"') } }), 'security-context/proc-mount-unsupported', (k) => `${c0(k)}.securityContext.procMount`),
];

// ---- pod fields ---------------------------------------------------------------------------------------------
const sizeFromFile: string = fromFile('"-500Mi"');
const POD_FIELDS: Invalid[] = [
  ...onKinds(['Pod', 'Deployment', 'Job'], 'activeDeadlineSeconds: 0', () => ({ ...web(), activeDeadlineSeconds: 0 }), 'pod/active-deadline-seconds-range', (k) => `${BASE[k]}.activeDeadlineSeconds`),
  ...onKinds(['CronJob'], 'activeDeadlineSeconds: -5', () => ({ ...web(), activeDeadlineSeconds: -5 }), 'pod/active-deadline-seconds-range', (k) => `${BASE[k]}.activeDeadlineSeconds`),
  ...onKinds(['Pod'], 'activeDeadlineSeconds: 2^31', () => ({ ...web(), activeDeadlineSeconds: 2 ** 31 }), 'pod/active-deadline-seconds-range', (k) => `${BASE[k]}.activeDeadlineSeconds`),
  ...onKinds(['Pod', 'StatefulSet'], "hostname 'My_Host'", () => ({ ...web(), hostname: 'My_Host' }), 'pod/hostname-invalid', (k) => `${BASE[k]}.hostname`),
  ...onKinds(['Deployment'], "subdomain 'my.sub'", () => ({ ...web(), subdomain: 'my.sub' }), 'pod/subdomain-invalid', (k) => `${BASE[k]}.subdomain`),
  ...onKinds(['Pod', 'Job', 'CronJob'], "serviceAccountName 'Web App SA'", () => ({ ...web(), serviceAccountName: 'Web App SA' }), 'pod/service-account-name-invalid', (k) => `${BASE[k]}.serviceAccountName`),
  ...onKinds(['Deployment'], "priorityClassName 'High Priority'", () => ({ ...web(), priorityClassName: 'High Priority' }), 'pod/priority-class-name-invalid', (k) => `${BASE[k]}.priorityClassName`),
  ...onKinds(['Pod'], 'an empty runtimeClassName', () => ({ ...web(), runtimeClassName: '' }), 'pod/runtime-class-name-invalid', (k) => `${BASE[k]}.runtimeClassName`),
  ...onKinds(['Pod'], "nodeName 'Node_1'", () => ({ ...web(), nodeName: 'Node_1' }), 'scheduling/node-name-invalid', (k) => `${BASE[k]}.nodeName`),
  ...onKinds(['Pod', 'Deployment'], "a hostAliases ip 'localhost'", () => ({ ...web(), hostAliases: [{ ip: 'localhost', hostnames: ['a'] }] }), 'pod/host-alias-ip-invalid', (k) => `${BASE[k]}.hostAliases[0].ip`),
  ...onKinds(['Pod'], 'a hostAliases hostname with a space', () => ({ ...web(), hostAliases: [{ ip: '10.0.0.1', hostnames: ['my host'] }] }), 'pod/host-alias-hostname-invalid', (k) => `${BASE[k]}.hostAliases[0].hostnames[0]`),
  ...onKinds(['Pod', 'StatefulSet'], 'a readinessGates conditionType with a space', () => ({ ...web(), readinessGates: [{ conditionType: 'my gate' }] }), 'pod/readiness-gate-invalid', (k) => `${BASE[k]}.readinessGates[0].conditionType`),
  ...onKinds(['Deployment'], 'a schedulingGates name with a space', () => ({ ...web(), schedulingGates: [{ name: 'wait for it' }] }), 'pod/scheduling-gate-invalid', (k) => `${BASE[k]}.schedulingGates[0]`),
  ...onKinds(['Pod'], 'two schedulingGates of one name', () => ({ ...web(), schedulingGates: [{ name: 'example.com/a' }, { name: 'example.com/a' }] }), 'pod/scheduling-gate-duplicate', (k) => `${BASE[k]}.schedulingGates[1]`),
  ...onKinds(['Pod', 'Deployment'], 'emptyDir sizeLimit -500Mi', () => ({ ...web(), volumes: [{ name: 'scratch', emptyDir: { sizeLimit: '-500Mi' } }] }), 'pod/empty-dir-size-limit-negative', (k) => `${BASE[k]}.volumes[0].emptyDir.sizeLimit`),
  {
    name: 'StatefulSet: emptyDirVolume helper with sizeLimit -1Gi',
    build: (chart) => workload('StatefulSet', chart, { containers: [{ ...app, volumeMounts: [volumeMount({ name: 'scratch' }, '/scratch')] }], volumes: [emptyDirVolume('scratch', { sizeLimit: '-1Gi' })] }),
    rule: 'pod/empty-dir-size-limit-negative',
    path: 'spec.template.spec.volumes[0].emptyDir.sizeLimit',
  },
  {
    name: 'CronJob: emptyDirVolume helper with a sizeLimit read from a config file (-500Mi)',
    build: (chart) => workload('CronJob', chart, { containers: [{ ...app, volumeMounts: [volumeMount({ name: 'scratch' }, '/scratch')] }], volumes: [emptyDirVolume('scratch', { sizeLimit: sizeFromFile })] }),
    rule: 'pod/empty-dir-size-limit-negative',
    path: 'spec.jobTemplate.spec.template.spec.volumes[0].emptyDir.sizeLimit',
  },
  ...onKinds(['Pod', 'Deployment'], 'ephemeralContainers read from a config file', () => ({ ...web(), ...fromFile('{"ephemeralContainers":[{"name":"debug","image":"busybox"}]}') }), 'pod/ephemeral-containers-forbidden', (k) => `${BASE[k]}.ephemeralContainers`),
  ...onKinds(['Pod'], 'an image with a trailing space read from a config file', () => ({ containers: [{ ...app, image: fromFile('"nginx:1.27 "') }] }), 'pod/image-whitespace', (k) => `${c0(k)}.image`),
  ...onKinds(['Deployment', 'Job'], "a template's image with a trailing space read from a config file (strict)", () => ({ containers: [{ ...app, image: fromFile('"nginx:1.27 "') }] }), 'pod/template-image-whitespace', (k) => `${c0(k)}.image`).map((c) => ({ ...c, strict: true })),
  ...onKinds(['StatefulSet', 'Pod'], 'a recursiveReadOnly mount that is not readOnly', () => ({ containers: [{ ...app, volumeMounts: [{ name: 'd', mountPath: '/d', recursiveReadOnly: 'Enabled' }] }], volumes: [{ name: 'd', emptyDir: {} }] }), 'enums/recursive-read-only-needs-read-only', (k) => `${c0(k)}.volumeMounts.recursiveReadOnly`),
  ...onKinds(['Job'], "a mountPropagation Bidirectional on an unprivileged container", () => ({ containers: [{ ...app, volumeMounts: [{ name: 'd', mountPath: '/d', mountPropagation: 'Bidirectional' }] }], volumes: [{ name: 'd', hostPath: { path: '/mnt' } }] }), 'enums/mount-propagation-bidirectional-unprivileged', (k) => `${c0(k)}.volumeMounts.mountPropagation`),
  ...onKinds(['Pod', 'Deployment'], 'dnsPolicy None without dnsConfig nameservers', () => ({ ...web(), dnsPolicy: 'None' as const, dnsConfig: { searches: ['svc.local'] } }), 'pod/dns-config-nameservers-required', (k) => `${BASE[k]}.dnsConfig.nameservers`),
  ...onKinds(['Pod'], "a dnsConfig nameserver 'dns1'", () => ({ ...web(), dnsConfig: { nameservers: ['dns1'] } }), 'pod/dns-config-nameserver-invalid', (k) => `${BASE[k]}.dnsConfig.nameservers[0]`),
  ...onKinds(['Pod', 'CronJob'], 'terminationGracePeriodSeconds -1 (strict)', () => ({ ...web(), terminationGracePeriodSeconds: -1 }), 'pod/termination-grace-period-negative', (k) => `${BASE[k]}.terminationGracePeriodSeconds`).map((c) => ({ ...c, strict: true })),
];

// ---- podAffinity / podAntiAffinity, topologySpreadConstraints --------------------------------------------------
const term = (extra: object = {}) => ({ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname', ...extra });
const AFFINITY: Invalid[] = [
  ...onKinds(['Pod', 'Deployment'], 'a podAffinity weight of 0', () => ({ ...web(), affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: term() }] } } }), 'pod/pod-affinity-weight-range', (k) => `${BASE[k]}.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight`),
  ...onKinds(['StatefulSet'], 'a podAntiAffinity weight of 101', () => ({ ...web(), affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 101, podAffinityTerm: term() }] } } }), 'pod/pod-affinity-weight-range', (k) => `${BASE[k]}.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight`),
  ...onKinds(['Deployment', 'Job'], 'a podAntiAffinity term with an empty topologyKey', () => ({ ...web(), affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ topologyKey: '' })] } } }), 'pod/pod-affinity-topology-key-required', (k) => `${BASE[k]}.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey`),
  ...onKinds(['Pod'], "a podAffinity topologyKey 'zone name'", () => ({ ...web(), affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ topologyKey: 'zone name' })] } } }), 'pod/pod-affinity-topology-key-invalid', (k) => `${BASE[k]}.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey`),
  ...onKinds(['CronJob'], "a podAffinity selector operator 'in'", () => ({ ...web(), affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ labelSelector: { matchExpressions: [{ key: 'app', operator: 'in', values: ['web'] }] } })] } } }), 'metadata/selector-operator-invalid', (k) => `${BASE[k]}.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator`),
  ...onKinds(['Pod'], "a podAntiAffinity namespace 'Team_A'", () => ({ ...web(), affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ namespaces: ['Team_A'] })] } } }), 'pod/pod-affinity-namespace-invalid', (k) => `${BASE[k]}.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].namespace`),
  ...onKinds(['Deployment'], 'a podAffinity matchLabelKeys key with a space', () => ({ ...web(), affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ matchLabelKeys: ['pod template hash'] })] } } }), 'pod/pod-affinity-label-key-invalid', (k) => `${BASE[k]}.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[0]`),
  ...onKinds(['StatefulSet'], 'a podAffinity selector value with a space', () => ({ ...web(), affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ labelSelector: { matchLabels: { app: 'web app' } } })] } } }), 'metadata/label-value-invalid', (k) => `${BASE[k]}.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels`),
];
const spread = (extra: object = {}) => ({ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra });
const SPREAD: Invalid[] = [
  ...onKinds(['Pod', 'Deployment'], 'maxSkew 0', () => ({ ...web(), topologySpreadConstraints: [spread({ maxSkew: 0 })] }), 'pod/topology-spread-max-skew', (k) => `${BASE[k]}.topologySpreadConstraints[0].maxSkew`),
  ...onKinds(['StatefulSet'], 'an empty topologyKey', () => ({ ...web(), topologySpreadConstraints: [spread({ topologyKey: '' })] }), 'pod/topology-spread-topology-key-required', (k) => `${BASE[k]}.topologySpreadConstraints[0].topologyKey`),
  ...onKinds(['Deployment', 'Job'], "whenUnsatisfiable 'DoNotScheduled'", () => ({ ...web(), topologySpreadConstraints: [spread({ whenUnsatisfiable: 'DoNotScheduled' })] }), 'pod/topology-spread-when-unsatisfiable-unsupported', (k) => `${BASE[k]}.topologySpreadConstraints[0].whenUnsatisfiable`),
  ...onKinds(['Pod'], 'two constraints on one key and whenUnsatisfiable', () => ({ ...web(), topologySpreadConstraints: [spread(), spread({ maxSkew: 2 })] }), 'pod/topology-spread-duplicate', (k) => `${BASE[k]}.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}`),
  ...onKinds(['CronJob'], 'minDomains 0', () => ({ ...web(), topologySpreadConstraints: [spread({ minDomains: 0 })] }), 'pod/topology-spread-min-domains', (k) => `${BASE[k]}.topologySpreadConstraints[0].minDomains`),
  ...onKinds(['Deployment'], 'minDomains with ScheduleAnyway', () => ({ ...web(), topologySpreadConstraints: [spread({ minDomains: 2, whenUnsatisfiable: 'ScheduleAnyway' })] }), 'pod/topology-spread-min-domains-requires-do-not-schedule', (k) => `${BASE[k]}.topologySpreadConstraints[0].minDomains`),
  ...onKinds(['Pod'], "nodeAffinityPolicy 'honor'", () => ({ ...web(), topologySpreadConstraints: [spread({ nodeAffinityPolicy: 'honor' })] }), 'pod/topology-spread-inclusion-policy-unsupported', (k) => `${BASE[k]}.topologySpreadConstraints[0].nodeAffinityPolicy`),
  ...onKinds(['StatefulSet'], "a labelSelector key 'app name'", () => ({ ...web(), topologySpreadConstraints: [spread({ labelSelector: { matchLabels: { 'app name': 'web' } } })] }), 'metadata/label-key-invalid', (k) => `${BASE[k]}.topologySpreadConstraints[0].labelSelector.matchLabels`),
  ...onKinds(['Deployment'], 'matchLabelKeys without a labelSelector', () => ({ ...web(), topologySpreadConstraints: [spread({ labelSelector: undefined, matchLabelKeys: ['pod-template-hash'] })] }), 'pod/topology-spread-match-label-keys-without-selector', (k) => `${BASE[k]}.topologySpreadConstraints[0].matchLabelKeys`),
  ...onKinds(['Pod'], 'a matchLabelKeys key also in the labelSelector', () => ({ ...web(), topologySpreadConstraints: [spread({ matchLabelKeys: ['app'] })] }), 'pod/topology-spread-match-label-key-in-selector', (k) => `${BASE[k]}.topologySpreadConstraints[0].matchLabelKeys[0]`),
];

// ---- int32 ranges and numbers that are not integers ----------------------------------------------------------
const NUMBERS: Invalid[] = [
  ...onKinds(['Pod', 'Deployment'], 'failureThreshold 9007199254740993', () => web({ livenessProbe: Probe.httpGet({ path: '/', port: 80 }, { failureThreshold: 9007199254740993 }) }), 'fields/integer-range', (k) => `${c0(k)}.livenessProbe.failureThreshold`),
  ...onKinds(['Job'], 'periodSeconds 2.5', () => web({ readinessProbe: Probe.tcpSocket({ port: 80 }, { periodSeconds: 2.5 }) }), 'fields/integer-range', (k) => `${c0(k)}.readinessProbe.periodSeconds`),
  ...onKinds(['StatefulSet'], 'timeoutSeconds -1', () => web({ readinessProbe: Probe.tcpSocket({ port: 80 }, { timeoutSeconds: -1 }) }), 'probes/negative-field', (k) => `${c0(k)}.readinessProbe.timeoutSeconds`),
  ...onKinds(['Pod', 'CronJob'], 'containerPort 70000', () => web({ ports: [{ containerPort: 70000 }] }), 'ports/container-port-range', (k) => `${c0(k)}.ports[0].containerPort`),
  ...onKinds(['Deployment'], 'hostPort 70000', () => web({ ports: [{ containerPort: 80, hostPort: 70000 }] }), 'ports/host-port-range', (k) => `${c0(k)}.ports[0].hostPort`),
  ...onKinds(['Pod'], 'a grpc probe port 0', () => web({ livenessProbe: Probe.grpc({ port: 0 }) }), 'probes/port-invalid', (k) => `${c0(k)}.livenessProbe.grpc.port`),
  ...onKinds(['Pod', 'Job'], 'runAsUser 2^31', () => ({ ...web(), securityContext: { runAsUser: 2 ** 31 } }), 'security-context/id-out-of-range', (k) => `${BASE[k]}.securityContext.runAsUser`),
  ...onKinds(['Pod'], 'terminationGracePeriodSeconds 1.5', () => ({ ...web(), terminationGracePeriodSeconds: 1.5 }), 'fields/integer-range', (k) => `${BASE[k]}.terminationGracePeriodSeconds`),
  ...onKinds(['Deployment'], 'a configMap volume defaultMode 0o1000', () => ({ ...web(), volumes: [{ name: 'c', configMap: { name: 'cfg', optional: true, defaultMode: 0o1000 } }] }), 'volumes/mode-invalid', (k) => `${BASE[k]}.volumes[0].configMap.defaultMode`),
  ...onKinds(['Pod'], 'a token projection expiring after 5 minutes', () => ({ ...web(), volumes: [{ name: 't', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 300 } }] } }] }), 'volumes/token-expiration-too-short', (k) => `${BASE[k]}.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds`),
  ...onKinds(['Pod'], 'a liveness probe terminationGracePeriodSeconds 0', () => web({ livenessProbe: Probe.exec(['true'], { terminationGracePeriodSeconds: 0 }) }), 'probes/termination-grace-period-positive', (k) => `${c0(k)}.livenessProbe.terminationGracePeriodSeconds`),
  { name: 'Deployment: replicas 2^31', build: (chart) => new Deployment(chart, 'w', { spec: { replicas: 2 ** 31, template: { metadata: { labels: { app: 'web' } }, spec: web() } } }), rule: 'fields/integer-range', path: 'spec.replicas' },
  { name: 'Job: parallelism 1.5', build: (chart) => new Job(chart, 'w', { spec: { parallelism: 1.5, template: { spec: { ...web(), restartPolicy: 'Never' } } } }), rule: 'fields/integer-range', path: 'spec.parallelism' },
];

// ---- widened TypeScript values that carry an invalid value -----------------------------------------------------
const port: number = 0;
const containerName: string = 'Web_App';
const emptyZones: string[] = [];
const requests = { memory: '256Mi' };
const limits = { memory: '128Mi' };
const wideQuantity: string = '1K';
const WIDENED: Invalid[] = [
  ...onKinds(['Pod', 'Deployment'], 'a widened containerPort 0', () => web({ ports: [{ containerPort: port }] }), 'ports/container-port-required', (k) => `${c0(k)}.ports[0].containerPort`),
  ...onKinds(['Job'], "a widened container name 'Web_App'", () => ({ containers: [{ ...app, name: containerName }] }), 'objects/container-name-invalid', (k) => `${c0(k)}.name`),
  ...onKinds(['StatefulSet'], 'a widened empty values list with In', () => ({ ...web(), affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: emptyZones }] }] } } } }), 'scheduling/values-required', (k) => `${BASE[k]}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values`),
  ...onKinds(['Pod', 'CronJob'], 'widened requests above widened limits', () => web({ resources: { requests, limits } }), 'resources/request-exceeds-limit', (k) => `${c0(k)}.resources.requests`),
  ...onKinds(['Deployment'], "a widened quantity '1K'", () => web({ resources: { limits: { memory: wideQuantity } } }), 'resources/invalid-quantity', (k) => `${c0(k)}.resources.limits[memory]`),
];

// ---- unknown fields and undecodable values through escape hatches ----------------------------------------------
const HATCHES: Invalid[] = [
  {
    name: 'Pod: addJsonPatch of a misspelt container field',
    build: (chart) => workload('Pod', chart, web()).addJsonPatch(JsonPatch.add('/spec/containers/0/imagePullPolisy', 'Always')),
    rule: 'fields/unknown',
    path: 'spec.containers[0].imagePullPolisy',
  },
  {
    name: 'Deployment: addJsonPatch of a misspelt pod field',
    build: (chart) => workload('Deployment', chart, web()).addJsonPatch(JsonPatch.add('/spec/template/spec/nodeSelectr', { disk: 'ssd' })),
    rule: 'fields/unknown',
    path: 'spec.template.spec.nodeSelectr',
  },
  {
    name: 'CronJob: addJsonPatch of a misspelt resources field',
    build: (chart) => workload('CronJob', chart, web()).addJsonPatch(JsonPatch.add('/spec/jobTemplate/spec/template/spec/containers/0/resource', { limits: { cpu: '1' } })),
    rule: 'fields/unknown',
    path: 'spec.jobTemplate.spec.template.spec.containers[0].resource',
  },
  {
    name: 'StatefulSet: addJsonPatch of replicas as a string',
    build: (chart) => workload('StatefulSet', chart, web()).addJsonPatch(JsonPatch.add('/spec/replicas', '3')),
    rule: 'fields/type-mismatch',
    path: 'spec.replicas',
  },
  {
    name: 'Job: addJsonPatch of hostNetwork as a string',
    build: (chart) => workload('Job', chart, web()).addJsonPatch(JsonPatch.add('/spec/template/spec/hostNetwork', 'true')),
    rule: 'fields/type-mismatch',
    path: 'spec.template.spec.hostNetwork',
  },
  {
    name: 'Pod: a container read from a JSON file with a misspelt field',
    build: (chart) => workload('Pod', chart, { containers: [fromFile('{"name":"app","image":"nginx","livenesProbe":{"exec":{"command":["true"]}}}')] }),
    rule: 'fields/unknown',
    path: 'spec.containers[0].livenesProbe',
  },
  {
    name: 'Deployment: a misspelt metadata field through `as any`',
    build: (chart) => new Deployment(chart, 'w', { metadata: { name: 'w', lables: { app: 'web' } } as any, spec: { template: { metadata: { labels: { app: 'web' } }, spec: web() } } }),
    rule: 'fields/unknown',
    path: 'metadata.lables',
  },
  {
    name: 'Pod: a misspelt probe field through a wire object cast',
    build: (chart) => workload('Pod', chart, web({ readinessProbe: { httpGet: { path: '/', port: 80 }, periodSecond: 5 } as any })),
    rule: 'fields/unknown',
    path: 'spec.containers[0].readinessProbe.periodSecond',
  },
  {
    name: 'Pod: supplementalGroupsPolicy on a 1.30 target',
    context: V130,
    build: (chart) => workload('Pod', chart, { ...web(), securityContext: { supplementalGroupsPolicy: 'Strict' } }),
    rule: 'fields/newer-than-target',
    path: 'spec.securityContext.supplementalGroupsPolicy',
  },
  {
    name: 'Deployment: addJsonPatch of an invalid env name',
    build: (chart) => workload('Deployment', chart, web()).addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/env', [{ name: 'A=B', value: 'x' }])),
    rule: 'env/name-invalid',
    path: 'spec.template.spec.containers[0].env[0].name',
  },
  {
    name: 'Job: addJsonPatch of an invalid pod template label',
    build: (chart) => workload('Job', chart, web()).addJsonPatch(JsonPatch.add('/spec/template/metadata/labels/tier', 'front end')),
    rule: 'metadata/label-value-invalid',
    path: 'spec.template.metadata.labels',
  },
  {
    name: 'Pod: addJsonPatch of a podAntiAffinity weight 0',
    build: (chart) =>
      workload('Pod', chart, web()).addJsonPatch(JsonPatch.add('/spec/affinity', { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: term() }] } })),
    rule: 'pod/pod-affinity-weight-range',
    path: 'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight',
  },
];

// ---- guarantees combined, with the same families -------------------------------------------------------------
const health = Probe.httpGet({ path: '/healthz', port: 8080 });
const guarded = { name: 'web', image: 'nginxinc/nginx-unprivileged:1.27', ports: [{ containerPort: 8080 }], resources: { cpu: '500m', memory: '256Mi' }, livenessProbe: health, readinessProbe: health };
const { resources: _oneValue, ...unguaranteed } = guarded;
const COMBINED: Invalid[] = [
  {
    name: 'Deployment Guaranteed+restricted+probed: a pod template label value with a space',
    build: (chart) => new Deployment(chart, 'w', { guarantees: { qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, spec: { template: { metadata: { labels: { app: 'web', tier: 'front end' } }, spec: { containers: [guarded] } } } }),
    rule: 'metadata/label-value-invalid',
    path: 'spec.template.metadata.labels',
  },
  {
    name: 'StatefulSet restricted+probed: an env var with valueFrom: {}',
    build: (chart) => new StatefulSet(chart, 'w', { guarantees: { podSecurity: 'restricted', probed: true }, spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ ...unguaranteed, env: [{ name: 'X', valueFrom: {} }] }] } } } }),
    rule: 'env/value-from-source-required',
    path: 'spec.template.spec.containers[0].env[0].valueFrom',
  },
  {
    name: 'Job Guaranteed+baseline: a topology spread maxSkew 0',
    build: (chart) => new Job(chart, 'w', { guarantees: { qos: 'Guaranteed', podSecurity: 'baseline' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [guarded], topologySpreadConstraints: [spread({ maxSkew: 0 })] } } } }),
    rule: 'pod/topology-spread-max-skew',
    path: 'spec.template.spec.topologySpreadConstraints[0].maxSkew',
  },
  {
    name: 'CronJob probed+restricted: imagePullPolicy from a config file',
    build: (chart) =>
      new CronJob(chart, 'w', { guarantees: { probed: true, podSecurity: 'restricted' }, spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ ...unguaranteed, imagePullPolicy: fromFile('"always"') }] } } } } } }),
    rule: 'enums/image-pull-policy',
    path: 'spec.jobTemplate.spec.template.spec.containers[0].imagePullPolicy',
  },
  {
    name: 'Pod BestEffort: memory from a config file',
    build: (chart) => new BestEffortPod(chart, 'w', { spec: { containers: [{ ...app, resources: { limits: fromFile('{"memory":"64Mi"}') } }] } }),
    rule: 'qos/class-mismatch',
    path: 'spec.containers',
  },
  {
    name: 'GuaranteedPod: hostname with an upper-case letter',
    build: (chart) => new GuaranteedPod(chart, 'w', { spec: { hostname: 'Web', containers: [{ ...app, resources: { cpu: '1', memory: '1Gi' } }] } }),
    rule: 'pod/hostname-invalid',
    path: 'spec.hostname',
  },
  {
    name: 'Deployment restricted: a podAntiAffinity weight of 0',
    build: (chart) =>
      new Deployment(chart, 'w', {
        guarantees: { podSecurity: 'restricted' },
        spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [unguaranteed], affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: term() }] } } } } },
      }),
    rule: 'pod/pod-affinity-weight-range',
    path: 'spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight',
  },
  {
    name: 'Deployment Guaranteed: an escape hatch adds an unknown field',
    build: (chart) => {
      const d = new Deployment(chart, 'w', { guarantees: { qos: 'Guaranteed' }, spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [guarded] } } } });
      d.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/resources/limit', { cpu: '1' }));
    },
    rule: 'fields/unknown',
    path: 'spec.template.spec.containers[0].resources.limit',
  },
];

const INVALID: readonly Invalid[] = [...ENV, ...META, ...ENUMS, ...POD_FIELDS, ...AFFINITY, ...SPREAD, ...NUMBERS, ...WIDENED, ...HATCHES, ...COMBINED];

// ---- valid programs that look unusual ------------------------------------------------------------------------
const zones: string[] = ['antarctica-east1', 'antarctica-west1'];
const n = 8;
const inZones: NodeSelectorRequirementProps = { key: 'topology.kubernetes.io/zone', operator: 'In', values: zones };
const moreCores: NodeSelectorRequirementProps = { key: 'example.com/cores', operator: 'Gt', values: [String(n)] };
const res = { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } };
const guaranteedRes = { cpu: '500m', memory: '128Mi' };
const timing = { periodSeconds: 5 };
const wideImage: string = 'nginx:1.27';
const widePort: number = 8080;
const wideArgs: string[] = ['--port', '8080'];
const narrowPolicy = 'IfNotPresent' as const;
const wideSize: string = '2Gi';
const sharedTerm = { labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: zones }] }, topologyKey: 'topology.kubernetes.io/zone' };

const VALID: Valid[] = [
  ...(['Pod', 'Deployment', 'StatefulSet', 'Job', 'CronJob'] as const).flatMap((kind): Valid[] => [
    { name: `${kind}: values: zones (string[]) with In, and [String(n)] with Gt`, build: (chart) => workload(kind, chart, { ...web(), affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [inZones, moreCores] }] } } } }) },
    { name: `${kind}: a resources object without as const`, build: (chart) => workload(kind, chart, web({ resources: res })) },
    { name: `${kind}: one timing object shared by liveness and readiness`, build: (chart) => workload(kind, chart, web({ livenessProbe: Probe.httpGet({ path: '/', port: 80 }, timing), readinessProbe: Probe.tcpSocket({ port: 80 }, timing) })) },
    { name: `${kind}: an env var name starting with a digit (1.36 relaxes names)`, build: (chart) => workload(kind, chart, web({ env: [{ name: '1ABC', value: 'x' }, { name: 'my var', value: 'y' }] })) },
    { name: `${kind}: label values empty, 63 characters, dotted; prefixed keys`, build: (chart) => workload(kind, chart, web(), { meta: { labels: { empty: '', max: 'a'.repeat(63), ver: 'v1.2_3-a', 'app.kubernetes.io/name': 'web' } } }) },
  ]),
  { name: 'GuaranteedPod: a resources object without as const', build: (chart) => new GuaranteedPod(chart, 'w', { spec: { containers: [{ ...app, resources: guaranteedRes }] } }) },
  { name: 'BestEffortPod: only an ephemeral-storage limit', build: (chart) => new BestEffortPod(chart, 'w', { spec: { containers: [{ ...app, resources: { limits: { 'ephemeral-storage': '2Gi' } } }] } }) },
  { name: 'Pod: a startup probe sharing the timing object with more failures', build: (chart) => workload('Pod', chart, web({ startupProbe: Probe.exec(['cat', '/tmp/ok'], { ...timing, failureThreshold: 30 }), livenessProbe: Probe.exec(['true'], timing) })) },
  { name: 'Pod: widened image, port, args and a narrowed pull policy', build: (chart) => workload('Pod', chart, { containers: [{ name: 'web', image: wideImage, args: wideArgs, imagePullPolicy: narrowPolicy, ports: [{ containerPort: widePort }], livenessProbe: Probe.tcpSocket({ port: widePort }) }] }) },
  { name: 'Pod: env names with dots and dashes on 1.31', context: V131, build: (chart) => workload('Pod', chart, web({ env: [{ name: 'my.env-name', value: 'x' }, { name: '_X', value: 'y' }] })) },
  { name: 'Deployment: an envFrom prefix starting with a digit on 1.36', build: (chart) => workload('Deployment', chart, web({ envFrom: [{ prefix: '1_', configMapRef: { name: 'cfg', optional: true } }] })) },
  {
    name: 'Pod: envFrom a ConfigMap whose key starts with a digit on 1.36 (strict: no warning)',
    build: (chart) => {
      const cm = new ConfigMap(chart, 'cfg', { metadata: { name: 'cfg' }, data: { '1abc': 'v' } });
      return new Pod(chart, 'w', { strict: true, metadata: { name: 'w' }, spec: { containers: [{ ...app, envFrom: [envFromConfigMap(cm)] }] } });
    },
  },
  {
    name: 'Pod: envFrom a ConfigMap with a prefix that makes its keys valid on 1.31 (strict)',
    context: V131,
    build: (chart) => {
      const cm = new ConfigMap(chart, 'cfg', { metadata: { name: 'cfg' }, data: { '1abc': 'v' } });
      return new Pod(chart, 'w', { strict: true, metadata: { name: 'w' }, spec: { containers: [{ ...app, envFrom: [envFromConfigMap(cm, { prefix: 'CFG_' })] }] } });
    },
  },
  { name: 'Pod: fieldRef to a label and an annotation with an upper-case key', build: (chart) => workload('Pod', chart, web({ env: [{ name: 'L', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app.kubernetes.io/name']" } } }, { name: 'A', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['Example.com/Owner']" } } }] })) },
  { name: 'Job: fieldRef spec.host (an alias of spec.nodeName) and status.podIPs', build: (chart) => workload('Job', chart, web({ env: [{ name: 'H', valueFrom: { fieldRef: { fieldPath: 'spec.host' } } }, { name: 'IPS', valueFrom: { fieldRef: { fieldPath: 'status.podIPs' } } }] })) },
  { name: 'Deployment: resourceFieldRef requests.hugepages-2Mi and limits.memory in Mi', build: (chart) => workload('Deployment', chart, web({ env: [{ name: 'HP', valueFrom: { resourceFieldRef: { resource: 'requests.hugepages-2Mi' } } }, { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } }] })) },
  { name: 'StatefulSet: an empty value next to valueFrom', build: (chart) => workload('StatefulSet', chart, web({ env: [{ name: 'N', value: '', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] })) },
  { name: 'Pod: a configMapKeyRef key starting with a dot', build: (chart) => workload('Pod', chart, web({ env: [{ name: 'K', valueFrom: { configMapKeyRef: { name: 'cfg', key: '.hidden', optional: true } } }] })) },
  { name: 'Pod: an upper-case annotation key (annotation keys are compared lower-cased)', build: (chart) => workload('Pod', chart, web(), { meta: { annotations: { 'Example.com/Owner': 'team' } } }) },
  { name: 'Deployment: annotations of 200 KiB', build: (chart) => workload('Deployment', chart, web(), { podMeta: { annotations: { notes: 'x'.repeat(200 * 1024) } } }) },
  { name: 'Deployment: a selector with NotIn and Exists', build: (chart) => new Deployment(chart, 'w', { spec: { selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }, { key: 'app', operator: 'Exists' }] }, template: { metadata: { labels: { app: 'web' } }, spec: web() } } }) },
  { name: 'Pod: activeDeadlineSeconds 2147483647, hostname web-0, subdomain headless', build: (chart) => workload('Pod', chart, { ...web(), activeDeadlineSeconds: 2147483647, hostname: 'web-0', subdomain: 'headless' }) },
  { name: 'Deployment: a dotted serviceAccountName and a system priority class', build: (chart) => workload('Deployment', chart, { ...web(), serviceAccountName: 'my.sa.name', priorityClassName: 'system-node-critical', preemptionPolicy: 'Never' }) },
  { name: 'Pod: terminationGracePeriodSeconds 0', build: (chart) => workload('Pod', chart, { ...web(), terminationGracePeriodSeconds: 0 }) },
  {
    name: 'Deployment: podAffinity weights 1 and 100, podAntiAffinity with an empty namespaceSelector',
    build: (chart) =>
      workload('Deployment', chart, {
        ...web(),
        affinity: {
          podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: term() }, { weight: 100, podAffinityTerm: term({ namespaces: ['team-a'] }) }] },
          podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ namespaceSelector: {}, matchLabelKeys: ['pod-template-hash'] })] },
        },
      }),
  },
  { name: 'StatefulSet: minDomains with DoNotSchedule, two constraints on one key', build: (chart) => workload('StatefulSet', chart, { ...web(), topologySpreadConstraints: [spread({ minDomains: 3 }), spread({ whenUnsatisfiable: 'ScheduleAnyway', nodeTaintsPolicy: 'Honor', nodeAffinityPolicy: 'Ignore' })] }) },
  { name: 'Deployment: topology spread with matchLabelKeys', build: (chart) => workload('Deployment', chart, { ...web(), topologySpreadConstraints: [spread({ matchLabelKeys: ['pod-template-hash'] })] }) },
  { name: 'Pod: emptyDir sizeLimit 0 and 500 (a number)', build: (chart) => workload('Pod', chart, { ...web(), volumes: [{ name: 'a', emptyDir: { sizeLimit: '0' } }, { name: 'b', emptyDir: { sizeLimit: 500 } }] }) },
  { name: 'Pod: failureThreshold 2147483647, containerPort 65535, periodSeconds 0', build: (chart) => workload('Pod', chart, web({ ports: [{ containerPort: 65535 }], livenessProbe: Probe.tcpSocket({ port: 65535 }, { failureThreshold: 2147483647, periodSeconds: 0 }) })) },
  { name: 'Job: tolerate everything (no key, Exists), and NoExecute with tolerationSeconds', build: (chart) => workload('Job', chart, { ...web(), tolerations: [{ operator: 'Exists' }, { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] }) },
  { name: 'Pod: mountPropagation HostToContainer', build: (chart) => workload('Pod', chart, { containers: [{ ...app, volumeMounts: [{ name: 'd', mountPath: '/d', mountPropagation: 'HostToContainer' }] }], volumes: [{ name: 'd', hostPath: { path: '/mnt', type: 'DirectoryOrCreate' } }] }) },
  { name: 'Deployment Guaranteed+restricted+probed (the README snippet)', build: (chart) => new Deployment(chart, 'w', { guarantees: { qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, spec: { replicas: 3, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [guarded] } } } }) },
  { name: 'CronJob BestEffort with an ephemeral-storage request', build: (chart) => new CronJob(chart, 'w', { guarantees: { qos: 'BestEffort' }, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ ...app, resources: { requests: { 'ephemeral-storage': '1Gi' } } }] } } } } } }) },
  {
    name: 'StatefulSet: volume claim templates and a headless service name',
    build: (chart) =>
      new StatefulSet(chart, 'w', {
        spec: {
          serviceName: 'web',
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ ...app, volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } },
          volumeClaimTemplates: [{ metadata: { name: 'data', labels: { tier: 'db' } }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
        },
      }),
  },
  { name: 'Job: backoffLimit 0 and a job-level activeDeadlineSeconds', build: (chart) => new Job(chart, 'w', { spec: { backoffLimit: 0, activeDeadlineSeconds: 600, template: { spec: { ...web(), restartPolicy: 'Never' } } } }) },
  { name: 'Pod: resources as numbers (cpu: 1, memory in bytes)', build: (chart) => workload('Pod', chart, web({ resources: { requests: { cpu: 1, memory: 134217728 }, limits: { cpu: 2, memory: 268435456 } } })) },
  { name: 'Pod: an escape hatch that adds a known field', build: (chart) => workload('Pod', chart, web()).addJsonPatch(JsonPatch.add('/spec/containers/0/tty', true)) },
  { name: 'Pod: hostAliases with IPv4 and IPv6', build: (chart) => workload('Pod', chart, { ...web(), hostAliases: [{ ip: '127.0.0.1', hostnames: ['foo.local', 'bar.local'] }, { ip: '::1', hostnames: ['baz'] }] }) },
  { name: 'Pod: dnsPolicy None with nameservers', build: (chart) => workload('Pod', chart, { ...web(), dnsPolicy: 'None', dnsConfig: { nameservers: ['1.2.3.4'], searches: ['ns1.svc.cluster-domain.example'], options: [{ name: 'ndots', value: '2' }] } }) },
  { name: 'Deployment: a readiness gate and a scheduling gate with prefixes', build: (chart) => workload('Deployment', chart, { ...web(), readinessGates: [{ conditionType: 'example.com/feature-1' }], schedulingGates: [{ name: 'example.com/quota' }] }) },
  { name: 'Deployment: a sidecar with probes', build: (chart) => workload('Deployment', chart, { ...web(), initContainers: [{ name: 'log', image: 'busybox', restartPolicy: 'Always', readinessProbe: Probe.exec(['true']) }] }) },
  { name: 'Pod: a schedulerName and a nodeName that are DNS subdomains', build: (chart) => workload('Pod', chart, { ...web(), schedulerName: 'my-scheduler', nodeName: 'node-1.example.com' }) },
  { name: 'Deployment: a schedulerName that is no DNS name (the API server does not check it)', build: (chart) => workload('Deployment', chart, { ...web(), schedulerName: 'My Scheduler' }) },
  { name: 'Pod: a spread topologyKey that is no label key (the API server only requires it non-empty)', build: (chart) => workload('Pod', chart, { ...web(), topologySpreadConstraints: [spread({ topologyKey: 'zone name' })] }) },
  { name: 'Pod: a dnsConfig search with an underscore and a lone dot', build: (chart) => workload('Pod', chart, { ...web(), dnsConfig: { searches: ['_srv.example.com', '.'] } }) },
  { name: 'Pod: resizePolicy for cpu and memory', build: (chart) => workload('Pod', chart, web({ resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'RestartContainer' }] })) },
  {
    name: 'Pod: an emptyDir sizeLimit as a widened string, and a HugePages-2Mi medium with its hugepages limit',
    build: (chart) =>
      workload('Pod', chart, {
        containers: [{ ...app, resources: { limits: { 'hugepages-2Mi': '100Mi', memory: '100Mi' } }, volumeMounts: [volumeMount({ name: 'cache' }, '/cache'), volumeMount({ name: 'huge' }, '/huge')] }],
        volumes: [emptyDirVolume('cache', { sizeLimit: wideSize }), emptyDirVolume('huge', { medium: 'HugePages-2Mi' })],
      }),
  },
  {
    name: 'Deployment: one pod affinity term shared by affinity and anti-affinity, without as const',
    build: (chart) => workload('Deployment', chart, { ...web(), affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [sharedTerm] }, podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: sharedTerm }] } } }),
  },
  { name: 'Pod: a read-only mount with recursiveReadOnly IfPossible', build: (chart) => workload('Pod', chart, { containers: [{ ...app, volumeMounts: [{ name: 'd', mountPath: '/d', readOnly: true, recursiveReadOnly: 'IfPossible' }] }], volumes: [{ name: 'd', emptyDir: {} }] }) },
  { name: 'Job: tolerations with the operator left out (Equal), an empty value and an empty effect', build: (chart) => workload('Job', chart, { ...web(), tolerations: [{ key: 'dedicated', value: '' }, { key: 'gpu', operator: 'Equal', value: 'true', effect: '' }] }) },
  { name: 'Pod: a nodeSelector with an empty value and node affinity matchFields NotIn', build: (chart) => workload('Pod', chart, { ...web(), nodeSelector: { 'example.com/flag': '' }, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node-1'] }] }] } } } }) },
  { name: 'Pod: a hostPath with an explicit empty type and a 63-character hostname', build: (chart) => workload('Pod', chart, { ...web(), hostname: 'h'.repeat(63), volumes: [{ name: 'h', hostPath: { path: '/var/log', type: '' } }] }) },
  { name: 'Deployment: Recreate, minReadySeconds 0, revisionHistoryLimit 0', build: (chart) => new Deployment(chart, 'w', { spec: { strategy: { type: 'Recreate' }, minReadySeconds: 0, revisionHistoryLimit: 0, template: { metadata: { labels: { app: 'web' } }, spec: web() } } }) },
  { name: 'CronJob: a five-field schedule with a time zone', build: (chart) => new CronJob(chart, 'w', { spec: { schedule: '0 3 * * 1-5', timeZone: 'Asia/Tokyo', jobTemplate: { spec: { template: { spec: { ...web(), restartPolicy: 'OnFailure' } } } } } }) },
  { name: 'StatefulSet: OnDelete updates, Parallel pod management', build: (chart) => new StatefulSet(chart, 'w', { spec: { updateStrategy: { type: 'OnDelete' }, podManagementPolicy: 'Parallel', template: { metadata: { labels: { app: 'web' } }, spec: web() } } }) },
  { name: 'Job: Indexed completion with 3 completions', build: (chart) => new Job(chart, 'w', { spec: { completionMode: 'Indexed', completions: 3, parallelism: 3, template: { spec: { ...web(), restartPolicy: 'Never' } } } }) },
  { name: 'Pod: $(VAR) referencing an earlier env var, and $$(NOT_A_VAR) escaped', build: (chart) => workload('Pod', chart, web({ env: [{ name: 'GREETING', value: 'hi' }, { name: 'MSG', value: '$(GREETING) there' }], command: ['sh', '-c', 'echo $(MSG) $$(NOT_A_VAR)'] })) },
  { name: 'Pod: a grpc probe with a service, an HTTPS httpGet probe on a named port with a host', build: (chart) => workload('Pod', chart, web({ ports: [{ name: 'https', containerPort: 8443 }, { containerPort: 9090 }], livenessProbe: Probe.grpc({ port: 9090, service: 'health' }), readinessProbe: Probe.httpGet({ path: '/ready', port: 'https', scheme: 'HTTPS', host: '127.0.0.1' }) })) },
  { name: 'Pod: net sysctls without hostNetwork', build: (chart) => workload('Pod', chart, { ...web(), securityContext: { sysctls: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }, { name: 'net.core.somaxconn', value: '1024' }] } }) },
  { name: 'Deployment: an optional envFrom Secret that is not in the app', build: (chart) => workload('Deployment', chart, web({ envFrom: [{ secretRef: { name: 'maybe', optional: true }, prefix: 'MAYBE_' }] })) },
  { name: 'Pod: 200 annotations', build: (chart) => workload('Pod', chart, web(), { meta: { annotations: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`example.com/note-${i}`, 'x'.repeat(1000)])) } }) },
  { name: 'Pod: a token projection expiring after an hour', build: (chart) => workload('Pod', chart, { ...web(), volumes: [{ name: 't', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }] } }] }) },
];

describe('new-user corpus: invalid programs', () => {
  it.each(INVALID.map((c) => [c.name, c] as const))('rejects %s', (_name, c) => {
    const outcome = outcomeOf(c.build, c.context, c.strict);
    if (outcome.stage === 'crash') throw new Error(`crashed: ${outcome.error}`);
    if (outcome.stage === 'synthesized') throw new Error(`synthesized (leak); warnings: ${JSON.stringify(outcome.warnings.map((f) => [f.rule, f.path]))}`);
    expect(outcome.findings.map((f) => [f.rule, f.path]), `${outcome.stage}: ${JSON.stringify(outcome.findings.map((f) => [f.rule, f.path]))}`).toContainEqual([c.rule, c.path]);
    for (const f of outcome.findings) {
      expect(f.message.length).toBeGreaterThan(0);
      expect(f.message).not.toMatch(/TypeError|\n\s+at /);
      expect(f.docs).toMatch(/^https:\/\/kubernetes\.io\//);
    }
  });
});

describe('new-user corpus: valid programs Kubernetes accepts', () => {
  it.each(VALID.map((c) => [c.name, c] as const))('synthesizes %s', (_name, c) => {
    // strict: a valid program gets no warning either
    const outcome = outcomeOf(c.build, c.context, true);
    expect(outcome).toEqual({ stage: 'synthesized', warnings: [] });
  });
});

describe('new-user corpus: size', () => {
  it('holds its invalid programs (66 more are type-checked in new-user-corpus.test-d.ts) and its valid ones', () => {
    expect(INVALID.length).toBeGreaterThanOrEqual(190);
    expect(VALID.length).toBeGreaterThanOrEqual(65);
  });
});


