/** Not from the docs: a Job migrating a database once, Guaranteed, restricted and probed (a liveness probe: no readiness for a Job). */
import { Probe } from '../../constructs/probe';
import { Job } from '../../constructs/workloads/job';
import type { WorkloadExample } from '../registry';
import { NAMESPACE } from './shared';

export const jobExample: WorkloadExample = {
  name: 'job',
  pss: 'restricted',
  build: (chart) =>
    new Job(chart, 'migrate', {
      metadata: { name: 'migrate-2026-12', namespace: NAMESPACE },
      guarantees: { qos: 'Guaranteed', podSecurity: 'restricted', probed: true },
      spec: {
        backoffLimit: 2,
        activeDeadlineSeconds: 600,
        ttlSecondsAfterFinished: 3600,
        template: {
          metadata: { labels: { app: 'migrate' } },
          spec: {
            restartPolicy: 'Never',
            securityContext: { runAsUser: 10001 },
            containers: [
              {
                name: 'migrate',
                image: 'ghcr.io/example/migrate:1.8.0',
                args: ['--to', 'latest'],
                resources: { cpu: '500m', memory: '256Mi' },
                livenessProbe: Probe.exec(['test', '-f', '/tmp/alive'], { periodSeconds: 30, failureThreshold: 4 }),
              },
            ],
          },
        },
      },
    }),
};
