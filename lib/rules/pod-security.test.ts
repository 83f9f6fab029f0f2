import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { podSpecOf, type Container, type KubeObject, type PodLike, type PodSpec } from '../k8s';
import {
  aggregatePodSecurityMessage,
  checkPodSecurity,
  checkPodSecurityOf,
  LATEST_POD_SECURITY_VERSION,
  parsePodSecurityPolicy,
  PodSecurityPolicyError,
  podSecurityLevelOf,
  podSecurityMessage,
  podSecurityRules as R,
  SAFE_SYSCTLS,
} from './pod-security';

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
/** A pod read from YAML: any value, including explicit nulls. */
const fromYaml = (text: string): PodLike => parse(text) as PodLike;
const found = (p: PodLike, policy: string) => checkPodSecurity(p, policy).map((v) => ({ rule: v.rule, path: v.path }));
const rulesOf = (p: PodLike, policy: string) => checkPodSecurity(p, policy).map((v) => v.rule);

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

  it('names the capabilities that take security-context-4 out of baseline, at the first one added', () => {
    const [v] = checkPodSecurity(load('security-context/security-context-4.yaml'), 'baseline');
    expect(v).toMatchObject({ rule: R.capabilitiesBaseline.id, path: 'spec.containers[0].securityContext.capabilities.add[0]', check: 'capabilities_baseline', policy: 'baseline:latest' });
    expect(v!.message).toBe(
      'violates PodSecurity "baseline:latest": non-default capabilities (container "sec-ctx-4" must not include "NET_ADMIN", "SYS_TIME" in securityContext.capabilities.add); check capabilities_baseline',
    );
  });

  it('lists every restricted check security-context.yaml fails, in the admission controller’s order', () => {
    expect(rulesOf(load('security-context/security-context.yaml'), 'restricted')).toEqual([R.capabilitiesRestricted.id, R.runAsNonRoot.id, R.seccompProfileRestricted.id]);
  });
});

describe('the pod template of workload kinds', () => {
  const template = { metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } }, spec: { hostNetwork: true, containers: [hardened()] } };
  it.each([
    ['Deployment', { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template } }, 'spec.template'],
    ['CronJob', { apiVersion: 'batch/v1', kind: 'CronJob', spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } } }, 'spec.jobTemplate.spec.template'],
  ])('fails when a %s’s template breaks baseline, at the template’s paths', (_kind, obj, at) => {
    expect(checkPodSecurityOf(obj as KubeObject, 'baseline').map((v) => ({ rule: v.rule, path: v.path }))).toEqual([
      { rule: R.appArmorProfile.id, path: `${at}.metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]` },
      { rule: R.hostNamespaces.id, path: `${at}.spec.hostNetwork` },
    ]);
  });

  it('passes a Deployment whose template is restricted, and ignores objects without a pod spec', () => {
    expect(checkPodSecurityOf({ kind: 'Deployment', spec: { template: { spec: { containers: [hardened()] } } } }, 'restricted')).toEqual([]);
    expect(checkPodSecurityOf({ kind: 'ConfigMap', data: {} }, 'restricted')).toEqual([]);
  });
});

describe('checkPodSecurity, check by check (latest)', () => {
  it('passes the hardened pod at both levels', () => {
    expect(rulesOf(pod(), 'restricted')).toEqual([]);
    expect(rulesOf(pod(), 'baseline')).toEqual([]);
  });

  it.each([
    ['hostProcess', pod({ securityContext: { windowsOptions: { hostProcess: true } } }), R.windowsHostProcess.id, 'spec.securityContext.windowsOptions.hostProcess'],
    ['hostNetwork', pod({ hostNetwork: true }), R.hostNamespaces.id, 'spec.hostNetwork'],
    ['hostPID', pod({ hostPID: true }), R.hostNamespaces.id, 'spec.hostPID'],
    ['hostIPC', pod({ hostIPC: true }), R.hostNamespaces.id, 'spec.hostIPC'],
    ['privileged', withContext({ privileged: true }), R.privileged.id, 'spec.containers[0].securityContext.privileged'],
    ['a capability beyond the default set', pod({}, [{ name: 'a', image: 'b', securityContext: { capabilities: { add: ['CHOWN', 'NET_RAW'] } } }]), R.capabilitiesBaseline.id, 'spec.containers[0].securityContext.capabilities.add[1]'],
    ['a hostPath volume', pod({ volumes: [{ name: 'e', emptyDir: {} }, { name: 'h', hostPath: { path: '/' } }] }), R.hostPathVolumes.id, 'spec.volumes[1].hostPath'],
    ['a hostPort', pod({}, [{ ...hardened(), ports: [{ containerPort: 80 }, { containerPort: 81, hostPort: 8080 }] }]), R.hostPorts.id, 'spec.containers[0].ports[1].hostPort'],
    ['a probe host', pod({}, [{ ...hardened(), livenessProbe: { httpGet: { port: 80, host: '10.0.0.1' } } }]), R.hostProbesAndHostLifecycle.id, 'spec.containers[0].livenessProbe.httpGet.host'],
    ['a lifecycle host', pod({}, [{ ...hardened(), lifecycle: { preStop: { tcpSocket: { port: 80, host: 'example.com' } } } }]), R.hostProbesAndHostLifecycle.id, 'spec.containers[0].lifecycle.preStop.tcpSocket.host'],
    ['AppArmor Unconfined', withContext({ appArmorProfile: { type: 'Unconfined' } }), R.appArmorProfile.id, 'spec.containers[0].securityContext.appArmorProfile.type'],
    ['an AppArmor annotation', { ...pod(), metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } } }, R.appArmorProfile.id, 'metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]'],
    ['an SELinux type', withContext({ seLinuxOptions: { type: 'spc_t' } }), R.seLinuxOptions.id, 'spec.containers[0].securityContext.seLinuxOptions.type'],
    ['an SELinux user', pod({ securityContext: { seLinuxOptions: { user: 'system_u' } } }), R.seLinuxOptions.id, 'spec.securityContext.seLinuxOptions.user'],
    ['procMount Unmasked in the host user namespace', withContext({ procMount: 'Unmasked' }), R.procMountBaseline.id, 'spec.containers[0].securityContext.procMount'],
    ['seccomp Unconfined', pod({ securityContext: { seccompProfile: { type: 'Unconfined' } } }, [{ name: 'a', image: 'b' }]), R.seccompProfileBaseline.id, 'spec.securityContext.seccompProfile.type'],
    ['an unsafe sysctl', pod({ securityContext: { sysctls: [{ name: 'kernel.shm_rmid_forced', value: '1' }, { name: 'kernel.msgmax', value: '1' }] } }), R.sysctls.id, 'spec.securityContext.sysctls[1].name'],
  ])('baseline fails when %s', (_name, input, rule, path) => {
    expect(found(input, 'baseline')).toContainEqual({ rule, path });
  });

  it.each([
    ['a capability of the default set', pod({}, [{ name: 'a', image: 'b', securityContext: { capabilities: { add: ['CHOWN', 'NET_BIND_SERVICE'] } } }])],
    ['hostPort 0', pod({}, [{ ...hardened(), ports: [{ containerPort: 80, hostPort: 0 }] }])],
    ['an empty probe host', pod({}, [{ ...hardened(), readinessProbe: { httpGet: { port: 80, host: '' } } }])],
    ['AppArmor Localhost', withContext({ appArmorProfile: { type: 'Localhost', localhostProfile: 'p' } })],
    ['an allowed AppArmor annotation', { ...pod(), metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'localhost/p' } } }],
    ['an allowed SELinux type and level', withContext({ seLinuxOptions: { type: 'container_init_t', level: 's0:c123,c456' } })],
    ['procMount Default', withContext({ procMount: 'Default' })],
    ['procMount Unmasked in the pod’s own user namespace', pod({ hostUsers: false }, [{ ...hardened(), securityContext: { ...hardened().securityContext, procMount: 'Unmasked' } }])],
    ['seccomp Localhost', withContext({ seccompProfile: { type: 'Localhost', localhostProfile: 'my-profiles/profile-allow.json' } })],
    ['safe sysctls', pod({ securityContext: { sysctls: [{ name: 'net.ipv4.tcp_rmem', value: '4096 87380 6291456' }, { name: 'net.ipv4.tcp_notsent_lowat', value: '16384' }] } })],
    ['hostProcess false', pod({ securityContext: { windowsOptions: { hostProcess: false } } })],
  ])('baseline passes when %s', (_name, input) => {
    expect(rulesOf(input, 'baseline')).toEqual([]);
  });

  it.each([
    ['a hostPath volume (restricted volume types replace hostPathVolumes)', pod({ volumes: [{ name: 'h', hostPath: { path: '/' } }] }), R.restrictedVolumes.id, 'spec.volumes[0].hostPath'],
    ['an nfs volume', pod({ volumes: [{ name: 'n', nfs: { server: 's', path: '/' } }] }), R.restrictedVolumes.id, 'spec.volumes[0].nfs'],
    ['allowPrivilegeEscalation unset', withContext({ allowPrivilegeEscalation: undefined }), R.allowPrivilegeEscalation.id, 'spec.containers[0].securityContext.allowPrivilegeEscalation'],
    ['runAsNonRoot unset', withContext({ runAsNonRoot: undefined }), R.runAsNonRoot.id, 'spec.securityContext.runAsNonRoot'],
    ['runAsNonRoot false in a container despite the pod', pod({ securityContext: { runAsNonRoot: true } }, [{ ...hardened(), securityContext: { ...hardened().securityContext, runAsNonRoot: false } }]), R.runAsNonRoot.id, 'spec.containers[0].securityContext.runAsNonRoot'],
    ['runAsUser 0', withContext({ runAsUser: 0 }), R.runAsUser.id, 'spec.containers[0].securityContext.runAsUser'],
    ['seccomp unset', withContext({ seccompProfile: undefined }), R.seccompProfileRestricted.id, 'spec.securityContext.seccompProfile'],
    ['drop ALL missing', withContext({ capabilities: { drop: ['NET_RAW'] } }), R.capabilitiesRestricted.id, 'spec.containers[0].securityContext.capabilities.drop'],
    ['a capability other than NET_BIND_SERVICE added', withContext({ capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE', 'CHOWN'] } }), R.capabilitiesRestricted.id, 'spec.containers[0].securityContext.capabilities.add[1]'],
    ['procMount Unmasked, even in the pod’s own user namespace', pod({ hostUsers: false }, [{ ...hardened(), securityContext: { ...hardened().securityContext, procMount: 'Unmasked' } }]), R.procMountRestricted.id, 'spec.containers[0].securityContext.procMount'],
  ])('restricted fails when %s', (_name, input, rule, path) => {
    expect(found(input, 'restricted')).toContainEqual({ rule, path });
  });

  it.each([
    ['volumes of allowed types', pod({ volumes: [{ name: 'e', emptyDir: {} }, { name: 'c', configMap: { name: 'x' } }, { name: 'p', persistentVolumeClaim: { claimName: 'c' } }] })],
    ['an image volume', pod({ volumes: [{ name: 'i', image: { reference: 'quay.io/crio/artifact:v2', pullPolicy: 'IfNotPresent' } }] })],
    ['a volume without a source (the API server makes it an emptyDir)', pod({ volumes: [{ name: 'v' }] })],
    ['runAsNonRoot at pod level only', pod({ securityContext: { runAsNonRoot: true } }, [{ ...hardened(), securityContext: { ...hardened().securityContext, runAsNonRoot: undefined } }])],
    ['seccomp at pod level only', pod({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }, [{ ...hardened(), securityContext: { ...hardened().securityContext, seccompProfile: undefined } }])],
    ['NET_BIND_SERVICE added', withContext({ capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } })],
    ['a non-zero runAsUser', withContext({ runAsUser: 1000 })],
    ['runAsUser 0 and no runAsNonRoot in the pod’s own user namespace', pod({ hostUsers: false }, [{ ...hardened(), securityContext: { ...hardened().securityContext, runAsNonRoot: undefined, runAsUser: 0 } }])],
    ['a windows pod without Linux-only settings', pod({ os: { name: 'windows' } }, [{ name: 'iis', image: 'iis', securityContext: { runAsNonRoot: true } }])],
  ])('restricted passes when %s', (_name, input) => {
    expect(rulesOf(input, 'restricted')).toEqual([]);
  });

  it('fails when a volume’s only source is a restricted one, but not when it has none', () => {
    expect(found(pod({ volumes: [{ name: 'v', gitRepo: { repository: 'r' } }] }), 'restricted')).toEqual([{ rule: R.restrictedVolumes.id, path: 'spec.volumes[0].gitRepo' }]);
    expect(found(pod({ volumes: [{ name: 'v' }] }), 'restricted')).toEqual([]);
  });

  it('does not report the baseline checks a restricted check replaces', () => {
    const p = pod({ volumes: [{ name: 'h', hostPath: { path: '/' } }] });
    expect(rulesOf(p, 'restricted')).not.toContain(R.hostPathVolumes.id);
    expect(rulesOf(p, 'baseline')).toEqual([R.hostPathVolumes.id]);
  });

  it('words reasons and details like the admission controller', () => {
    const p = pod({ hostNetwork: true, hostPID: true, hostIPC: true, securityContext: { runAsUser: 0, seccompProfile: { type: 'Unconfined' } }, volumes: [{ name: 'x', hostPath: { path: '/' } }] }, [
      { name: 'a', image: 'i', ports: [{ containerPort: 1, hostPort: 80 }, { containerPort: 2, hostPort: 443 }] },
      { name: 'b', image: 'i', securityContext: { runAsUser: 0, seLinuxOptions: { type: 'spc_t', role: 'r' } } },
    ]);
    const byRule = Object.fromEntries(checkPodSecurity(p, 'restricted').map((v) => [v.rule, v.message]));
    const m = (detail: string, check: string) => `violates PodSecurity "restricted:latest": ${detail}; check ${check}`;
    expect(byRule[R.hostNamespaces.id]).toBe(m('host namespaces (hostNetwork=true, hostPID=true, hostIPC=true)', 'hostNamespaces'));
    expect(byRule[R.restrictedVolumes.id]).toBe(m('restricted volume types (volume "x" uses restricted volume type "hostPath")', 'restrictedVolumes'));
    expect(byRule[R.hostPorts.id]).toBe(m('hostPort (container "a" uses hostPorts 443, 80)', 'hostPorts'));
    expect(byRule[R.runAsUser.id]).toBe(m('runAsUser=0 (pod and container "b" must not set runAsUser=0)', 'runAsUser'));
    expect(byRule[R.seccompProfileRestricted.id]).toBe(m('seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")', 'seccompProfile_restricted'));
    expect(byRule[R.seLinuxOptions.id]).toBe(m('seLinuxOptions (container "b" set forbidden securityContext.seLinuxOptions: type "spc_t"; role may not be set)', 'seLinuxOptions'));
    expect(byRule[R.capabilitiesRestricted.id]).toBe(m('unrestricted capabilities (containers "a", "b" must set securityContext.capabilities.drop=["ALL"])', 'capabilities_restricted'));
  });

  it('quotes AppArmor annotation values as Go’s %q does, sorted, after the field values', () => {
    const p: PodLike = {
      metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/f': 'unknown', 'container.apparmor.security.beta.kubernetes.io/e': 'un"confined\n' } },
      spec: { securityContext: { appArmorProfile: { type: 'Unconfined' } }, containers: [{ name: 'c', image: 'i' }] },
    };
    expect(checkPodSecurity(p, 'baseline')[0]!.message).toBe(
      'violates PodSecurity "baseline:latest": forbidden AppArmor profiles (pod and annotations must not set AppArmor profile type to "Unconfined", ' +
        '"container.apparmor.security.beta.kubernetes.io/e="un\\"confined\\n"", "container.apparmor.security.beta.kubernetes.io/f="unknown""); check appArmorProfile',
    );
  });
});

describe('explicit YAML nulls are absent fields, as the API server decodes them', () => {
  const yaml = (context: string) => `
metadata: { name: p }
spec:
  securityContext: { runAsNonRoot: true, ${context} }
  containers:
  - name: app
    image: busybox
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] }, ${context} }
`;
  it.each(['seccompProfile', 'seLinuxOptions', 'appArmorProfile'])('passes baseline when %s is null', (field) => {
    const p = fromYaml(yaml(`${field}: null`));
    expect(() => checkPodSecurity(p, 'baseline')).not.toThrow();
    expect(found(p, 'baseline')).toEqual([]);
  });

  it.each([
    ['seccompProfile', R.seccompProfileBaseline.id, 'spec.securityContext.seccompProfile.type'],
    ['seLinuxOptions', R.seLinuxOptions.id, 'spec.securityContext.seLinuxOptions.type'],
    ['appArmorProfile', R.appArmorProfile.id, 'spec.securityContext.appArmorProfile.type'],
  ])('fails baseline when %s is set to a forbidden type', (field, rule, path) => {
    expect(found(fromYaml(yaml(`${field}: { type: Unconfined }`)), 'baseline')).toEqual([{ rule, path }]);
  });

  it('fails restricted when the seccompProfile is null everywhere, as when it is unset', () => {
    expect(found(fromYaml(yaml('seccompProfile: null')), 'restricted')).toEqual([{ rule: R.seccompProfileRestricted.id, path: 'spec.securityContext.seccompProfile' }]);
  });

  it('treats null lists and objects as absent and values of the wrong shape as unset, without throwing', () => {
    const p = fromYaml('spec: { containers: [ { name: a, securityContext: null, ports: null }, null, 7 ], volumes: [ { name: v, hostPath: null } ], securityContext: { sysctls: null } }');
    expect(found(p, 'baseline')).toEqual([]);
    expect(() => checkPodSecurity(fromYaml('spec: null'), 'restricted')).not.toThrow();
    expect(() => checkPodSecurity({ spec: { containers: 'x' } } as unknown as PodLike, 'restricted')).not.toThrow();
  });
});

describe('policy versions', () => {
  const restrictedUpTo = (version: string, p: PodLike) => rulesOf(p, `restricted:${version}`);

  it('takes the version as a string or an object, and latest as the newest version this package knows', () => {
    const p = withContext({ runAsUser: 0 });
    expect(checkPodSecurity(p, { level: 'restricted', version: 'v1.30' }).map((v) => v.policy)).toEqual(['restricted:v1.30']);
    expect(checkPodSecurity(p, 'restricted:v1.30')[0]!.message).toMatch(/^violates PodSecurity "restricted:v1\.30": runAsUser=0 /);
    expect(checkPodSecurity(p, 'restricted')[0]!.policy).toBe('restricted:latest');
    expect(rulesOf(p, 'restricted:latest')).toEqual(rulesOf(p, `restricted:${LATEST_POD_SECURITY_VERSION}`));
    expect(checkPodSecurity(pod({ hostNetwork: true }), 'privileged:v1.0')).toEqual([]);
  });

  it('evaluates a version newer than the newest known one as the newest, as the admission controller does', () => {
    const p = pod({ securityContext: { sysctls: [{ name: 'net.ipv4.tcp_notsent_lowat', value: '1' }] } });
    expect(parsePodSecurityPolicy('baseline:v1.99')).toEqual({ ok: true, policy: { level: 'baseline', version: 'v1.99', minor: 37 } });
    expect(rulesOf(p, 'baseline:v1.99')).toEqual([]);
  });

  it.each([
    ['strict', 'level "strict": must be one of privileged, baseline, restricted'],
    ['Restricted', 'level "Restricted": must be one of privileged, baseline, restricted'],
    ['restricted:1.30', 'version "1.30": must be "latest" or "v1.x"'],
    ['restricted:v2.0', 'version "v2.0": must be "latest" or "v1.x"'],
    ['restricted:v1.01', 'version "v1.01": must be "latest" or "v1.x"'],
    ['restricted:', 'version "": must be "latest" or "v1.x"'],
  ])('fails with a clear error when the policy is %s', (policy, error) => {
    expect(parsePodSecurityPolicy(policy)).toEqual({ ok: false, error });
    expect(() => checkPodSecurity(pod(), policy)).toThrow(PodSecurityPolicyError);
    expect(() => checkPodSecurity(pod(), policy)).toThrow(`Pod Security policy: ${error}`);
  });

  it('grows the safe sysctls at 1.27, 1.29, 1.32 and 1.37', () => {
    const withSysctl = (name: string) => pod({ securityContext: { sysctls: [{ name, value: '1' }] } });
    for (const [name, since] of [['net.ipv4.ip_local_reserved_ports', 27], ['net.ipv4.tcp_keepalive_time', 29], ['net.ipv4.tcp_wmem', 32], ['net.ipv4.tcp_slow_start_after_idle', 37]] as const) {
      expect(rulesOf(withSysctl(name), `baseline:v1.${since - 1}`)).toEqual([R.sysctls.id]);
      expect(rulesOf(withSysctl(name), `baseline:v1.${since}`)).toEqual([]);
    }
    expect(SAFE_SYSCTLS.has('net.ipv4.tcp_notsent_lowat')).toBe(true);
  });

  it('relaxes procMount (baseline), runAsNonRoot and runAsUser for pods with hostUsers: false from 1.35', () => {
    const p = pod({ hostUsers: false }, [{ ...hardened(), securityContext: { ...hardened().securityContext, runAsNonRoot: undefined, runAsUser: 0, procMount: 'Unmasked' } }]);
    expect(rulesOf(p, 'baseline:v1.34')).toEqual([R.procMountBaseline.id]);
    expect(rulesOf(p, 'baseline:v1.35')).toEqual([]);
    expect(rulesOf(p, 'restricted:v1.34')).toEqual([R.procMountBaseline.id, R.runAsNonRoot.id, R.runAsUser.id]);
    expect(rulesOf(p, 'restricted:v1.35')).toEqual([R.procMountRestricted.id]);
    expect(rulesOf({ ...p, spec: { ...p.spec, hostUsers: true } }, 'baseline:v1.35')).toEqual([R.procMountBaseline.id]);
  });

  it('checks runAsUser from 1.23, drop ALL from 1.22 and allowPrivilegeEscalation from 1.8', () => {
    expect(restrictedUpTo('v1.22', withContext({ runAsUser: 0 }))).toEqual([]);
    expect(restrictedUpTo('v1.23', withContext({ runAsUser: 0 }))).toEqual([R.runAsUser.id]);
    const noDrop = withContext({ capabilities: { add: ['CHOWN'] } });
    expect(restrictedUpTo('v1.21', noDrop)).toEqual([]);
    expect(restrictedUpTo('v1.21', withContext({ capabilities: { add: ['NET_RAW'] } }))).toEqual([R.capabilitiesBaseline.id]);
    expect(restrictedUpTo('v1.22', noDrop)).toEqual([R.capabilitiesRestricted.id]);
    const escalating = withContext({ allowPrivilegeEscalation: true });
    expect(restrictedUpTo('v1.7', escalating)).toEqual([]);
    expect(restrictedUpTo('v1.8', escalating)).toEqual([R.allowPrivilegeEscalation.id]);
  });

  it('checks the seccomp alpha annotations until 1.18 and the seccompProfile fields from 1.19', () => {
    const annotated: PodLike = { metadata: { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/app': 'runtime/default' } }, spec: { containers: [{ name: 'app', image: 'i' }] } };
    const [v] = checkPodSecurity(annotated, 'baseline:v1.18');
    expect(v).toMatchObject({ rule: R.seccompProfileBaseline.id, path: 'metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]' });
    expect(v!.message).toBe('violates PodSecurity "baseline:v1.18": seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined"); check seccompProfile_baseline');
    expect(rulesOf(annotated, 'baseline:v1.19')).toEqual([]);
    const unconfined = pod({ securityContext: { seccompProfile: { type: 'Unconfined' } } });
    expect(rulesOf(unconfined, 'baseline:v1.18')).toEqual([]);
    expect(rulesOf(unconfined, 'baseline:v1.19')).toEqual([R.seccompProfileBaseline.id]);
    expect(rulesOf(withContext({ seccompProfile: undefined }), 'restricted:v1.18')).toEqual([]);
  });

  it('exempts pods with os.name windows from the Linux-only restricted checks from 1.25', () => {
    const windows = pod({ os: { name: 'windows' } }, [{ name: 'iis', image: 'iis', securityContext: { runAsNonRoot: true } }]);
    expect(restrictedUpTo('v1.24', windows)).toEqual([R.allowPrivilegeEscalation.id, R.capabilitiesRestricted.id, R.seccompProfileRestricted.id]);
    expect(restrictedUpTo('v1.25', windows)).toEqual([]);
  });

  it('allows the container_engine_t SELinux type from 1.31 and checks probe hosts from 1.34', () => {
    const engine = withContext({ seLinuxOptions: { type: 'container_engine_t' } });
    expect(rulesOf(engine, 'baseline:v1.30')).toEqual([R.seLinuxOptions.id]);
    expect(rulesOf(engine, 'baseline:v1.31')).toEqual([]);
    const probed = pod({}, [{ ...hardened(), startupProbe: { tcpSocket: { port: 80, host: 'db' } } }]);
    expect(rulesOf(probed, 'baseline:v1.33')).toEqual([]);
    expect(rulesOf(probed, 'baseline:v1.34')).toEqual([R.hostProbesAndHostLifecycle.id]);
  });

  it('gives the strictest level a pod meets at a version', () => {
    const p = withContext({ runAsUser: 0 });
    expect(podSecurityLevelOf(p, 'v1.22')).toBe('restricted');
    expect(podSecurityLevelOf(p)).toBe('baseline');
  });
});

describe('the aggregated message', () => {
  it('joins every failed check as the admission controller does', () => {
    const p = pod({ hostNetwork: true }, [{ ...hardened(), securityContext: { ...hardened().securityContext, privileged: true } }]);
    expect(podSecurityMessage(p, 'baseline:v1.30')).toBe(
      'violates PodSecurity "baseline:v1.30": host namespaces (hostNetwork=true), privileged (container "app" must not set securityContext.privileged=true)',
    );
  });

  it('is undefined for an allowed pod, and names an empty reason as upstream does', () => {
    expect(podSecurityMessage(pod(), 'restricted')).toBeUndefined();
    expect(aggregatePodSecurityMessage('restricted:latest', [{ reason: '', detail: '' }, { reason: 'r', detail: '' }])).toBe('violates PodSecurity "restricted:latest": unknown forbidden reason, r');
  });
});
