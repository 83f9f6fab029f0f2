import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Container, KubeObject, PodSpec } from '../k8s';
import { checkApp } from './app';
import { checkGmsaPod, checkGmsaReferences, checkTargetsWindows, declareExternalReferences, gmsaRules as R, rbacNameErrors, targetsWindows } from './gmsa';
import { checkPod } from './index';

const credspec = (name: string): KubeObject => ({ apiVersion: 'windows.k8s.io/v1', kind: 'GMSACredentialSpec', metadata: { name }, credspec: {} });
const iis = (gmsa?: string): Container => ({ name: 'iis', image: 'iis', securityContext: gmsa ? { windowsOptions: { gmsaCredentialSpecName: gmsa } } : undefined });
const deployment = (spec: Partial<PodSpec>, containers: Container[] = [iis()]): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'with-creds', namespace: 'default' },
  spec: { selector: { matchLabels: { run: 'x' } }, template: { metadata: { labels: { run: 'x' } }, spec: { nodeSelector: { 'kubernetes.io/os': 'windows' }, containers, ...spec } } },
});
const POD_REF = 'spec.template.spec.securityContext.windowsOptions.gmsaCredentialSpecName';
const findings = (objects: KubeObject[]) => checkGmsaReferences(objects).map((f) => ({ index: f.object.index, rule: f.violation.rule, path: f.violation.path }));

describe('checkGmsaReferences', () => {
  it.each([
    ['the reference differs only in case (the page’s gmsa-webapp1)', [credspec('gmsa-WebApp1'), deployment({ securityContext: { windowsOptions: { gmsaCredentialSpecName: 'gmsa-webapp1' } } })], R.credentialSpecNameCase.id, POD_REF],
    ['a container reference differs only in case (the page’s gmsa-Webapp1)', [credspec('gmsa-WebApp1'), deployment({}, [iis('gmsa-Webapp1')])], R.credentialSpecNameCase.id, 'spec.template.spec.containers[0].securityContext.windowsOptions.gmsaCredentialSpecName'],
    ['no credential spec has the name', [credspec('gmsa-other'), deployment({ securityContext: { windowsOptions: { gmsaCredentialSpecName: 'gmsa-webapp1' } } })], R.credentialSpecNotFound.id, POD_REF],
    ['there is no credential spec at all', [deployment({ securityContext: { windowsOptions: { gmsaCredentialSpecName: 'gmsa-webapp1' } } })], R.credentialSpecNotFound.id, POD_REF],
    ['a different kind has the name', [{ ...credspec('gmsa-webapp1'), kind: 'ConfigMap', apiVersion: 'v1' }, deployment({ securityContext: { windowsOptions: { gmsaCredentialSpecName: 'gmsa-webapp1' } } })], R.credentialSpecNotFound.id, POD_REF],
  ])('fails when %s', (_name, objects, rule, path) => {
    expect(findings(objects)).toEqual([{ index: objects.length - 1, rule, path }]);
  });

  it.each([
    ['the reference names a credential spec exactly', [credspec('gmsa-webapp1'), deployment({ securityContext: { windowsOptions: { gmsaCredentialSpecName: 'gmsa-webapp1' } } })]],
    ['the credential spec comes after the pod', [deployment({}, [iis('gmsa-webapp1')]), credspec('gmsa-webapp1')]],
    ['the object declares the name external', [credspec('gmsa-WebApp1'), declareExternalReferences(deployment({}, [iis('gmsa-Webapp1')]), { gmsaCredentialSpecNames: ['gmsa-Webapp1'] })]],
    ['nothing references a credential spec', [deployment({})]],
  ])('passes when %s', (_name, objects) => {
    expect(findings(objects)).toEqual([]);
  });

  it('says the names differ only in case, and is part of checkApp', () => {
    const [f] = checkApp([credspec('gmsa-WebApp1'), deployment({}, [iis('gmsa-webapp1')])]);
    expect(f?.violation.message).toBe(R.credentialSpecNameCase.message('gmsa-webapp1', 'gmsa-WebApp1'));
    expect(f?.violation.message).toContain('differs only in case from GMSACredentialSpec "gmsa-WebApp1"');
  });

  it('declares only the names listed: another reference of the same object is still checked', () => {
    const obj = declareExternalReferences(deployment({ securityContext: { windowsOptions: { gmsaCredentialSpecName: 'gmsa-a' } } }, [iis('gmsa-b')]), { gmsaCredentialSpecNames: ['gmsa-a'] });
    expect(findings([obj]).map((f) => f.path)).toEqual(['spec.template.spec.containers[0].securityContext.windowsOptions.gmsaCredentialSpecName']);
  });

  it('never writes the declaration out', () => {
    const obj = declareExternalReferences(deployment({}, [iis('gmsa-a')]), { gmsaCredentialSpecNames: ['gmsa-a'] });
    expect(JSON.stringify(obj)).not.toContain('external');
    expect(stringify(obj)).not.toContain('external');
    expect(Object.keys(obj)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });

  it('stays linear: 20,000 objects in well under a second', () => {
    const objects: KubeObject[] = [];
    for (let i = 0; i < 10_000; i++) objects.push(credspec(`gmsa-${i}`), deployment({}, [iis(`gmsa-${i}`)]));
    const start = performance.now();
    expect(checkGmsaReferences(objects)).toEqual([]);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('Windows nodes', () => {
  const pod = (spec: Partial<PodSpec>) => ({ spec: { containers: [iis('gmsa-a')], ...spec } });

  it.each([
    ['nodeSelector', pod({ nodeSelector: { 'kubernetes.io/os': 'windows' } })],
    ['os.name', pod({ os: { name: 'windows' } })],
    ['required node affinity', pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['windows'] }] }] } } } })],
  ])('a pod targets Windows by %s', (_name, p) => {
    expect(targetsWindows(p)).toBe(true);
    expect(checkGmsaPod(p)).toEqual([]);
  });

  it('fails (a warning, ours) when a pod with a credential spec selects no Windows nodes', () => {
    const p = pod({ nodeSelector: { 'kubernetes.io/os': 'linux' } });
    expect(checkGmsaPod(p).map((v) => ({ rule: v.rule, path: v.path, severity: v.severity }))).toEqual([
      { rule: R.notOnWindowsNodes.id, path: 'spec.containers[0].securityContext.windowsOptions.gmsaCredentialSpecName', severity: 'warning' },
    ]);
    expect(checkPod(p).map((v) => v.rule)).toContain(R.notOnWindowsNodes.id);
  });

  it('fails the Windows-workload promise when an affinity term also allows Linux', () => {
    const p = pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['windows', 'linux'] }] }] } } } });
    expect(checkTargetsWindows(p).map((v) => ({ rule: v.rule, path: v.path }))).toEqual([{ rule: R.windowsNodesRequired.id, path: 'spec.nodeSelector' }]);
  });
});

describe('rbacNameErrors', () => {
  it.each([['.', "may not be '.'"], ['..', "may not be '..'"], ['a/b', "may not contain '/'"], ['a%b', "may not contain '%'"]])('fails when the name is %s', (name, detail) => {
    expect(rbacNameErrors(name)).toEqual([detail]);
  });
  it('allows upper case, unlike DNS names (the page’s allow-default-svc-account-read-on-gmsa-WebApp1)', () => {
    expect(rbacNameErrors('allow-default-svc-account-read-on-gmsa-WebApp1')).toEqual([]);
  });
});
