/** PodにQuality of Serviceを設定する (quality-service-pod): one construct per QoS class. */
import { BestEffortPod, BurstablePod, GuaranteedPod } from '../../constructs/qos-pods';
import type { ExamplePage } from '../registry';

export const qualityServicePod: ExamplePage = {
  page: 'quality-service-pod',
  examples: [
    {
      reference: 'manifests/quality-service-pod/as-printed/qos-pod.yaml',
      build: (chart) =>
        new GuaranteedPod(chart, 'qos-demo', {
          metadata: { name: 'qos-demo', namespace: 'qos-example' },
          spec: { containers: [{ name: 'qos-demo-ctr', image: 'nginx', resources: { memory: '200Mi', cpu: '700m' } }] },
        }),
    },
    {
      reference: 'manifests/quality-service-pod/qos-pod-2.yaml',
      build: (chart) =>
        new BurstablePod(chart, 'qos-demo-2', {
          metadata: { name: 'qos-demo-2', namespace: 'qos-example' },
          spec: { containers: [{ name: 'qos-demo-2-ctr', image: 'nginx', resources: { limits: { memory: '200Mi' }, requests: { memory: '100Mi' } } }] },
        }),
    },
    {
      reference: 'manifests/quality-service-pod/qos-pod-3.yaml',
      build: (chart) =>
        new BestEffortPod(chart, 'qos-demo-3', {
          metadata: { name: 'qos-demo-3', namespace: 'qos-example' },
          spec: { containers: [{ name: 'qos-demo-3-ctr', image: 'nginx' }] },
        }),
    },
    {
      reference: 'manifests/quality-service-pod/qos-pod-4.yaml',
      build: (chart) =>
        new BurstablePod(chart, 'qos-demo-4', {
          metadata: { name: 'qos-demo-4', namespace: 'qos-example' },
          spec: {
            containers: [
              { name: 'qos-demo-4-ctr-1', image: 'nginx', resources: { requests: { memory: '200Mi' } } },
              { name: 'qos-demo-4-ctr-2', image: 'redis' },
            ],
          },
        }),
    },
  ],
};
