import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { gmsaRules } from '../lib/rules/gmsa';
import { objectRules } from '../lib/rules/objects';
import { GmsaCredentialSpec, GmsaUseClusterRole, ServiceAccountRoleBinding } from './gmsa-credential-spec';
import { WindowsDeployment, type WindowsDeploymentProps } from './windows-deployment';
import { thrownViolations } from '../testing/violations';

const REF = join(__dirname, '..', 'snapshots', 'reference', 'manifests', 'configure-gmsa');
const reference = (file: string) => parseAllDocuments(readFileSync(join(REF, file), 'utf8')).map((d) => d.toJS())[0];


const credspec = {
  activeDirectoryConfig: { groupManagedServiceAccounts: [{ name: 'WebApp1', scope: 'CONTOSO' }, { name: 'WebApp1', scope: 'contoso.com' }] },
  cmsPlugins: ['ActiveDirectory'],
  domainJoinConfig: {
    dnsName: 'contoso.com',
    dnsTreeName: 'contoso.com',
    guid: '244818ae-87ac-4fcd-92ec-e79e5252348a',
    machineAccountName: 'WebApp1',
    netBiosName: 'CONTOSO',
    sid: 'S-1-5-21-2126449477-2524075714-3094792973',
  },
};

/** The page's object with every spelling of the credential spec name replaced by a valid one. */
const corrected = (file: string) => JSON.parse(JSON.stringify(reference(file)).replace(/gmsa-WebApp1/gi, 'gmsa-webapp1'));

const deployment = (gmsa: string, extra: Partial<WindowsDeploymentProps> = {}): WindowsDeploymentProps => ({
  metadata: { name: 'with-creds', namespace: 'default' },
  spec: {
    selector: { matchLabels: { run: 'with-creds' } },
    template: {
      metadata: { labels: { run: 'with-creds' } },
      spec: { securityContext: { windowsOptions: { gmsaCredentialSpecName: gmsa } }, containers: [{ name: 'iis', image: 'iis' }], nodeSelector: { 'kubernetes.io/os': 'windows' } },
    },
  },
  ...extra,
});

describe('GmsaCredentialSpec', () => {
  it('gives the page’s three objects from one object, names derived (with a valid credential spec name)', () => {
    const chart = Testing.chart();
    const spec = new GmsaCredentialSpec(chart, 'webapp1', { name: 'gmsa-webapp1', credspec, roleName: 'webapp1-role', serviceAccounts: [{ name: 'default', namespace: 'default' }] });
    expect(Testing.synth(chart)).toEqual([
      corrected('inline-gmsa-webapp1-credspec.yaml'),
      corrected('inline-gmsa-webapp1-role.yaml'),
      corrected('inline-allow-default-svc-account-read-on-gmsa-webapp1.yaml'),
    ]);
    expect(spec.credentialSpecName).toBe('gmsa-webapp1');
    expect(spec.roleBindings).toHaveLength(1);
  });

  it('fails when the credential spec is named as on the page (gmsa-WebApp1): custom resource names are lowercase', () => {
    const chart = Testing.chart();
    expect(thrownViolations(() => new GmsaCredentialSpec(chart, 'webapp1', { name: 'gmsa-WebApp1', credspec, roleName: 'webapp1-role' }))).toEqual([
      { rule: objectRules.nameInvalid.id, path: 'metadata.name' },
    ]);
    expect(thrownViolations(() => new GmsaCredentialSpec(chart, 'webapp1-ok', { name: 'gmsa-webapp1', credspec, roleName: 'webapp1-role' }))).toEqual([]);
  });

  it('grants more service accounts, including a cdk8s-plus-style one with metadata.namespace', () => {
    const chart = Testing.chart();
    const spec = new GmsaCredentialSpec(chart, 'webapp1', { name: 'gmsa-webapp1', credspec, roleName: 'webapp1-role' });
    const binding = spec.grant({ name: 'iis', metadata: { namespace: 'web' } });
    expect(binding.toJson()).toMatchObject({ metadata: { name: 'allow-iis-svc-account-read-on-gmsa-webapp1', namespace: 'web' }, subjects: [{ kind: 'ServiceAccount', name: 'iis', namespace: 'web' }] });
  });

  it('fails when an RBAC name is not a path segment', () => {
    const chart = Testing.chart();
    expect(thrownViolations(() => new GmsaUseClusterRole(chart, 'r', { metadata: { name: 'web/app1' }, credentialSpec: GmsaCredentialSpec.fromCredentialSpecName('gmsa-webapp1') }))).toEqual([
      { rule: gmsaRules.rbacNameInvalid.id, path: 'metadata.name' },
    ]);
    expect(thrownViolations(() => new ServiceAccountRoleBinding(chart, 'b', { metadata: { name: 'allow-default-svc-account-read-on-gmsa-WebApp1' }, serviceAccount: { name: 'default', namespace: 'default' }, role: { kind: 'ClusterRole', name: 'webapp1-role' } }))).toEqual([]);
  });
});

describe('cross-reference check in an app', () => {
  const appErrors = (build: (chart: Chart) => void) => {
    const app = Testing.app();
    build(new Chart(app, 'test'));
    return app.node.validate().join('\n');
  };
  const spec = (chart: Chart) => new GmsaCredentialSpec(chart, 'webapp1', { name: 'gmsa-webapp1', credspec, roleName: 'webapp1-role' });

  it('fails when a Deployment’s reference differs only in case from the app’s credential spec', () => {
    expect(appErrors((chart) => (spec(chart), new WindowsDeployment(chart, 'd', deployment('gmsa-Webapp1'))))).toContain(
      `spec.template.spec.securityContext.windowsOptions.gmsaCredentialSpecName: ${gmsaRules.credentialSpecNameCase.message('gmsa-Webapp1', 'gmsa-webapp1')} [${gmsaRules.credentialSpecNameCase.id}]`,
    );
  });

  it('passes when the Deployment takes the name from the credential spec object', () => {
    expect(appErrors((chart) => new WindowsDeployment(chart, 'd', deployment(spec(chart).credentialSpecName)))).toBe('');
  });

  it('passes when the reference is declared external, as the docs examples do', () => {
    expect(appErrors((chart) => (spec(chart), new WindowsDeployment(chart, 'd', deployment('gmsa-Webapp1', { externalReferences: { gmsaCredentialSpecNames: ['gmsa-Webapp1'] } }))))).toBe('');
  });

  it('fails when nothing in the app has the name and nothing declares it', () => {
    expect(appErrors((chart) => new WindowsDeployment(chart, 'd', deployment('gmsa-elsewhere')))).toContain(`[${gmsaRules.credentialSpecNotFound.id}]`);
  });
});

describe('WindowsDeployment', () => {
  it('emits the props as they are, without the external declaration', () => {
    const chart = Testing.chart();
    new WindowsDeployment(chart, 'd', deployment('gmsa-webapp1', { externalReferences: { gmsaCredentialSpecNames: ['gmsa-webapp1'] } }));
    expect(Testing.synth(chart)).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', ...deployment('gmsa-webapp1') }]);
  });

  it('fails when its pods do not select Windows nodes', () => {
    const chart = Testing.chart();
    const props = deployment('gmsa-webapp1');
    const linux = { ...props, spec: { ...props.spec, template: { ...props.spec.template, spec: { ...props.spec.template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } } };
    expect(thrownViolations(() => new WindowsDeployment(chart, 'd', linux))).toEqual([{ rule: gmsaRules.windowsNodesRequired.id, path: 'spec.template.spec.nodeSelector' }]);
  });
});
