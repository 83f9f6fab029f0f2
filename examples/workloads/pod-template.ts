/** Not from the docs: a PodTemplate a batch controller instantiates, Guaranteed and restricted. */
import { PodTemplate } from '../../constructs/workloads/pod-template';
import type { WorkloadExample } from '../registry';
import { NAMESPACE } from './shared';

export const podTemplateExample: WorkloadExample = {
  name: 'pod-template',
  pss: 'restricted',
  build: (chart) =>
    new PodTemplate(chart, 'worker', {
      metadata: { name: 'worker', namespace: NAMESPACE },
      guarantees: { qos: 'Guaranteed', podSecurity: 'restricted' },
      template: {
        metadata: { labels: { app: 'worker' } },
        spec: {
          restartPolicy: 'OnFailure',
          securityContext: { runAsUser: 10001 },
          containers: [{ name: 'worker', image: 'ghcr.io/example/worker:5.0.2', resources: { cpu: '1', memory: '1Gi' } }],
        },
      },
    }),
};
