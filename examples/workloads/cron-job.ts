/** Not from the docs: a nightly CronJob (Tokyo time), BestEffort with a scratch ephemeral-storage limit, restricted. */
import { CronJob } from '../../constructs/workloads/cron-job';
import type { WorkloadExample } from '../registry';
import { NAMESPACE } from './shared';

export const cronJobExample: WorkloadExample = {
  name: 'cron-job',
  pss: 'restricted',
  build: (chart) =>
    new CronJob(chart, 'report', {
      metadata: { name: 'nightly-report', namespace: NAMESPACE },
      guarantees: { qos: 'BestEffort', podSecurity: 'restricted' },
      spec: {
        schedule: '30 2 * * *',
        timeZone: 'Asia/Tokyo',
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: {
          spec: {
            backoffLimit: 1,
            template: {
              metadata: { labels: { app: 'nightly-report' } },
              spec: {
                restartPolicy: 'OnFailure',
                securityContext: { runAsUser: 10001 },
                containers: [{ name: 'report', image: 'ghcr.io/example/report:3.1.0', resources: { limits: { 'ephemeral-storage': '2Gi' } } }],
              },
            },
          },
        },
      },
    }),
};
