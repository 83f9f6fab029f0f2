/**
 * Not from the docs: a web Deployment that is Guaranteed, restricted and probed — the combination a team ships.
 */
import { Deployment } from '../../constructs/deployment';
import type { WorkloadExample } from '../registry';
import { NAMESPACE, health } from './shared';

export const deploymentExample: WorkloadExample = {
  name: 'deployment',
  pss: 'restricted',
  build: (chart) =>
    new Deployment(chart, 'web', {
      metadata: { name: 'web', namespace: NAMESPACE },
      guarantees: { qos: 'Guaranteed', podSecurity: 'restricted', probed: true },
      spec: {
        replicas: 3,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels: { app: 'web', tier: 'frontend' } },
          spec: {
            containers: [
              {
                name: 'web',
                image: 'nginxinc/nginx-unprivileged:1.27',
                ports: [{ name: 'http', containerPort: 8080 }],
                resources: { cpu: '500m', memory: '256Mi' },
                livenessProbe: health,
                readinessProbe: health,
              },
            ],
          },
        },
      },
    }),
};
