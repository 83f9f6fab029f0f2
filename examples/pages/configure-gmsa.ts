/**
 * Windows PodとコンテナにGMSAを設定する (configure-gmsa).
 *
 * The page's objects are reproduced as printed, which current Kubernetes does not accept as a set (see
 * snapshots/deviations.json): the credential spec is named `gmsa-WebApp1`, but custom resource names must be
 * lowercase DNS subdomains, so it is emitted with the L1 class generated from the CRD (an unchecked escape
 * hatch; `GmsaCredentialSpecResource` refuses the name); and the two Deployments reference `gmsa-webapp1` and
 * `gmsa-Webapp1`, which differ from it in case. A cdk8s user reproducing a page whose credential spec was applied
 * separately (`kubectl apply -f gmsa-Webapp1-credspec.yml`) says so: the Deployments declare their credential
 * spec as an external reference, which the cross-reference check then does not look for in the app. Without
 * that declaration, podkit reports `gmsa/credential-spec-name-case` on both.
 * The last example shows the wiring as podkit intends it: one `GmsaCredentialSpec` object gives the credential
 * spec, its ClusterRole and RoleBinding, and the Deployment takes the name from it.
 */
import { GmsaCredentialSpecV1 } from '../../imports/windows.k8s.io';
import { GmsaCredentialSpec, GmsaUseClusterRole, ServiceAccountRoleBinding, defaultBindingName } from '../../constructs/gmsa-credential-spec';
import { WindowsDeployment } from '../../constructs/windows-deployment';
import type { PodSpecOf } from '../../constructs/workloads/pod-spec';
import type { ExamplePage } from '../registry';

const M = 'manifests/configure-gmsa';

/** The pod spec of a Windows Deployment. */
type PodSpecProps = PodSpecOf<undefined, undefined, false, true, false, 'long-running'>;

/** The page's credential spec, as printed; every name below that refers to it comes from here. */
const WEBAPP1 = GmsaCredentialSpec.fromCredentialSpecName('gmsa-WebApp1');
const ROLE = 'webapp1-role';
const DEFAULT_SA = { name: 'default', namespace: 'default' } as const;

const webApp1Credspec = {
  activeDirectoryConfig: {
    groupManagedServiceAccounts: [
      { name: 'WebApp1', scope: 'CONTOSO' },
      { name: 'WebApp1', scope: 'contoso.com' },
    ],
  },
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

const withCreds = (podSpec: Omit<PodSpecProps, 'containers' | 'nodeSelector'>, securityContext?: PodSpecProps['containers'][number]['securityContext']) => ({
  metadata: { labels: { run: 'with-creds' }, name: 'with-creds', namespace: 'default' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { run: 'with-creds' } },
    template: {
      metadata: { labels: { run: 'with-creds' } },
      spec: {
        ...podSpec,
        containers: [{ image: 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019', imagePullPolicy: 'Always' as const, name: 'iis', securityContext }],
        nodeSelector: { 'kubernetes.io/os': 'windows' },
      },
    },
  },
});

export const configureGmsa: ExamplePage = {
  page: 'configure-gmsa',
  examples: [
    {
      reference: `${M}/inline-gmsa-webapp1-credspec.yaml`,
      build: (chart) => new GmsaCredentialSpecV1(chart, 'gmsa-WebApp1', { metadata: { name: WEBAPP1.credentialSpecName }, credspec: webApp1Credspec }),
    },
    {
      reference: `${M}/inline-gmsa-webapp1-role.yaml`,
      build: (chart) => new GmsaUseClusterRole(chart, ROLE, { metadata: { name: ROLE }, credentialSpec: WEBAPP1 }),
    },
    {
      reference: `${M}/inline-allow-default-svc-account-read-on-gmsa-webapp1.yaml`,
      build: (chart) =>
        new ServiceAccountRoleBinding(chart, 'allow-default-svc-account-read-on-gmsa-WebApp1', {
          metadata: { name: defaultBindingName(DEFAULT_SA.name, WEBAPP1.credentialSpecName), namespace: 'default' },
          serviceAccount: DEFAULT_SA,
          role: { kind: 'ClusterRole', name: ROLE },
        }),
    },
    {
      reference: `${M}/inline-deployment-with-creds-pod-gmsa.yaml`,
      build: (chart) =>
        new WindowsDeployment(chart, 'with-creds', {
          ...withCreds({ securityContext: { windowsOptions: { gmsaCredentialSpecName: 'gmsa-webapp1' } } }),
          externalReferences: { gmsaCredentialSpecNames: ['gmsa-webapp1'] },
        }),
    },
    {
      reference: `${M}/inline-deployment-with-creds-container-gmsa.yaml`,
      build: (chart) =>
        new WindowsDeployment(chart, 'with-creds', {
          ...withCreds({}, { windowsOptions: { gmsaCredentialSpecName: 'gmsa-Webapp1' } }),
          externalReferences: { gmsaCredentialSpecNames: ['gmsa-Webapp1'] },
        }),
    },
    {
      // Troubleshooting: restart netlogon until the secure channel works. Shown in a Deployment wired to its own
      // credential spec through one GmsaCredentialSpec object (credential spec, ClusterRole, RoleBinding).
      reference: `${M}/fragments/container-lifecycle-netlogon-poststart.yaml`,
      build: (chart) => {
        const spec = new GmsaCredentialSpec(chart, 'gmsa-iis-auth', {
          name: 'gmsa-iis-auth',
          credspec: webApp1Credspec,
          roleName: 'iis-auth-gmsa-role',
          serviceAccounts: [DEFAULT_SA],
        });
        new WindowsDeployment(chart, 'iis-auth', {
          metadata: { labels: { app: 'iis-auth' }, name: 'iis-auth', namespace: 'default' },
          spec: {
            replicas: 1,
            selector: { matchLabels: { app: 'iis-auth' } },
            template: {
              metadata: { labels: { app: 'iis-auth' } },
              spec: {
                securityContext: { windowsOptions: { gmsaCredentialSpecName: spec.credentialSpecName } },
                containers: [
                  {
                    name: 'iis',
                    image: 'registry.domain.example/iis-auth:1809v1',
                    lifecycle: {
                      postStart: {
                        exec: {
                          command: [
                            'powershell.exe',
                            '-command',
                            "do { Restart-Service -Name netlogon } while ( $($Result = (nltest.exe /query); if ($Result -like '*0x0 NERR_Success*') {return $true} else {return $false}) -eq $false)",
                          ],
                        },
                      },
                    },
                    imagePullPolicy: 'IfNotPresent',
                  },
                ],
                nodeSelector: { 'kubernetes.io/os': 'windows' },
              },
            },
          },
        });
      },
    },
  ],
};
