/** Podとコンテナにセキュリティコンテキストを設定する (security-context). */
import type { Chart } from 'cdk8s';
import { Pod, type PodSpecProps } from '../../constructs/pod';
import { SecurePod } from '../../constructs/secure-pod';
import type { ExamplePage } from '../registry';

const M = 'manifests/security-context';
const sleep = { command: ['sh', '-c', 'sleep 1h'] };

/** A one-container pod showing a configuration fragment of the page. */
const fragmentPod = (chart: Chart, name: string, spec: PodSpecProps) => new Pod(chart, name, { metadata: { name }, spec });

export const securityContext: ExamplePage = {
  page: 'security-context',
  examples: [
    {
      reference: `${M}/security-context.yaml`,
      build: (chart) =>
        new Pod(chart, 'security-context-demo', {
          metadata: { name: 'security-context-demo' },
          spec: {
            securityContext: { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000] },
            volumes: [{ name: 'sec-ctx-vol', emptyDir: {} }],
            containers: [
              {
                name: 'sec-ctx-demo',
                image: 'busybox:1.28',
                ...sleep,
                volumeMounts: [{ name: 'sec-ctx-vol', mountPath: '/data/demo' }],
                securityContext: { allowPrivilegeEscalation: false },
              },
            ],
          },
        }),
    },
    {
      reference: `${M}/security-context-2.yaml`,
      build: (chart) =>
        new Pod(chart, 'security-context-demo-2', {
          metadata: { name: 'security-context-demo-2' },
          spec: {
            securityContext: { runAsUser: 1000 },
            containers: [{ name: 'sec-ctx-demo-2', image: 'gcr.io/google-samples/node-hello:1.0', securityContext: { runAsUser: 2000, allowPrivilegeEscalation: false } }],
          },
        }),
    },
    {
      reference: `${M}/security-context-3.yaml`,
      build: (chart) =>
        new Pod(chart, 'security-context-demo-3', {
          metadata: { name: 'security-context-demo-3' },
          spec: { containers: [{ name: 'sec-ctx-3', image: 'gcr.io/google-samples/node-hello:1.0' }] },
        }),
    },
    {
      reference: `${M}/security-context-4.yaml`,
      build: (chart) =>
        new Pod(chart, 'security-context-demo-4', {
          metadata: { name: 'security-context-demo-4' },
          spec: { containers: [{ name: 'sec-ctx-4', image: 'gcr.io/google-samples/node-hello:1.0', securityContext: { capabilities: { add: ['NET_ADMIN', 'SYS_TIME'] } } }] },
        }),
    },
    {
      reference: `${M}/security-context-5.yaml`,
      build: (chart) =>
        new Pod(chart, 'security-context-demo', {
          metadata: { name: 'security-context-demo' },
          spec: {
            securityContext: { runAsUser: 1000, runAsGroup: 3000, supplementalGroups: [4000] },
            containers: [{ name: 'sec-ctx-demo', image: 'registry.k8s.io/e2e-test-images/agnhost:2.45', ...sleep, securityContext: { allowPrivilegeEscalation: false } }],
          },
        }),
    },
    {
      reference: `${M}/security-context-6.yaml`,
      build: (chart) =>
        new Pod(chart, 'security-context-demo', {
          metadata: { name: 'security-context-demo' },
          spec: {
            securityContext: { runAsUser: 1000, runAsGroup: 3000, supplementalGroups: [4000], supplementalGroupsPolicy: 'Strict' },
            containers: [{ name: 'sec-ctx-demo', image: 'registry.k8s.io/e2e-test-images/agnhost:2.45', ...sleep, securityContext: { allowPrivilegeEscalation: false } }],
          },
        }),
    },
    {
      reference: `${M}/fragments/pod-securitycontext-fsgroupchangepolicy.yaml`,
      build: (chart) =>
        fragmentPod(chart, 'security-context-fsgroup-change-policy', {
          securityContext: { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, fsGroupChangePolicy: 'OnRootMismatch' },
          volumes: [{ name: 'data', emptyDir: {} }],
          containers: [{ name: 'app', image: 'busybox:1.28', ...sleep, volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        }),
    },
    {
      // The page's container-level AppArmor example, in a pod that is restricted by construction.
      reference: `${M}/fragments/container-apparmor-localhost.yaml`,
      build: (chart) =>
        new SecurePod(chart, 'security-context-apparmor-localhost', {
          metadata: { name: 'security-context-apparmor-localhost' },
          spec: {
            containers: [
              { name: 'container-1', image: 'busybox:1.28', ...sleep, securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-apparmor-example-deny-write' } } },
            ],
          },
        }),
    },
    {
      reference: `${M}/fragments/container-apparmor-runtimedefault.yaml`,
      build: (chart) =>
        fragmentPod(chart, 'security-context-apparmor-runtimedefault', {
          containers: [{ name: 'container-1', image: 'busybox:1.28', ...sleep, securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }],
        }),
    },
    {
      reference: `${M}/fragments/securitycontext-seccomp-localhost.yaml`,
      build: (chart) =>
        fragmentPod(chart, 'security-context-seccomp-localhost', {
          containers: [
            { name: 'app', image: 'busybox:1.28', ...sleep, securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'my-profiles/profile-allow.json' } } },
          ],
        }),
    },
    {
      // SecurePod sets exactly this pod-level profile by default.
      reference: `${M}/fragments/securitycontext-seccomp-runtimedefault.yaml`,
      build: (chart) =>
        new SecurePod(chart, 'security-context-seccomp-runtimedefault', {
          metadata: { name: 'security-context-seccomp-runtimedefault' },
          spec: { containers: [{ name: 'app', image: 'busybox:1.28', ...sleep, securityContext: { runAsUser: 1000 } }] },
        }),
    },
    {
      reference: `${M}/fragments/securitycontext-selinux-level.yaml`,
      build: (chart) =>
        fragmentPod(chart, 'security-context-selinux-level', {
          containers: [{ name: 'app', image: 'busybox:1.28', ...sleep, securityContext: { seLinuxOptions: { level: 's0:c123,c456' } } }],
        }),
    },
    {
      // `Unmasked` needs a user namespace: the pod sets `hostUsers: false` (the page says so; the fragment omits it).
      reference: `${M}/fragments/securitycontext-procmount-unmasked.yaml`,
      build: (chart) =>
        fragmentPod(chart, 'security-context-procmount-unmasked', {
          hostUsers: false,
          containers: [{ name: 'app', image: 'busybox:1.28', ...sleep, securityContext: { procMount: 'Unmasked' } }],
        }),
    },
  ],
};
