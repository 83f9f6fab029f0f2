/**
 * Not from the docs: a probed Windows Deployment running as a GMSA, its credential spec (with ClusterRole and
 * RoleBinding for the default service account) in the same chart.
 */
import { Deployment } from '../../constructs/deployment';
import { GmsaCredentialSpec } from '../../constructs/gmsa-credential-spec';
import { Probe } from '../../constructs/probe';
import type { WorkloadExample } from '../registry';
import { NAMESPACE } from './shared';

const iisHealth = Probe.httpGet({ path: '/', port: 'http' }, { initialDelaySeconds: 30, periodSeconds: 20 });

export const windowsDeploymentExample: WorkloadExample = {
  name: 'windows-deployment',
  build: (chart) => {
    const gmsa = new GmsaCredentialSpec(chart, 'gmsa', {
      name: 'shop-iis',
      credspec: {
        activeDirectoryConfig: { groupManagedServiceAccounts: [{ name: 'ShopIis', scope: 'CONTOSO' }] },
        cmsPlugins: ['ActiveDirectory'],
        domainJoinConfig: { dnsName: 'contoso.com', dnsTreeName: 'contoso.com', guid: '244818ae-87ac-4fcd-92ec-e79e5252348a', machineAccountName: 'ShopIis', netBiosName: 'CONTOSO', sid: 'S-1-5-21-2126449477-2524075714-3094792973' },
      },
      roleName: 'shop-iis-gmsa-user',
      serviceAccounts: [{ name: 'default', namespace: NAMESPACE }],
    });
    new Deployment(chart, 'iis', {
      metadata: { name: 'iis', namespace: NAMESPACE },
      guarantees: { windows: true, probed: true, qos: 'Guaranteed' },
      spec: {
        replicas: 2,
        template: {
          metadata: { labels: { app: 'iis' } },
          spec: {
            os: { name: 'windows' },
            nodeSelector: { 'kubernetes.io/os': 'windows' },
            securityContext: { windowsOptions: { gmsaCredentialSpecName: gmsa.credentialSpecName } },
            containers: [
              {
                name: 'iis',
                image: 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022',
                ports: [{ name: 'http', containerPort: 80 }],
                resources: { cpu: '1', memory: '2Gi' },
                livenessProbe: iisHealth,
                readinessProbe: iisHealth,
              },
            ],
          },
        },
      },
    });
  },
};
