import { describe, expect, it } from 'vitest';
import type { Container, PodLike, PodSpec } from '../k8s';
import { checkPod } from './index';
import { checkSecurityContext, effectiveSecurityContext, securityContextRules as R } from './security-context';

const c = (securityContext?: Container['securityContext'], name = 'app'): Container => ({ name, image: 'busybox', securityContext });
const pod = (spec: Partial<PodSpec>, containers: Container[] = [c()]): PodLike => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers, ...spec } });
const found = (p: PodLike) => checkSecurityContext(p).map((v) => ({ rule: v.rule, path: v.path }));

const C0 = 'spec.containers[0].securityContext';

describe('checkSecurityContext: sysctl names, one finding each as validateSysctls reports', () => {
  const sysctls = (...names: string[]) => found(pod({ securityContext: { sysctls: names.map((name) => ({ name, value: '1' })) } }));

  it('reports a repeated invalid name as invalid only, and a repeated empty name as required only', () => {
    expect(sysctls('Net.Core', 'Net.Core', '', '')).toStrictEqual([
      { rule: R.sysctlNameInvalid.id, path: 'spec.securityContext.sysctls[0].name' },
      { rule: R.sysctlNameInvalid.id, path: 'spec.securityContext.sysctls[1].name' },
      { rule: R.sysctlNameRequired.id, path: 'spec.securityContext.sysctls[2].name' },
      { rule: R.sysctlNameRequired.id, path: 'spec.securityContext.sysctls[3].name' },
    ]);
  });

  it('passes two different valid names', () => {
    expect(sysctls('kernel.shm_rmid_forced', 'net.ipv4.tcp_syncookies')).toStrictEqual([]);
  });
});

describe('checkSecurityContext: fields written null are unset, as the API server decodes them', () => {
  const asWritten = <T>(value: unknown) => value as T;

  it.each([
    ['procMount', pod({}, [c({ procMount: asWritten<string>(null) })])],
    ['a RuntimeDefault seccomp profile\'s localhostProfile', pod({}, [c({ seccompProfile: { type: 'RuntimeDefault', localhostProfile: asWritten<string>(null) } })])],
    ['a RuntimeDefault AppArmor profile\'s localhostProfile', pod({ securityContext: { appArmorProfile: { type: 'RuntimeDefault', localhostProfile: asWritten<string>(null) } } })],
  ])('passes %s written null', (_what, input) => {
    expect(found(input)).toStrictEqual([]);
  });

  it.each([
    ['a Localhost seccomp profile without a profile (null)', pod({}, [c({ seccompProfile: { type: 'Localhost', localhostProfile: asWritten<string>(null) } })]), R.seccompLocalhostProfileRequired.id, `${C0}.seccompProfile.localhostProfile`],
    ['a seccomp type written null', pod({ securityContext: { seccompProfile: { type: asWritten<string>(null) } } }), R.seccompTypeRequired.id, 'spec.securityContext.seccompProfile.type'],
    ['an AppArmor type written null', pod({}, [c({ appArmorProfile: { type: asWritten<string>(null) } })]), R.appArmorTypeRequired.id, `${C0}.appArmorProfile.type`],
  ])('fails when %s, as when it is unset', (_what, input, rule, path) => {
    expect(found(input)).toStrictEqual([{ rule, path }]);
  });
});

describe('checkSecurityContext: failing inputs and their passing twins', () => {
  it.each([
    ['privileged with allowPrivilegeEscalation false', pod({}, [c({ privileged: true, allowPrivilegeEscalation: false })]), R.privilegedWithoutEscalation.id, C0],
    ['CAP_SYS_ADMIN with allowPrivilegeEscalation false', pod({}, [c({ allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } })]), R.capSysAdminWithoutEscalation.id, C0],
    ['container runAsUser is negative', pod({}, [c({ runAsUser: -1 })]), R.idOutOfRange.id, `${C0}.runAsUser`],
    ['container runAsGroup exceeds int32', pod({}, [c({ runAsGroup: 2147483648 })]), R.idOutOfRange.id, `${C0}.runAsGroup`],
    ['pod fsGroup is negative', pod({ securityContext: { fsGroup: -5 } }), R.idOutOfRange.id, 'spec.securityContext.fsGroup'],
    ['a supplemental group is out of range', pod({ securityContext: { supplementalGroups: [1, 2147483648] } }), R.idOutOfRange.id, 'spec.securityContext.supplementalGroups[1]'],
    ['procMount is unknown', pod({ hostUsers: false }, [c({ procMount: 'Masked' })]), R.procMountUnsupported.id, `${C0}.procMount`],
    ['procMount Unmasked without hostUsers false', pod({}, [c({ procMount: 'Unmasked' })]), R.procMountUnmaskedNeedsUserNamespace.id, `${C0}.procMount`],
    ['procMount Unmasked with hostUsers true', pod({ hostUsers: true }, [c({ procMount: 'Unmasked' })]), R.procMountUnmaskedNeedsUserNamespace.id, `${C0}.procMount`],
    ['seccomp type missing', pod({ securityContext: { seccompProfile: { type: '' } } }), R.seccompTypeRequired.id, 'spec.securityContext.seccompProfile.type'],
    ['seccomp type unknown', pod({}, [c({ seccompProfile: { type: 'Default' } })]), R.seccompTypeUnsupported.id, `${C0}.seccompProfile.type`],
    ['seccomp Localhost without profile', pod({}, [c({ seccompProfile: { type: 'Localhost' } })]), R.seccompLocalhostProfileRequired.id, `${C0}.seccompProfile.localhostProfile`],
    ['seccomp profile with RuntimeDefault', pod({}, [c({ seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'a.json' } })]), R.seccompLocalhostProfileNotLocalhost.id, `${C0}.seccompProfile.localhostProfile`],
    ['seccomp profile absolute', pod({}, [c({ seccompProfile: { type: 'Localhost', localhostProfile: '/etc/p.json' } })]), R.seccompLocalhostProfilePath.id, `${C0}.seccompProfile.localhostProfile`],
    ['seccomp profile climbs out', pod({}, [c({ seccompProfile: { type: 'Localhost', localhostProfile: 'my/../../p.json' } })]), R.seccompLocalhostProfilePath.id, `${C0}.seccompProfile.localhostProfile`],
    ['AppArmor type missing', pod({}, [c({ appArmorProfile: { type: '' } })]), R.appArmorTypeRequired.id, `${C0}.appArmorProfile.type`],
    ['AppArmor type unknown', pod({}, [c({ appArmorProfile: { type: 'unconfined' } })]), R.appArmorTypeUnsupported.id, `${C0}.appArmorProfile.type`],
    ['AppArmor Localhost with empty profile', pod({}, [c({ appArmorProfile: { type: 'Localhost', localhostProfile: '' } })]), R.appArmorLocalhostProfileRequired.id, `${C0}.appArmorProfile.localhostProfile`],
    ['AppArmor profile padded', pod({}, [c({ appArmorProfile: { type: 'Localhost', localhostProfile: ' deny-write' } })]), R.appArmorLocalhostProfilePadded.id, `${C0}.appArmorProfile.localhostProfile`],
    ['AppArmor profile too long', pod({}, [c({ appArmorProfile: { type: 'Localhost', localhostProfile: 'é'.repeat(2048) } })]), R.appArmorLocalhostProfileTooLong.id, `${C0}.appArmorProfile.localhostProfile`],
    ['AppArmor profile with Unconfined', pod({ securityContext: { appArmorProfile: { type: 'Unconfined', localhostProfile: 'x' } } }), R.appArmorLocalhostProfileNotLocalhost.id, 'spec.securityContext.appArmorProfile.localhostProfile'],
    ['shareProcessNamespace with hostPID', pod({ shareProcessNamespace: true, hostPID: true }), R.shareProcessNamespaceWithHostPid.id, 'spec.securityContext.shareProcessNamespace'],
    ['hostUsers false with hostNetwork', pod({ hostUsers: false, hostNetwork: true }), R.hostNamespaceWithUserNamespace.id, 'spec.hostNetwork'],
    ['hostUsers false with hostPID', pod({ hostUsers: false, hostPID: true }), R.hostNamespaceWithUserNamespace.id, 'spec.HostPID'],
    ['hostUsers false with hostIPC', pod({ hostUsers: false, hostIPC: true }), R.hostNamespaceWithUserNamespace.id, 'spec.HostIPC'],
    ['sysctl name invalid', pod({ securityContext: { sysctls: [{ name: 'Net.Core', value: '1' }] } }), R.sysctlNameInvalid.id, 'spec.securityContext.sysctls[0].name'],
    ['sysctl name empty', pod({ securityContext: { sysctls: [{ name: '', value: '1' }] } }), R.sysctlNameRequired.id, 'spec.securityContext.sysctls[0].name'],
    ['sysctl duplicated', pod({ securityContext: { sysctls: [{ name: 'kernel.shm_rmid_forced', value: '0' }, { name: 'kernel.shm_rmid_forced', value: '1' }] } }), R.sysctlDuplicate.id, 'spec.securityContext.sysctls[1].name'],
    ['net sysctl with hostNetwork', pod({ hostNetwork: true, securityContext: { sysctls: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }] } }), R.sysctlHostNamespace.id, 'spec.securityContext.sysctls[0].name'],
    ['IPC sysctl with hostIPC', pod({ hostIPC: true, securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '1' }] } }), R.sysctlHostNamespace.id, 'spec.securityContext.sysctls[0].name'],
    ['windowsOptions on a linux pod', pod({ os: { name: 'linux' } }, [c({ windowsOptions: { runAsUserName: 'x' } })]), R.windowsOptionsOnLinuxPod.id, `${C0}.windowsOptions`],
    ['runAsUser on a windows pod', pod({ os: { name: 'windows' }, securityContext: { runAsUser: 1000 } }), R.forbiddenOnWindowsPod.id, 'spec.securityContext.runAsUser'],
    ['hostPID on a windows pod', pod({ os: { name: 'windows' }, hostPID: true }), R.forbiddenOnWindowsPod.id, 'spec.securityContext.hostPID'],
    ['hostUsers false on a windows pod', pod({ os: { name: 'windows' }, hostUsers: false }), R.forbiddenOnWindowsPod.id, 'spec.securityContext.hostUsers'],
    ['capabilities on a windows container', pod({ os: { name: 'windows' } }, [c({ capabilities: { add: ['NET_ADMIN'] } })]), R.forbiddenOnWindowsPod.id, `${C0}.capabilities`],
    ['CAP_-prefixed capability (ours)', pod({}, [c({ capabilities: { add: ['CAP_SYS_TIME'] } })]), R.capabilityPrefix.id, `${C0}.capabilities.add[0]`],
    ['CAP_-prefixed dropped capability (ours)', pod({}, [c({ capabilities: { drop: ['ALL', 'cap_net_raw'] } })]), R.capabilityPrefix.id, `${C0}.capabilities.drop[1]`],
    ['runAsNonRoot with runAsUser 0 (ours)', pod({ securityContext: { runAsNonRoot: true } }, [c({ runAsUser: 0 })]), R.runAsNonRootWithRootUser.id, `${C0}.runAsUser`],
    ['runAsNonRoot with pod-level runAsUser 0 (ours)', pod({ securityContext: { runAsNonRoot: true, runAsUser: 0 } }), R.runAsNonRootWithRootUser.id, 'spec.securityContext.runAsUser'],
    ['SYS_ADMIN with allowPrivilegeEscalation false (ours)', pod({}, [c({ allowPrivilegeEscalation: false, capabilities: { add: ['SYS_ADMIN'] } })]), R.sysAdminWithoutEscalation.id, `${C0}.allowPrivilegeEscalation`],
    ['hostProcess on a pod without hostNetwork', pod({ os: { name: 'windows' }, securityContext: { windowsOptions: { hostProcess: true } } }), R.hostProcessNeedsHostNetwork.id, 'spec.hostNetwork'],
  ])('fails when %s', (_name, input, rule, path) => {
    expect(found(input)).toContainEqual({ rule, path });
  });

  it.each([
    ['privileged without allowPrivilegeEscalation', pod({}, [c({ privileged: true })])],
    ['SYS_ADMIN without allowPrivilegeEscalation', pod({}, [c({ capabilities: { add: ['SYS_ADMIN'] } })])],
    ['ids at the bounds', pod({ securityContext: { runAsUser: 0, runAsGroup: 2147483647, fsGroup: 0, supplementalGroups: [0, 2147483647] } })],
    ['procMount Unmasked with hostUsers false', pod({ hostUsers: false }, [c({ procMount: 'Unmasked' })])],
    ['procMount Default', pod({}, [c({ procMount: 'Default' })])],
    ['seccomp Localhost with a relative profile', pod({}, [c({ seccompProfile: { type: 'Localhost', localhostProfile: 'my-profiles/profile-allow.json' } })])],
    ['seccomp profile with two dots inside a name', pod({}, [c({ seccompProfile: { type: 'Localhost', localhostProfile: 'my..profiles/p.json' } })])],
    ['seccomp RuntimeDefault', pod({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } } })],
    ['AppArmor Localhost with a profile', pod({}, [c({ appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-apparmor-example-deny-write' } })])],
    ['AppArmor profile of 4095 bytes', pod({}, [c({ appArmorProfile: { type: 'Localhost', localhostProfile: 'a'.repeat(4095) } })])],
    ['shareProcessNamespace alone', pod({ shareProcessNamespace: true })],
    ['hostUsers false alone', pod({ hostUsers: false, hostNetwork: false })],
    ['safe sysctls', pod({ securityContext: { sysctls: [{ name: 'kernel.shm_rmid_forced', value: '0' }, { name: 'net.ipv4.route/min_pmtu', value: '1000' }] } })],
    ['net sysctl without hostNetwork', pod({ securityContext: { sysctls: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }] } })],
    ['windowsOptions on a pod without os', pod({}, [c({ windowsOptions: { gmsaCredentialSpecName: 'gmsa-webapp1' } })])],
    ['windowsOptions on a windows pod', pod({ os: { name: 'windows' }, securityContext: { windowsOptions: { gmsaCredentialSpecName: 'x' } } })],
    ['runAsUser on a linux pod', pod({ os: { name: 'linux' }, securityContext: { runAsUser: 1000 } })],
    ['hostPID false on a windows pod', pod({ os: { name: 'windows' }, hostPID: false, hostIPC: false })],
    ['capability names without CAP_', pod({}, [c({ capabilities: { add: ['NET_ADMIN', 'SYS_TIME'], drop: ['ALL'] } })])],
    ['runAsNonRoot with a container user overriding pod root', pod({ securityContext: { runAsNonRoot: true, runAsUser: 0 } }, [c({ runAsUser: 1000 })])],
    ['hostProcess with hostNetwork', pod({ os: { name: 'windows' }, hostNetwork: true, securityContext: { windowsOptions: { hostProcess: true } } })],
  ])('passes when %s', (_name, input) => {
    expect(found(input)).toEqual([]);
  });
});

describe('security-context edge cases', () => {
  it('reports every windows-only violation of a pod at once', () => {
    const p = pod({ os: { name: 'windows' }, hostIPC: true, shareProcessNamespace: true, securityContext: { fsGroup: 1, sysctls: [] } }, [c({ privileged: false, procMount: 'Default' })]);
    expect(found(p).filter((v) => v.rule === R.forbiddenOnWindowsPod.id).map((v) => v.path)).toEqual([
      'spec.securityContext.fsGroup',
      'spec.securityContext.sysctls',
      'spec.securityContext.hostIPC',
      'spec.securityContext.shareProcessNamespace',
      `${C0}.privileged`,
      `${C0}.procMount`,
    ]);
  });

  it('fails when containers disagree on hostProcess and reports the mismatch with the pod value', () => {
    const p = pod({ os: { name: 'windows' }, hostNetwork: true, securityContext: { windowsOptions: { hostProcess: true } } }, [
      c({ windowsOptions: { hostProcess: false } }),
      c(undefined, 'b'),
    ]);
    const v = checkSecurityContext(p);
    expect(v.map((x) => ({ rule: x.rule, path: x.path }))).toEqual([
      { rule: R.hostProcessMismatch.id, path: `${C0}.windowsOptions.hostProcess` },
      { rule: R.hostProcessAllOrNone.id, path: 'spec' },
    ]);
    expect(v[0]!.message).toBe(R.hostProcessMismatch.message(false, true));
  });

  it('uses the API server wording and says what to write instead of a CAP_ name', () => {
    const [v] = checkSecurityContext(pod({}, [c({ capabilities: { add: ['CAP_SYS_TIME'] } })]));
    expect(v).toMatchObject({ severity: 'warning', message: R.capabilityPrefix.message('CAP_SYS_TIME', 'SYS_TIME') });
    expect(v!.message).toContain('write "SYS_TIME"');
    expect(R.idOutOfRange.message(-1)).toBe('Invalid value: -1: must be between 0 and 2147483647, inclusive');
    expect(R.procMountUnmaskedNeedsUserNamespace.message()).toBe('Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`');
  });

  it('CAP_SYS_ADMIN gives both the API error and our spelling warning', () => {
    const rules = found(pod({}, [c({ allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } })])).map((v) => v.rule);
    expect(rules).toEqual([R.capSysAdminWithoutEscalation.id, R.capabilityPrefix.id]);
  });

  it('checks init and ephemeral containers and pod templates at their own paths', () => {
    const p: PodLike = { spec: { containers: [c()], initContainers: [c({ runAsUser: -1 }, 'init')], ephemeralContainers: [c({ procMount: 'x' }, 'debug')] } };
    expect(checkSecurityContext(p, 'spec.template.spec').map((v) => v.path)).toEqual([
      'spec.template.spec.initContainers[0].securityContext.runAsUser',
      'spec.template.spec.ephemeralContainers[0].securityContext.procMount',
    ]);
  });

  it('is part of checkPod', () => {
    expect(checkPod(pod({ shareProcessNamespace: true, hostPID: true })).map((v) => v.rule)).toContain(R.shareProcessNamespaceWithHostPid.id);
  });

  it('tolerates string-typed values read from files', () => {
    const p = JSON.parse('{"spec":{"containers":[{"name":"a","image":"b","securityContext":{"runAsUser":"0","capabilities":{"add":[1,"CAP_CHOWN"]}}}]}}') as PodLike;
    expect(found(p)).toEqual([{ rule: R.capabilityPrefix.id, path: `${C0}.capabilities.add[1]` }]);
  });
});

describe('effectiveSecurityContext', () => {
  const p = pod(
    {
      securityContext: {
        runAsUser: 1000,
        runAsGroup: 3000,
        seccompProfile: { type: 'RuntimeDefault' },
        windowsOptions: { gmsaCredentialSpecName: 'pod-spec', runAsUserName: 'pod-user' },
        fsGroup: 2000,
      },
    },
    [c({ runAsUser: 2000, allowPrivilegeEscalation: false, windowsOptions: { gmsaCredentialSpecName: 'own-spec' } }, 'sec-ctx-demo-2'), c(undefined, 'plain')],
  );

  it('lets the container override the pod per field', () => {
    expect(effectiveSecurityContext(p, 'sec-ctx-demo-2')).toEqual({
      runAsUser: 2000,
      runAsGroup: 3000,
      allowPrivilegeEscalation: false,
      seccompProfile: { type: 'RuntimeDefault' },
      windowsOptions: { gmsaCredentialSpecName: 'own-spec', runAsUserName: 'pod-user' },
    });
  });

  it('gives the pod values to a container that sets none, without pod-only fields', () => {
    const e = effectiveSecurityContext(p, 'plain');
    expect(e).toMatchObject({ runAsUser: 1000, runAsGroup: 3000 });
    expect(e).not.toHaveProperty('fsGroup');
  });

  it('is undefined for an unknown container', () => {
    expect(effectiveSecurityContext(p, 'nope')).toBeUndefined();
  });
});
