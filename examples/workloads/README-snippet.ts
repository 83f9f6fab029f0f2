/**
 * The README's example of a workload with guarantees, type-checked and synthesized by README-snippet.test.ts: the
 * lines between the region markers are what the README shows (importing from 'cdk8s-podkit' instead of the
 * relative path). Not from the docs.
 */
import type { WorkloadExample } from '../registry';
// #region readme
import { Chart } from 'cdk8s';
import { Deployment, Probe } from '../../index'; // README: from 'cdk8s-podkit'

export function webApp(chart: Chart) {
  const health = Probe.httpGet({ path: '/healthz', port: 'http' });
  return new Deployment(chart, 'web', {
    guarantees: { qos: 'Guaranteed', podSecurity: 'restricted', probed: true },
    spec: {
      replicas: 3,
      template: {
        metadata: { labels: { app: 'web' } }, // the selector is derived from these
        spec: {
          containers: [{
            name: 'web',
            image: 'nginxinc/nginx-unprivileged:1.27',
            ports: [{ name: 'http', containerPort: 8080 }],
            resources: { cpu: '500m', memory: '256Mi' }, // written as request = limit
            livenessProbe: health,
            readinessProbe: health,
          }],
        },
      },
    },
  });
}
// #endregion readme

export const readmeSnippetExample: WorkloadExample = { name: 'readme-snippet', pss: 'restricted', build: (chart) => webApp(chart) };
