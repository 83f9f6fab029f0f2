import { describe, expect, it } from 'vitest';
import type { PodLike } from '../k8s';
import { checkEnums } from './enums';
import { checkPod } from './index';

/** Pods built from untyped objects: the point is values the types reject. */
const pod = (spec: Record<string, unknown>, container: Record<string, unknown> = {}): PodLike =>
  ({ spec: { containers: [{ name: 'app', image: 'nginx', ...container }], ...spec } }) as unknown as PodLike;
const c = (container: Record<string, unknown>) => pod({}, container);

const cases = [
  { name: 'imagePullPolicy is misspelt', bad: c({ imagePullPolicy: 'Alwyas' }), good: c({ imagePullPolicy: 'Always' }), rule: 'enums/image-pull-policy', path: 'spec.containers[0].imagePullPolicy', message: 'Unsupported value: "Alwyas": supported values: "Always", "IfNotPresent", "Never"' },
  { name: 'terminationMessagePolicy is unknown', bad: c({ terminationMessagePolicy: 'Logs' }), good: c({ terminationMessagePolicy: 'FallbackToLogsOnError' }), rule: 'enums/termination-message-policy', path: 'spec.containers[0].terminationMessagePolicy', message: 'Unsupported value: "Logs": supported values: "File", "FallbackToLogsOnError"' },
  {
    name: 'a mountPropagation is lowercase',
    bad: pod({ volumes: [{ name: 'v', emptyDir: {} }] }, { volumeMounts: [{ name: 'v', mountPath: '/v', mountPropagation: 'none' }] }),
    good: pod({ volumes: [{ name: 'v', emptyDir: {} }] }, { volumeMounts: [{ name: 'v', mountPath: '/v', mountPropagation: 'None' }] }),
    rule: 'enums/mount-propagation',
    path: 'spec.containers[0].volumeMounts.mountPropagation',
    message: 'Unsupported value: "none": supported values: "Bidirectional", "HostToContainer", "None"',
  },
  { name: 'preemptionPolicy is unknown', bad: pod({ preemptionPolicy: 'Preempt' }), good: pod({ preemptionPolicy: 'Never' }), rule: 'enums/preemption-policy', path: 'spec.preemptionPolicy', message: 'Unsupported value: "Preempt": supported values: "PreemptLowerPriority", "Never"' },
  { name: 'os.name is capitalised', bad: pod({ os: { name: 'Linux' } }), good: pod({ os: { name: 'linux' } }), rule: 'enums/os-name', path: 'spec.os', message: 'Unsupported value: "Linux": supported values: "linux", "windows"' },
  { name: 'os is set without a name', bad: pod({ os: {} }), good: pod({ os: { name: 'windows' } }), rule: 'enums/os-name-required', path: 'spec.os.name', message: 'Required value: cannot be empty' },
  { name: 'fsGroupChangePolicy is unknown', bad: pod({ securityContext: { fsGroupChangePolicy: 'Never' } }), good: pod({ securityContext: { fsGroupChangePolicy: 'OnRootMismatch' } }), rule: 'enums/fs-group-change-policy', path: 'spec.securityContext.fsGroupChangePolicy', message: 'Unsupported value: "Never": supported values: "Always", "OnRootMismatch"' },
  { name: 'supplementalGroupsPolicy is unknown', bad: pod({ securityContext: { supplementalGroupsPolicy: 'Replace' } }), good: pod({ securityContext: { supplementalGroupsPolicy: 'Strict' } }), rule: 'enums/supplemental-groups-policy', path: 'spec.securityContext.supplementalGroupsPolicy', message: 'Unsupported value: "Replace": supported values: "Merge", "Strict"' },
  { name: 'seLinuxChangePolicy is unknown', bad: pod({ securityContext: { seLinuxChangePolicy: 'Mount' } }), good: pod({ securityContext: { seLinuxChangePolicy: 'MountOption' } }), rule: 'enums/selinux-change-policy', path: 'spec.securityContext.seLinuxChangePolicy', message: 'Unsupported value: "Mount": supported values: "MountOption", "Recursive"' },
  { name: 'a toleration operator is unknown', bad: pod({ tolerations: [{ key: 'k', operator: 'Equals', value: 'v' }] }), good: pod({ tolerations: [{ key: 'k', operator: 'Equal', value: 'v' }] }), rule: 'enums/toleration-operator', path: 'spec.tolerations[0].operator', message: 'Unsupported value: "Equals": supported values: "Equal", "Exists"' },
  { name: 'a toleration effect is unknown', bad: pod({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExec' }] }), good: pod({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExecute' }] }), rule: 'enums/toleration-effect', path: 'spec.tolerations[0].effect', message: 'Unsupported value: "NoExec": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"' },
  {
    name: 'a toleration without key is not Exists',
    bad: pod({ tolerations: [{ operator: 'Equal', value: '' }] }),
    good: pod({ tolerations: [{ operator: 'Exists' }] }),
    rule: 'enums/toleration-operator-without-key',
    path: 'spec.tolerations[0].operator',
    message: 'Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
  },
  {
    name: 'tolerationSeconds is set with NoSchedule',
    bad: pod({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 60 }] }),
    good: pod({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }] }),
    rule: 'enums/toleration-seconds-effect',
    path: 'spec.tolerations[0].effect',
    message: 'Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
  },
  { name: 'an Exists toleration has a value', bad: pod({ tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] }), good: pod({ tolerations: [{ key: 'k', operator: 'Exists' }] }), rule: 'enums/toleration-exists-with-value', path: 'spec.tolerations[0].operator', message: "Invalid value: \"v\": value must be empty when `operator` is 'Exists'" },
  {
    name: 'a recursiveReadOnly value is unknown',
    bad: pod({ volumes: [{ name: 'v', emptyDir: {} }] }, { volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: true, recursiveReadOnly: 'Always' }] }),
    good: pod({ volumes: [{ name: 'v', emptyDir: {} }] }, { volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: true, recursiveReadOnly: 'IfPossible' }] }),
    rule: 'enums/recursive-read-only',
    path: 'spec.containers[0].volumeMounts.recursiveReadOnly',
    message: 'Unsupported value: "Always": supported values: "Disabled", "Enabled", "IfPossible"',
  },
  {
    name: 'recursiveReadOnly Enabled is set on a writable mount',
    bad: pod({ volumes: [{ name: 'v', emptyDir: {} }] }, { volumeMounts: [{ name: 'v', mountPath: '/v', recursiveReadOnly: 'Enabled' }] }),
    good: pod({ volumes: [{ name: 'v', emptyDir: {} }] }, { volumeMounts: [{ name: 'v', mountPath: '/v', recursiveReadOnly: 'Disabled' }] }),
    rule: 'enums/recursive-read-only-needs-read-only',
    path: 'spec.containers[0].volumeMounts.recursiveReadOnly',
    message: 'Forbidden: may only be specified when readOnly is true',
  },
  {
    name: 'recursiveReadOnly IfPossible is set with HostToContainer propagation',
    bad: pod({ volumes: [{ name: 'v', hostPath: { path: '/mnt' } }] }, { volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: true, recursiveReadOnly: 'IfPossible', mountPropagation: 'HostToContainer' }] }),
    good: pod({ volumes: [{ name: 'v', hostPath: { path: '/mnt' } }] }, { volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: true, recursiveReadOnly: 'IfPossible', mountPropagation: 'None' }] }),
    rule: 'enums/recursive-read-only-propagation',
    path: 'spec.containers[0].volumeMounts.recursiveReadOnly',
    message: 'Forbidden: may only be specified when mountPropagation is None or not specified',
  },
  {
    name: 'a hostPath type is misspelt',
    bad: pod({ volumes: [{ name: 'h', hostPath: { path: '/data', type: 'Dir' } }] }),
    good: pod({ volumes: [{ name: 'h', hostPath: { path: '/data', type: 'DirectoryOrCreate' } }] }),
    rule: 'enums/host-path-type',
    path: 'spec.volumes[0].hostPath.type',
    message: 'Unsupported value: "Dir": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
  },
  {
    name: 'an unprivileged container mounts with Bidirectional propagation',
    bad: { spec: { containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'h', mountPath: '/h', mountPropagation: 'Bidirectional' }] }], volumes: [{ name: 'h', hostPath: { path: '/mnt' } }] } },
    good: { spec: { containers: [{ name: 'a', image: 'x', securityContext: { privileged: true }, volumeMounts: [{ name: 'h', mountPath: '/h', mountPropagation: 'Bidirectional' }] }], volumes: [{ name: 'h', hostPath: { path: '/mnt' } }] } },
    rule: 'enums/mount-propagation-bidirectional-unprivileged',
    path: 'spec.containers[0].volumeMounts.mountPropagation',
    message: 'Forbidden: Bidirectional mount propagation is available only to privileged containers',
  },
  {
    name: 'an Equal toleration value is not a label value',
    bad: pod({ tolerations: [{ key: 'k', operator: 'Equal', value: 'bad value', effect: 'NoSchedule' }] }),
    good: pod({ tolerations: [{ key: 'k', operator: 'Equal', value: 'bad-value', effect: 'NoSchedule' }] }),
    rule: 'enums/toleration-value-invalid',
    path: 'spec.tolerations[0].operator',
    message: expect.stringContaining('Invalid value: "bad value": a valid label must be an empty string'),
  },
  { name: 'a toleration key is invalid', bad: pod({ tolerations: [{ key: 'bad key', operator: 'Exists' }] }), good: pod({ tolerations: [{ key: 'example.com/key', operator: 'Exists' }] }), rule: 'enums/toleration-key-invalid', path: 'spec.tolerations[0].key', message: expect.stringContaining('Invalid value: "bad key"') },
];

/**
 * The mount's fields at the second mount of a container: ValidateVolumeMounts builds these paths with
 * `fldPath.Child("mountPropagation")` and `fldPath.Child("recursiveReadOnly")` on the container's `volumeMounts`, not on
 * `volumeMounts[i]` (pkg/apis/core/validation/validation.go, v1.31.1 lines 2905-2963), so the path has no mount index.
 */
const volumes = [{ name: 'h', hostPath: { path: '/mnt' } }, { name: 'v', emptyDir: {} }];
const mounts = (second: Record<string, unknown>, container: Record<string, unknown> = {}) =>
  ({ spec: { containers: [{ name: 'a', image: 'x', ...container, volumeMounts: [{ name: 'h', mountPath: '/h' }, { name: 'v', mountPath: '/v', ...second }] }], volumes } }) as unknown as PodLike;
const secondMountCases = [
  { rule: 'enums/mount-propagation', bad: mounts({ mountPropagation: 'Shared' }), good: mounts({ mountPropagation: 'HostToContainer' }), path: 'spec.containers[0].volumeMounts.mountPropagation' },
  {
    rule: 'enums/mount-propagation-bidirectional-unprivileged',
    bad: mounts({ mountPropagation: 'Bidirectional' }),
    good: mounts({ mountPropagation: 'Bidirectional' }, { securityContext: { privileged: true } }),
    path: 'spec.containers[0].volumeMounts.mountPropagation',
  },
  { rule: 'enums/recursive-read-only', bad: mounts({ readOnly: true, recursiveReadOnly: 'enabled' }), good: mounts({ readOnly: true, recursiveReadOnly: 'Enabled' }), path: 'spec.containers[0].volumeMounts.recursiveReadOnly' },
  { rule: 'enums/recursive-read-only-needs-read-only', bad: mounts({ readOnly: false, recursiveReadOnly: 'IfPossible' }), good: mounts({ readOnly: true, recursiveReadOnly: 'IfPossible' }), path: 'spec.containers[0].volumeMounts.recursiveReadOnly' },
  {
    rule: 'enums/recursive-read-only-propagation',
    bad: mounts({ readOnly: true, recursiveReadOnly: 'Enabled', mountPropagation: 'HostToContainer' }),
    good: mounts({ readOnly: true, recursiveReadOnly: 'Enabled', mountPropagation: 'None' }),
    path: 'spec.containers[0].volumeMounts.recursiveReadOnly',
  },
];

describe('the paths of a mount\'s mountPropagation and recursiveReadOnly (no mount index, as the API server prints them)', () => {
  it.each(secondMountCases)('fails with $rule at $path when the second mount breaks it', ({ bad, rule, path }) => {
    expect(checkEnums(bad).map((v) => [v.rule, v.path])).toEqual([[rule, path]]);
  });
  it.each(secondMountCases)('passes the twin of $rule on the second mount', ({ good }) => {
    expect(checkPod(good)).toEqual([]);
  });
  it('fails with one finding per mount, all at the same path, in the order of the mounts', () => {
    const p = {
      spec: {
        containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'h', mountPath: '/h', mountPropagation: 'Shared' }, { name: 'v', mountPath: '/v', mountPropagation: 'Private', recursiveReadOnly: 'Enabled' }] }],
        volumes,
      },
    } as unknown as PodLike;
    expect(checkEnums(p).map((v) => [v.rule, v.path, v.message])).toEqual([
      ['enums/mount-propagation', 'spec.containers[0].volumeMounts.mountPropagation', expect.stringContaining('"Shared"')],
      ['enums/mount-propagation', 'spec.containers[0].volumeMounts.mountPropagation', expect.stringContaining('"Private"')],
      ['enums/recursive-read-only-needs-read-only', 'spec.containers[0].volumeMounts.recursiveReadOnly', 'Forbidden: may only be specified when readOnly is true'],
      ['enums/recursive-read-only-propagation', 'spec.containers[0].volumeMounts.recursiveReadOnly', 'Forbidden: may only be specified when mountPropagation is None or not specified'],
    ]);
  });
  it('uses the init container\'s and the workload\'s base path, still without a mount index', () => {
    const p = { spec: { containers: [{ name: 'a', image: 'x' }], initContainers: [{ name: 'i', image: 'x', volumeMounts: [{ name: 'h', mountPath: '/h' }, { name: 'v', mountPath: '/v', mountPropagation: 'Bidirectional' }] }], volumes } } as unknown as PodLike;
    expect(checkEnums(p, 'spec.template.spec').map((v) => [v.rule, v.path])).toEqual([['enums/mount-propagation-bidirectional-unprivileged', 'spec.template.spec.initContainers[0].volumeMounts.mountPropagation']]);
  });
});

describe('checkEnums', () => {
  it.each(cases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkEnums(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(checkPod(good)).toEqual([]);
  });
  it('leaves empty values to Kubernetes defaulting (imagePullPolicy, terminationMessagePolicy, preemptionPolicy)', () => {
    expect(checkEnums(pod({ preemptionPolicy: '' }, { imagePullPolicy: '', terminationMessagePolicy: '' }))).toEqual([]);
  });
  it('checks init and ephemeral containers too', () => {
    const p = { spec: { containers: [{ name: 'a', image: 'x' }], initContainers: [{ name: 'i', image: 'x', imagePullPolicy: 'always' }] } } as unknown as PodLike;
    expect(checkEnums(p).map((v) => v.path)).toEqual(['spec.initContainers[0].imagePullPolicy']);
  });
});
