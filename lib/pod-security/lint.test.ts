import { describe, expect, it } from 'vitest';
import { explainSourced } from '../lint/explain';
import type { PssPolicy } from '../lint/pss';
import { lintSourced } from '../lint/lint';
import { readManifests } from '../lint/read';
import { podSecurityRules as R } from '../rules/pod-security';

const file = 'pod.yaml';
/** A Pod that meets restricted except for runAsUser: 0 (checked from policy version 1.23), and YAML nulls. */
const rootPod = readManifests({
  file,
  text: `apiVersion: v1
kind: Pod
metadata: { name: root }
spec:
  securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault }, seLinuxOptions: null, appArmorProfile: null }
  containers:
  - name: app
    image: busybox
    securityContext:
      runAsUser: 0
      allowPrivilegeEscalation: false
      capabilities: { drop: [ALL] }
      seccompProfile: null
`,
});

/** The Pod Security Standards findings of the linter (the pod also draws a security-context warning). */
const pssFindings = (pss: PssPolicy) => lintSourced(rootPod, { pss }).findings.filter((f) => f.violation.rule.startsWith('pod-security/'));

describe('podkit lint --pss LEVEL:VERSION', () => {
  it('fails when the pod breaks the policy version asked for, at the offending line', () => {
    const [finding, ...rest] = pssFindings('restricted:v1.23');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ file, line: 10, violation: { rule: R.runAsUser.id, path: 'spec.containers[0].securityContext.runAsUser' } });
    expect(finding!.violation.message).toBe('violates PodSecurity "restricted:v1.23": runAsUser=0 (container "app" must not set runAsUser=0); check runAsUser');
  });

  it('passes the same pod at a policy version before the check existed', () => {
    expect(pssFindings('restricted:v1.22')).toEqual([]);
  });
});

describe('podkit explain, Pod Security Standards by policy version', () => {
  it('names the older policy versions at which a failed level would be met', () => {
    const [explained] = explainSourced(rootPod);
    expect(explained!.sections.find((s) => s.title === 'Pod Security Standards')!.entries).toStrictEqual([
      { label: 'baseline', value: 'meets' },
      { label: 'restricted', value: `fails (${R.runAsUser.id}); meets policy versions v1.0 to v1.22` },
    ]);
  });

  it('names no version when the level fails at every one', () => {
    const [hostNetwork] = explainSourced(readManifests({ file, text: 'apiVersion: v1\nkind: Pod\nmetadata: { name: h }\nspec: { hostNetwork: true, containers: [ { name: a, image: b } ] }\n' }));
    expect(hostNetwork!.sections.find((s) => s.title === 'Pod Security Standards')!.entries[0]).toStrictEqual({ label: 'baseline', value: `fails (${R.hostNamespaces.id})` });
  });
});
