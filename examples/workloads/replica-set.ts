/** Not from the docs: a ReplicaSet of API servers, Burstable (requests below limits), restricted and probed. */
import { ReplicaSet } from '../../constructs/workloads/replica-set';
import type { WorkloadExample } from '../registry';
import { NAMESPACE, health } from './shared';

export const replicaSetExample: WorkloadExample = {
  name: 'replica-set',
  pss: 'restricted',
  build: (chart) =>
    new ReplicaSet(chart, 'api', {
      metadata: { name: 'api', namespace: NAMESPACE },
      guarantees: { qos: 'Burstable', podSecurity: 'restricted', probed: true },
      spec: {
        replicas: 2,
        template: {
          metadata: { labels: { app: 'api' } },
          spec: {
            securityContext: { runAsUser: 10001, runAsGroup: 10001 },
            containers: [
              {
                name: 'api',
                image: 'ghcr.io/example/api:2.4.1',
                ports: [{ name: 'http', containerPort: 8080 }],
                resources: { requests: { cpu: '250m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
                livenessProbe: health,
                readinessProbe: health,
              },
            ],
          },
        },
      },
    }),
};
