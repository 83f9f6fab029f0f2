/**
 * Not from the docs: a debugging Pod whose containers share one process namespace (a shell beside the app can see
 * and signal its processes), at the baseline level (SYS_PTRACE is not in baseline's set, so the shell only reads).
 */
import { Pod } from '../../constructs/pod';
import type { WorkloadExample } from '../registry';
import { NAMESPACE } from './shared';

export const podExample: WorkloadExample = {
  name: 'pod',
  pss: 'baseline',
  build: (chart) =>
    new Pod(chart, 'debug', {
      metadata: { name: 'web-debug', namespace: NAMESPACE, labels: { app: 'web-debug' } },
      guarantees: { sharedProcessNamespace: true, podSecurity: 'baseline', qos: 'Burstable' },
      spec: {
        restartPolicy: 'Never',
        containers: [
          { name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' } } },
          { name: 'shell', image: 'busybox:1.37', command: ['sleep', '3600'], stdin: true, tty: true },
        ],
      },
    }),
};
