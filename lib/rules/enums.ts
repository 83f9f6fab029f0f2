/**
 * Enumerated fields of Pod and Container that no other area checks, with the API server's `Unsupported value`
 * messages (the supported values in the order it prints them): `imagePullPolicy`, `terminationMessagePolicy`,
 * volume mounts' `mountPropagation`, `preemptionPolicy`, `os.name`, the pod security context's
 * `fsGroupChangePolicy`, `supplementalGroupsPolicy` and `seLinuxChangePolicy`, a hostPath volume's `type`, and
 * tolerations (`operator`, `effect`, and the rules that tie them to `key`, `value` and `tolerationSeconds`); and
 * `mountPropagation: Bidirectional`, which only a privileged container may use; a mount's `recursiveReadOnly`
 * (Enabled and IfPossible need `readOnly` and no propagation). `restartPolicy`, `dnsPolicy`, port
 * protocols, probe schemes, `procMount` and seccomp/AppArmor types are checked by their own areas.
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/
 */
import { REFERENCE } from '../docs';
import { containersOf, type PodLike } from '../k8s';
import { labelValueErrors, qualifiedNameErrors } from '../names';
import { fieldPath, withIndexedPath } from '../path';
import { defineRule, goQuote, type Violation } from '../violation';
import { listedObjects } from './listed';

const CONTAINERS = 'https://kubernetes.io/ja/docs/concepts/containers/images/#image-pull-policy';
const TERMINATION = 'https://kubernetes.io/docs/tasks/debug/debug-application/determine-reason-pod-failure/#customizing-the-termination-message';
const PROPAGATION = 'https://kubernetes.io/ja/docs/concepts/storage/volumes/#mount-propagation';
const PREEMPTION = 'https://kubernetes.io/ja/docs/concepts/scheduling-eviction/pod-priority-preemption/#non-preempting-priority-class';
const POD_OS = 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#scheduling';
const SECURITY = 'https://kubernetes.io/ja/docs/tasks/configure-pod-container/security-context/';
const TOLERATIONS = 'https://kubernetes.io/ja/docs/concepts/scheduling-eviction/taint-and-toleration/';
const HOST_PATH = REFERENCE.hostPathVolume;
const RECURSIVE_READ_ONLY = REFERENCE.recursiveReadOnly;

/** Every enumeration this file checks: its values in the order the API server prints them. */
export const POD_ENUMS = {
  imagePullPolicy: ['Always', 'IfNotPresent', 'Never'],
  terminationMessagePolicy: ['File', 'FallbackToLogsOnError'],
  mountPropagation: ['Bidirectional', 'HostToContainer', 'None'],
  preemptionPolicy: ['PreemptLowerPriority', 'Never'],
  osName: ['linux', 'windows'],
  fsGroupChangePolicy: ['Always', 'OnRootMismatch'],
  supplementalGroupsPolicy: ['Merge', 'Strict'],
  seLinuxChangePolicy: ['MountOption', 'Recursive'],
  tolerationOperator: ['Equal', 'Exists'],
  taintEffect: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  recursiveReadOnly: ['Disabled', 'Enabled', 'IfPossible'],
  hostPathType: ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'],
} as const satisfies Record<string, readonly string[]>;

type EnumName = keyof typeof POD_ENUMS;

const unsupported = <const Id extends string>(id: Id, docs: string, values: readonly string[]) =>
  defineRule(id, docs, (value: string) => `Unsupported value: ${goQuote(value)}: supported values: ${values.map(goQuote).join(', ')}`);

export const enumRules = {
  imagePullPolicy: unsupported('enums/image-pull-policy', CONTAINERS, POD_ENUMS.imagePullPolicy),
  terminationMessagePolicy: unsupported('enums/termination-message-policy', TERMINATION, POD_ENUMS.terminationMessagePolicy),
  mountPropagation: unsupported('enums/mount-propagation', PROPAGATION, POD_ENUMS.mountPropagation),
  preemptionPolicy: unsupported('enums/preemption-policy', PREEMPTION, POD_ENUMS.preemptionPolicy),
  osName: unsupported('enums/os-name', POD_OS, POD_ENUMS.osName),
  osNameRequired: defineRule('enums/os-name-required', POD_OS, () => 'Required value: cannot be empty'),
  fsGroupChangePolicy: unsupported('enums/fs-group-change-policy', SECURITY, POD_ENUMS.fsGroupChangePolicy),
  supplementalGroupsPolicy: unsupported('enums/supplemental-groups-policy', SECURITY, POD_ENUMS.supplementalGroupsPolicy),
  seLinuxChangePolicy: unsupported('enums/selinux-change-policy', SECURITY, POD_ENUMS.seLinuxChangePolicy),
  tolerationOperator: unsupported('enums/toleration-operator', TOLERATIONS, POD_ENUMS.tolerationOperator),
  taintEffect: unsupported('enums/toleration-effect', TOLERATIONS, POD_ENUMS.taintEffect),
  tolerationKeyInvalid: defineRule('enums/toleration-key-invalid', TOLERATIONS, (key: string, detail: string) => `Invalid value: ${goQuote(key)}: ${detail}`),
  tolerationOperatorWithoutKey: defineRule(
    'enums/toleration-operator-without-key',
    TOLERATIONS,
    (operator: string) => `Invalid value: ${goQuote(operator)}: operator must be Exists when \`key\` is empty, which means "match all values and all keys"`,
  ),
  tolerationSecondsEffect: defineRule(
    'enums/toleration-seconds-effect',
    TOLERATIONS,
    (effect: string) => `Invalid value: ${goQuote(effect)}: effect must be 'NoExecute' when \`tolerationSeconds\` is set`,
  ),
  tolerationValueInvalid: defineRule('enums/toleration-value-invalid', TOLERATIONS, (value: string, detail: string) => `Invalid value: ${goQuote(value)}: ${detail}`),
  tolerationExistsWithValue: defineRule(
    'enums/toleration-exists-with-value',
    TOLERATIONS,
    (value: string) => `Invalid value: ${goQuote(value)}: value must be empty when \`operator\` is 'Exists'`,
  ),
  hostPathType: unsupported('enums/host-path-type', HOST_PATH, POD_ENUMS.hostPathType),
  recursiveReadOnly: unsupported('enums/recursive-read-only', RECURSIVE_READ_ONLY, POD_ENUMS.recursiveReadOnly),
  recursiveReadOnlyNeedsReadOnly: defineRule('enums/recursive-read-only-needs-read-only', RECURSIVE_READ_ONLY, () => 'Forbidden: may only be specified when readOnly is true'),
  recursiveReadOnlyPropagation: defineRule(
    'enums/recursive-read-only-propagation',
    RECURSIVE_READ_ONLY,
    () => 'Forbidden: may only be specified when mountPropagation is None or not specified',
  ),
  mountPropagationUnprivileged: defineRule(
    'enums/mount-propagation-bidirectional-unprivileged',
    PROPAGATION,
    () => 'Forbidden: Bidirectional mount propagation is available only to privileged containers',
  ),
};

const isSet = (v: unknown) => v !== undefined && v !== null;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An enumerated value that is set (an empty string is defaulted or reported as required elsewhere) and not supported. */
function bad(name: EnumName, value: unknown): value is string | number | boolean {
  return isSet(value) && value !== '' && !(POD_ENUMS[name] as readonly unknown[]).includes(value);
}

function checkTolerations(tolerations: unknown, at: string): Violation[] {
  if (!Array.isArray(tolerations)) return [];
  const out: Violation[] = [];
  // a `null` entry decodes as an empty toleration, checked as one
  listedObjects(tolerations).forEach((t, i) => {
    if (!isRecord(t)) return;
    const idx = fieldPath(at, i);
    const key = typeof t.key === 'string' ? t.key : '';
    const operator = typeof t.operator === 'string' ? t.operator : '';
    const effect = typeof t.effect === 'string' ? t.effect : '';
    const value = typeof t.value === 'string' ? t.value : '';
    if (key.length > 0) for (const detail of qualifiedNameErrors(key)) out.push(enumRules.tolerationKeyInvalid.at(`${idx}.key`, key, detail));
    if (key.length === 0 && operator !== 'Exists') out.push(enumRules.tolerationOperatorWithoutKey.at(`${idx}.operator`, operator));
    if (isSet(t.tolerationSeconds) && effect !== 'NoExecute') out.push(enumRules.tolerationSecondsEffect.at(`${idx}.effect`, effect));
    if (operator === 'Equal' || operator === '') {
      const errs = labelValueErrors(value);
      if (errs.length > 0) out.push(enumRules.tolerationValueInvalid.at(`${idx}.operator`, value, errs.join(';')));
    } else if (operator === 'Exists') {
      if (value.length > 0) out.push(enumRules.tolerationExistsWithValue.at(`${idx}.operator`, value));
    } else out.push(enumRules.tolerationOperator.at(`${idx}.operator`, operator));
    if (effect.length > 0 && bad('taintEffect', effect)) out.push(enumRules.taintEffect.at(`${idx}.effect`, effect));
  });
  return out;
}

/** Checks the enumerations listed in this file's header, in every container and in the pod spec. */
export function checkEnums(pod: PodLike, base = 'spec'): Violation[] {
  const spec = pod.spec;
  const out: Violation[] = [];
  // paths are built only for a finding: this runs for every container of every pod
  for (const { container, rel } of containersOf(spec)) {
    if (bad('imagePullPolicy', container.imagePullPolicy)) out.push(enumRules.imagePullPolicy.at(`${base}.${rel}.imagePullPolicy`, String(container.imagePullPolicy)));
    if (bad('terminationMessagePolicy', container.terminationMessagePolicy))
      out.push(enumRules.terminationMessagePolicy.at(`${base}.${rel}.terminationMessagePolicy`, String(container.terminationMessagePolicy)));
    const mounts = container.volumeMounts;
    if (!Array.isArray(mounts) || mounts.length === 0) continue;
    const privileged = isRecord(container.securityContext) && container.securityContext.privileged === true;
    // Upstream's paths carry no mount index: ValidateVolumeMounts passes `fldPath.Child("mountPropagation")` and
    // `fldPath.Child("recursiveReadOnly")`, fldPath being the container's `volumeMounts` (its own name and mountPath
    // checks use `fldPath.Index(i)`), in pkg/apis/core/validation/validation.go (v1.31.1 lines 2905-2963; older
    // releases read the same): `spec.containers[0].volumeMounts.mountPropagation`, whichever mount it is. Each finding
    // also carries the indexed path, so that the linter points at the mount's own line.
    const volumeMounts = `${base}.${rel}.volumeMounts`;
    const mountsAt = (field: 'mountPropagation' | 'recursiveReadOnly') => `${volumeMounts}.${field}`;
    const onMount = (i: number, v: Violation) => withIndexedPath(v, `${fieldPath(volumeMounts, i)}${v.path.slice(volumeMounts.length)}`);
    mounts.forEach((m, i) => {
      if (!isRecord(m)) return;
      // `validateMountPropagation`: the API server validates the field whenever it is set, so an empty string is unsupported too
      if (isSet(m.mountPropagation)) {
        if (!(POD_ENUMS.mountPropagation as readonly unknown[]).includes(m.mountPropagation)) out.push(onMount(i, enumRules.mountPropagation.at(mountsAt('mountPropagation'), String(m.mountPropagation))));
        else if (m.mountPropagation === 'Bidirectional' && !privileged) out.push(onMount(i, enumRules.mountPropagationUnprivileged.at(mountsAt('mountPropagation'))));
      }
      // `validateMountRecursiveReadOnly`
      if (!isSet(m.recursiveReadOnly) || m.recursiveReadOnly === 'Disabled') return;
      if (m.recursiveReadOnly !== 'Enabled' && m.recursiveReadOnly !== 'IfPossible') {
        out.push(onMount(i, enumRules.recursiveReadOnly.at(mountsAt('recursiveReadOnly'), String(m.recursiveReadOnly))));
        return;
      }
      if (m.readOnly !== true) out.push(onMount(i, enumRules.recursiveReadOnlyNeedsReadOnly.at(mountsAt('recursiveReadOnly'))));
      if (isSet(m.mountPropagation) && m.mountPropagation !== 'None') out.push(onMount(i, enumRules.recursiveReadOnlyPropagation.at(mountsAt('recursiveReadOnly'))));
    });
  }
  if (bad('preemptionPolicy', spec.preemptionPolicy)) out.push(enumRules.preemptionPolicy.at(`${base}.preemptionPolicy`, String(spec.preemptionPolicy)));
  if (isRecord(spec.os)) {
    const name = spec.os.name as unknown;
    // `validateOS` reports an unsupported name on `os` itself, a missing one on `os.name`
    if (!isSet(name) || name === '') out.push(enumRules.osNameRequired.at(`${base}.os.name`));
    else if (bad('osName', name)) out.push(enumRules.osName.at(`${base}.os`, String(name)));
  }
  if (Array.isArray(spec.volumes)) {
    spec.volumes.forEach((volume, i) => {
      const type = isRecord(volume) && isRecord(volume.hostPath) ? volume.hostPath.type : undefined;
      if (isSet(type) && !(POD_ENUMS.hostPathType as readonly unknown[]).includes(type)) out.push(enumRules.hostPathType.at(`${fieldPath(`${base}.volumes`, i)}.hostPath.type`, String(type)));
    });
  }
  const ctx = spec.securityContext;
  if (isRecord(ctx)) {
    if (bad('fsGroupChangePolicy', ctx.fsGroupChangePolicy)) out.push(enumRules.fsGroupChangePolicy.at(`${base}.securityContext.fsGroupChangePolicy`, String(ctx.fsGroupChangePolicy)));
    if (bad('supplementalGroupsPolicy', ctx.supplementalGroupsPolicy))
      out.push(enumRules.supplementalGroupsPolicy.at(`${base}.securityContext.supplementalGroupsPolicy`, String(ctx.supplementalGroupsPolicy)));
    if (bad('seLinuxChangePolicy', ctx.seLinuxChangePolicy)) out.push(enumRules.seLinuxChangePolicy.at(`${base}.securityContext.seLinuxChangePolicy`, String(ctx.seLinuxChangePolicy)));
  }
  if (Array.isArray(spec.tolerations)) for (const v of checkTolerations(spec.tolerations, `${base}.tolerations`)) out.push(v);
  return out;
}
