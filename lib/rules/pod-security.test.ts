import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { podSpecOf, type Container, type KubeObject, type PodLike, type PodSpec } from '../k8s';
import { checkPodSecurity, podSecurityLevelOf, podSecurityRules as R } from './pod-security';

const REF = join(__dirname, '..', '..', 'snapshots', 'reference', 'manifests');
const load = (file: string): PodLike => podSpecOf(parse(readFileSync(join(REF, file), 'utf8')) as KubeObject)!.pod;

/** A pod that passes the restricted level; each case below breaks one check of it. */
const hardened = (): Container => ({
  name: 'app',
  image: 'busybox',
  securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
});
const pod = (spec: Partial<PodSpec> = {}, containers: Container[] = [hardened()]): PodLike => ({ metadata: { name: 'p' }, spec: { containers, ...spec } });
const withContext = (sc: Container['securityContext']) => pod({}, [{ ...hardened(), securityContext: { ...hardened().securityContext, ...sc } }]);
const rulesOf = (p: PodLike, level: 'baseline' | 'restricted') => checkPodSecurity(p, level).map((v) => v.rule);

describe('checkPodSecurity on the docs’ own manifests', () => {
  it.each([
    ['security-context/security-context.yaml', 'baseline'],
    ['security-context/security-context-2.yaml', 'baseline'],
    ['security-context/security-context-3.yaml', 'baseline'],
    ['security-context/security-context-4.yaml', 'privileged'],
    ['security-context/security-context-5.yaml', 'baseline'],
    ['security-context/security-context-6.yaml', 'baseline'],
    ['share-process-namespace/share-process-namespace.yaml', 'privileged'],
    ['configure-gmsa/inline-deployment-with-creds-pod-gmsa.yaml', 'baseline'],
    ['configure-gmsa/inline-deployment-with-creds-container-gmsa.yaml', 'baseline'],
  ])('%s is at most %s', (file, level) => {
    expect(podSecurityLevelOf(load(file))).toBe(level);
  });

  it('names the capabilities that take security-context-4 out of baseline', () => {
    const [v] = checkPodSecurity(load('security-context/security-context-4.yaml'), 'baseline');
    expect(v).toMatchObject({ rule: R.capabilitiesBaseline.id, path: 'spec' });
    expect(v!.message).toBe(
      'violates PodSecurity "baseline:latest": non-default capabilities (container "sec-ctx-4" must not include "NET_ADMIN", "SYS_TIME" in securityContext.capabilities.add)',
    );
  });

  it('lists every restricted check security-context.yaml fails', () => {
    expect(rulesOf(load('security-context/security-context.yaml'), 'restricted')).toEqual([R.runAsNonRoot.id, R.seccompProfileRestricted.id, R.capabilitiesRestricted.id]);
  });

  it('reports the pod-template path of a Deployment', () => {
    const obj = parse(readFileSync(join(REF, 'configure-gmsa/inline-deployment-with-creds-pod-gmsa.yaml'), 'utf8')) as KubeObject;
    const { pod: p, base } = podSpecOf(obj)!;
    expect(checkPodSecurity(p, 'restricted', base).every((v) => v.path === 'spec.template.spec')).toBe(true);
  });
});

describe('checkPodSecurity, check by check', () => {
  it('passes the hardened pod at both levels', () => {
    expect(rulesOf(pod(), 'restricted')).toEqual([]);
    expect(rulesOf(pod(), 'baseline')).toEqual([]);
  });

  it.each([
    ['hostProcess', pod({ securityContext: { windowsOptions: { hostProcess: true } } }), R.windowsHostProcess.id],
    ['hostNetwork', pod({ hostNetwork: true }), R.hostNamespaces.id],
    ['hostPID', pod({ hostPID: true }), R.hostNamespaces.id],
    ['hostIPC', pod({ hostIPC: true }), R.hostNamespaces.id],
    ['privileged', withContext({ privileged: true }), R.privileged.id],
    ['a capability beyond the default set', pod({}, [{ name: 'a', image: 'b', securityContext: { capabilities: { add: ['NET_RAW'] } } }]), R.capabilitiesBaseline.id],
    ['a hostPath volume', pod({ volumes: [{ name: 'h', hostPath: { path: '/' } }] }), R.hostPathVolumes.id],
    ['a hostPort', pod({}, [{ ...hardened(), ports: [{ containerPort: 80, hostPort: 8080 }] }]), R.hostPorts.id],
    ['a probe host', pod({}, [{ ...hardened(), livenessProbe: { httpGet: { port: 80, host: '10.0.0.1' } } }]), R.hostProbesAndHostLifecycle.id],
    ['a lifecycle host', pod({}, [{ ...hardened(), lifecycle: { preStop: { tcpSocket: { port: 80, host: 'example.com' } } } }]), R.hostProbesAndHostLifecycle.id],
    ['AppArmor Unconfined', withContext({ appArmorProfile: { type: 'Unconfined' } }), R.appArmorProfile.id],
    ['an AppArmor annotation', { ...pod(), metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } } }, R.appArmorProfile.id],
    ['an SELinux type', withContext({ seLinuxOptions: { type: 'spc_t' } }), R.seLinuxOptions.id],
    ['an SELinux user', pod({ securityContext: { seLinuxOptions: { user: 'system_u' } } }), R.seLinuxOptions.id],
    ['procMount Unmasked', pod({ hostUsers: false }, [{ ...hardened(), securityContext: { ...hardened().securityContext, procMount: 'Unmasked' } }]), R.procMountBaseline.id],
    ['seccomp Unconfined', pod({ securityContext: { seccompProfile: { type: 'Unconfined' } } }, [{ name: 'a', image: 'b' }]), R.seccompProfileBaseline.id],
    ['an unsafe sysctl', pod({ securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '1' }] } }), R.sysctls.id],
  ])('baseline fails when %s', (_name, input, rule) => {
    expect(rulesOf(input, 'baseline')).toContain(rule);
  });

  it.each([
    ['a capability of the default set', pod({}, [{ name: 'a', image: 'b', securityContext: { capabilities: { add: ['CHOWN', 'NET_BIND_SERVICE'] } } }])],
    ['hostPort 0', pod({}, [{ ...hardened(), ports: [{ containerPort: 80, hostPort: 0 }] }])],
    ['an empty probe host', pod({}, [{ ...hardened(), readinessProbe: { httpGet: { port: 80, host: '' } } }])],
    ['AppArmor Localhost', withContext({ appArmorProfile: { type: 'Localhost', localhostProfile: 'p' } })],
    ['an allowed SELinux type and level', withContext({ seLinuxOptions: { type: 'container_init_t', level: 's0:c123,c456' } })],
    ['procMount Default', withContext({ procMount: 'Default' })],
    ['seccomp Localhost', withContext({ seccompProfile: { type: 'Localhost', localhostProfile: 'my-profiles/profile-allow.json' } })],
    ['safe sysctls', pod({ securityContext: { sysctls: [{ name: 'net.ipv4.tcp_rmem', value: '4096 87380 6291456' }, { name: 'kernel.shm_rmid_forced', value: '1' }] } })],
    ['hostProcess false', pod({ securityContext: { windowsOptions: { hostProcess: false } } })],
  ])('baseline passes when %s', (_name, input) => {
    expect(rulesOf(input, 'baseline')).toEqual([]);
  });

  it.each([
    ['a hostPath volume (restricted volume types replace hostPathVolumes)', pod({ volumes: [{ name: 'h', hostPath: { path: '/' } }] }), R.restrictedVolumes.id],
    ['an nfs volume', pod({ volumes: [{ name: 'n', nfs: { server: 's', path: '/' } }] }), R.restrictedVolumes.id],
    ['allowPrivilegeEscalation unset', withContext({ allowPrivilegeEscalation: undefined }), R.allowPrivilegeEscalation.id],
    ['runAsNonRoot unset', withContext({ runAsNonRoot: undefined }), R.runAsNonRoot.id],
    ['runAsNonRoot false in a container despite the pod', pod({ securityContext: { runAsNonRoot: true } }, [{ ...hardened(), securityContext: { ...hardened().securityContext, runAsNonRoot: false } }]), R.runAsNonRoot.id],
    ['runAsUser 0', withContext({ runAsUser: 0 }), R.runAsUser.id],
    ['seccomp unset', withContext({ seccompProfile: undefined }), R.seccompProfileRestricted.id],
    ['drop ALL missing', withContext({ capabilities: { drop: ['NET_RAW'] } }), R.capabilitiesRestricted.id],
    ['a capability other than NET_BIND_SERVICE added', withContext({ capabilities: { drop: ['ALL'], add: ['CHOWN'] } }), R.capabilitiesRestricted.id],
    ['procMount Unmasked', withContext({ procMount: 'Unmasked' }), R.procMountRestricted.id],
  ])('restricted fails when %s', (_name, input, rule) => {
    expect(rulesOf(input, 'restricted')).toContain(rule);
  });

  it.each([
    ['volumes of allowed types', pod({ volumes: [{ name: 'e', emptyDir: {} }, { name: 'c', configMap: { name: 'x' } }, { name: 'p', persistentVolumeClaim: { claimName: 'c' } }] })],
    ['runAsNonRoot at pod level only', pod({ securityContext: { runAsNonRoot: true } }, [{ ...hardened(), securityContext: { ...hardened().securityContext, runAsNonRoot: undefined } }])],
    ['seccomp at pod level only', pod({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }, [{ ...hardened(), securityContext: { ...hardened().securityContext, seccompProfile: undefined } }])],
    ['NET_BIND_SERVICE added', withContext({ capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } })],
    ['a non-zero runAsUser', withContext({ runAsUser: 1000 })],
    ['a windows pod without Linux-only settings', pod({ os: { name: 'windows' } }, [{ name: 'iis', image: 'iis', securityContext: { runAsNonRoot: true } }])],
  ])('restricted passes when %s', (_name, input) => {
    expect(rulesOf(input, 'restricted')).toEqual([]);
  });

  it('does not report the baseline checks a restricted check replaces', () => {
    const p = pod({ volumes: [{ name: 'h', hostPath: { path: '/' } }] });
    expect(rulesOf(p, 'restricted')).not.toContain(R.hostPathVolumes.id);
    expect(rulesOf(p, 'baseline')).toEqual([R.hostPathVolumes.id]);
  });

  it('relaxes runAsNonRoot, runAsUser and baseline procMount for user-namespaced pods only when the cluster opted in', () => {
    const p = pod({ hostUsers: false }, [{ ...hardened(), securityContext: { ...hardened().securityContext, runAsNonRoot: undefined, runAsUser: 0, procMount: 'Unmasked' } }]);
    expect(checkPodSecurity(p, 'baseline', 'spec', { relaxPolicyForUserNamespacePods: true })).toEqual([]);
    expect(checkPodSecurity(p, 'restricted', 'spec', { relaxPolicyForUserNamespacePods: true }).map((v) => v.rule)).toEqual([R.procMountRestricted.id]);
    expect(rulesOf(p, 'restricted')).toEqual([R.runAsNonRoot.id, R.runAsUser.id, R.procMountRestricted.id]);
  });

  it('words details like the admission controller', () => {
    const p = pod({ securityContext: { runAsUser: 0, seccompProfile: { type: 'Unconfined' } } }, [
      { name: 'a', image: 'i', ports: [{ containerPort: 1, hostPort: 80 }, { containerPort: 2, hostPort: 443 }] },
      { name: 'b', image: 'i', securityContext: { runAsUser: 0, seLinuxOptions: { type: 'spc_t', role: 'r' } } },
    ]);
    const byRule = Object.fromEntries(checkPodSecurity(p, 'restricted').map((v) => [v.rule, v.message]));
    expect(byRule[R.hostPorts.id]).toBe('violates PodSecurity "restricted:latest": hostPort (container "a" uses hostPorts 443, 80)');
    expect(byRule[R.runAsUser.id]).toBe('violates PodSecurity "restricted:latest": runAsUser=0 (pod and container "b" must not set runAsUser=0)');
    expect(byRule[R.seccompProfileRestricted.id]).toBe('violates PodSecurity "restricted:latest": seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")');
    expect(byRule[R.seLinuxOptions.id]).toBe(
      'violates PodSecurity "restricted:latest": seLinuxOptions (container "b" set forbidden securityContext.seLinuxOptions: type "spc_t"; role may not be set)',
    );
    expect(byRule[R.capabilitiesRestricted.id]).toBe(
      'violates PodSecurity "restricted:latest": unrestricted capabilities (containers "a", "b" must set securityContext.capabilities.drop=["ALL"])',
    );
  });
});
