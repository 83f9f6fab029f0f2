/**
 * Not from the docs: a StatefulSet of cache nodes, Guaranteed, restricted and probed, behind a headless Service
 * name. (The cache keeps its data in an emptyDir: it is rebuilt on restart.)
 */
import { Probe } from '../../constructs/probe';
import { emptyDirVolume, volumeMount } from '../../constructs/volumes';
import { StatefulSet } from '../../constructs/workloads/stateful-set';
import type { WorkloadExample } from '../registry';
import { NAMESPACE } from './shared';

const data = emptyDirVolume('data', { sizeLimit: '1Gi' });
const redisAlive = Probe.exec(['redis-cli', 'ping'], { initialDelaySeconds: 5 });

export const statefulSetExample: WorkloadExample = {
  name: 'stateful-set',
  pss: 'restricted',
  build: (chart) =>
    new StatefulSet(chart, 'cache', {
      metadata: { name: 'cache', namespace: NAMESPACE },
      guarantees: { qos: 'Guaranteed', podSecurity: 'restricted', probed: true },
      spec: {
        serviceName: 'cache',
        replicas: 3,
        podManagementPolicy: 'Parallel',
        template: {
          metadata: { labels: { app: 'cache' } },
          spec: {
            securityContext: { runAsUser: 999, fsGroup: 999 },
            containers: [
              {
                name: 'redis',
                image: 'redis:7.4',
                ports: [{ name: 'redis', containerPort: 6379 }],
                resources: { cpu: '250m', memory: '512Mi' },
                volumeMounts: [volumeMount(data, '/data')],
                livenessProbe: redisAlive,
                readinessProbe: redisAlive,
              },
            ],
            volumes: [data],
          },
        },
      },
    }),
};
