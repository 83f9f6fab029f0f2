/** Not from the docs: a DaemonSet running a small agent on every Linux node, BestEffort-free (Burstable), restricted and probed. */
import { DaemonSet } from '../../constructs/workloads/daemon-set';
import type { WorkloadExample } from '../registry';
import { NAMESPACE, health } from './shared';

export const daemonSetExample: WorkloadExample = {
  name: 'daemon-set',
  pss: 'restricted',
  build: (chart) =>
    new DaemonSet(chart, 'agent', {
      metadata: { name: 'node-agent', namespace: NAMESPACE },
      guarantees: { qos: 'Burstable', podSecurity: 'restricted', probed: true },
      spec: {
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
        template: {
          metadata: { labels: { app: 'node-agent' } },
          spec: {
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
            securityContext: { runAsUser: 65534 },
            containers: [
              {
                name: 'agent',
                image: 'ghcr.io/example/node-agent:0.9.0',
                ports: [{ name: 'http', containerPort: 9100 }],
                resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { memory: '64Mi' } },
                livenessProbe: health,
                readinessProbe: health,
              },
            ],
          },
        },
      },
    }),
};
