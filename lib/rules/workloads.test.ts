import { describe, expect, it } from 'vitest';
import { podSpecOf, type KubeObject } from '../k8s';
import { POD_BASE, VALID, template } from '../../test-support/workloads';
import { checkObject } from './index';
import { checkWorkload, workloadRules } from './workloads';

const KINDS = Object.keys(VALID);

describe('podSpecOf and the pod rules on every pod-bearing kind', () => {
  it.each(KINDS)('a valid %s passes every rule', (kind) => {
    expect(checkObject(VALID[kind]!())).toEqual([]);
  });

  it.each(KINDS)('finds the pod spec of a %s at its base path', (kind) => {
    expect(podSpecOf(VALID[kind]!())?.base).toBe(POD_BASE[kind]);
  });

  it.each(KINDS)('fails when the pod of a %s breaks a pod rule, at the full path', (kind) => {
    const bad = VALID[kind]!({}, { containers: [{ name: 'web', image: 'nginx:1.27', livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } }] });
    expect(checkObject(bad).map((v) => [v.rule, v.path])).toEqual([['probes/liveness-success-threshold', `${POD_BASE[kind]}.containers[0].livenessProbe.successThreshold`]]);
  });

  it('finds no pod spec in a PodTemplate without a template, or in a kind without pods', () => {
    expect(podSpecOf({ kind: 'PodTemplate', metadata: { name: 'x' } })).toBeUndefined();
    expect(podSpecOf({ kind: 'ConfigMap', metadata: { name: 'x' }, data: {} })).toBeUndefined();
  });
});

const restartCases = ['ReplicaSet', 'ReplicationController', 'DaemonSet', 'StatefulSet'].flatMap((kind) =>
  ['Never', 'OnFailure'].map((policy) => ({
    name: `a ${kind}'s template has restartPolicy ${policy}`,
    bad: VALID[kind]!({}, { restartPolicy: policy }),
    good: VALID[kind]!({}, { restartPolicy: 'Always' }),
    rule: 'workloads/template-restart-policy',
    path: 'spec.template.spec.restartPolicy',
    message: `Unsupported value: "${policy}": supported values: "Always"`,
  })),
);

const cases = [
  ...restartCases,
  ...['ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController'].map((kind) => ({
    name: `a ${kind}'s selector does not match the template labels`,
    bad: VALID[kind]!({ template: template({}, { app: 'other' }) }),
    good: VALID[kind]!({ template: template({}, { app: 'web', tier: 'front' }) }),
    rule: 'workloads/selector-mismatch',
    path: 'spec.template.metadata.labels',
    message: 'Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
  })),
  ...(
    [
      ['ReplicaSet', 'deployment'],
      ['DaemonSet', 'daemonset'],
      ['StatefulSet', 'statefulset'],
    ] as const
  ).map(([kind, word]) => ({
    name: `a ${kind}'s selector is empty`,
    bad: VALID[kind]!({ selector: {} }),
    good: VALID[kind]!({ selector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } }),
    rule: 'workloads/selector-empty',
    path: 'spec.selector',
    message: `Invalid value: {}: empty selector is invalid for ${word}`,
  })),
  ...['ReplicaSet', 'StatefulSet'].map((kind) => ({
    name: `a ${kind} has no selector`,
    bad: VALID[kind]!({ selector: undefined }),
    good: VALID[kind]!({ selector: { matchLabels: { app: 'web' } } }),
    rule: 'workloads/selector-required',
    path: 'spec.selector',
    message: 'Required value',
  })),
  {
    name: 'a DaemonSet has no selector (it selects nothing, so it does not match)',
    bad: VALID.DaemonSet!({ selector: undefined }),
    good: VALID.DaemonSet!({ selector: { matchLabels: { app: 'web' } } }),
    rule: 'workloads/selector-mismatch',
    path: 'spec.template.metadata.labels',
    message: workloadRules.selectorMismatch.message({ app: 'web' }),
  },
  {
    name: "a ReplicationController's selector and template labels are both empty",
    bad: VALID.ReplicationController!({ selector: undefined, template: template({}, {}) }),
    good: VALID.ReplicationController!({ selector: undefined, template: template({}, { app: 'web' }) }),
    rule: 'workloads/selector-required',
    path: 'spec.selector',
    message: 'Required value',
  },
  ...['ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController', 'Deployment'].map((kind) => ({
    name: `a ${kind}'s template sets activeDeadlineSeconds`,
    bad: VALID[kind]!({}, { activeDeadlineSeconds: 30 }),
    good: VALID[kind]!({}, {}),
    rule: 'workloads/active-deadline-forbidden',
    path: 'spec.template.spec.activeDeadlineSeconds',
    message: `Forbidden: activeDeadlineSeconds in ${kind === 'Deployment' ? 'ReplicaSet' : kind} is not Supported`,
  })),
  ...(
    [
      ['ReplicaSet', 'replicas'],
      ['ReplicationController', 'replicas'],
      ['StatefulSet', 'replicas'],
      ['DaemonSet', 'minReadySeconds'],
      ['DaemonSet', 'revisionHistoryLimit'],
      ['Deployment', 'revisionHistoryLimit'],
      ['Deployment', 'minReadySeconds'],
    ] as const
  ).map(([kind, field]) => ({
    name: `a ${kind}'s ${field} is negative`,
    bad: VALID[kind]!({ [field]: -1 }),
    good: VALID[kind]!({ [field]: 0 }),
    rule: 'workloads/negative-value',
    path: `spec.${field}`,
    message: 'Invalid value: -1: must be greater than or equal to 0',
  })),
  {
    name: "a DaemonSet's updateStrategy type is unknown",
    bad: VALID.DaemonSet!({ updateStrategy: { type: 'Recreate' } }),
    good: VALID.DaemonSet!({ updateStrategy: { type: 'OnDelete' } }),
    rule: 'workloads/daemonset-update-strategy-unsupported',
    path: 'spec.updateStrategy',
    message: 'Unsupported value: {"type":"Recreate"}: supported values: "RollingUpdate", "OnDelete"',
  },
  {
    name: 'a DaemonSet sets maxSurge while maxUnavailable keeps its default of 1',
    bad: VALID.DaemonSet!({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } }),
    good: VALID.DaemonSet!({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }),
    rule: 'workloads/daemonset-surge-and-unavailable',
    path: 'spec.updateStrategy.rollingUpdate.maxSurge',
    message: 'Invalid value: 1: may not be set when maxUnavailable is non-zero',
  },
  {
    name: "a DaemonSet's maxUnavailable and maxSurge are both 0",
    bad: VALID.DaemonSet!({ updateStrategy: { rollingUpdate: { maxUnavailable: '0%' } } }),
    good: VALID.DaemonSet!({ updateStrategy: { rollingUpdate: { maxUnavailable: '10%' } } }),
    rule: 'workloads/daemonset-unavailable-zero',
    path: 'spec.updateStrategy.rollingUpdate.maxUnavailable',
    message: 'Required value: cannot be 0 when maxSurge is 0',
  },
  {
    name: "a DaemonSet's maxUnavailable is not an integer or a percentage",
    bad: VALID.DaemonSet!({ updateStrategy: { rollingUpdate: { maxUnavailable: 'half' } } }),
    good: VALID.DaemonSet!({ updateStrategy: { rollingUpdate: { maxUnavailable: '50%' } } }),
    rule: 'workloads/int-or-percent-invalid',
    path: 'spec.updateStrategy.rollingUpdate.maxUnavailable',
    message: "Invalid value: half: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
  },
  {
    name: "a DaemonSet's maxUnavailable is over 100%",
    bad: VALID.DaemonSet!({ updateStrategy: { rollingUpdate: { maxUnavailable: '101%' } } }),
    good: VALID.DaemonSet!({ updateStrategy: { rollingUpdate: { maxUnavailable: '100%' } } }),
    rule: 'workloads/percent-over-100',
    path: 'spec.updateStrategy.rollingUpdate.maxUnavailable',
    message: 'Invalid value: 101%: must not be greater than 100%',
  },
];

describe('workload controller rules', () => {
  it.each(cases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkObject(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(checkObject(good)).toEqual([]);
  });
  it.each(['DaemonSet', 'ReplicaSet', 'StatefulSet', 'Deployment'])('does not require a selector of an extensions/v1beta1 %s (it was defaulted from the template labels)', (kind) => {
    const old = { ...VALID[kind]!({ selector: undefined }), apiVersion: 'extensions/v1beta1' };
    expect(checkObject(old)).toEqual([]);
    expect(checkObject({ ...old, apiVersion: 'apps/v1' }).map((v) => v.path)).toEqual([kind === 'DaemonSet' ? 'spec.template.metadata.labels' : 'spec.selector']);
  });
  it.each(['Deployment', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob'])(
    'does not check a kustomize patch directive ($patch) of a %s as a whole object',
    (kind) => {
      const patch: KubeObject = { apiVersion: VALID[kind]!().apiVersion, kind, metadata: { name: 'web' }, $patch: 'delete' };
      expect(checkObject(patch)).toEqual([]);
      const { $patch: _, ...whole } = patch;
      expect(checkObject(whole)).not.toEqual([]);
    },
  );
  it('applies the defaults of the object\'s API version (extensions/v1beta1: DaemonSet OnDelete, no Deployment progress deadline)', () => {
    const surge = { updateStrategy: { rollingUpdate: { maxSurge: 1 } } };
    expect(checkObject(VALID.DaemonSet!(surge)).map((v) => v.rule)).toEqual(['workloads/daemonset-surge-and-unavailable']);
    expect(checkObject({ ...VALID.DaemonSet!(surge), apiVersion: 'extensions/v1beta1' })).toEqual([]);
    expect(checkObject(VALID.Deployment!({ minReadySeconds: 900 })).map((v) => v.rule)).toEqual(['deployments/progress-deadline']);
    expect(checkObject({ ...VALID.Deployment!({ minReadySeconds: 900 }), apiVersion: 'extensions/v1beta1' })).toEqual([]);
    const onDelete = { updateStrategy: { rollingUpdate: { partition: 1 } } };
    expect(checkObject(VALID.StatefulSet!(onDelete))).toEqual([]);
    expect(checkObject({ ...VALID.StatefulSet!(onDelete), apiVersion: 'apps/v1beta1' }).map((v) => v.rule)).toEqual(['statefulsets/rolling-update-with-on-delete']);
  });
  it('reads widened and odd values without throwing', () => {
    const odd: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'x' }, spec: { selector: null, template: null } };
    expect(checkWorkload(odd).map((v) => v.rule)).toEqual(['workloads/selector-required']);
    expect(checkWorkload({ kind: 'DaemonSet', spec: 'text' } as KubeObject)).toEqual([]);
  });
});
