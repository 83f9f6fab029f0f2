/** Liveness Probe、Readiness ProbeおよびStartup Probeを使用する (configure-liveness-readiness-startup-probes). */
import { Pod } from '../../constructs/pod';
import { Probe } from '../../constructs/probe';
import { ProbedDeployment } from '../../constructs/probed-deployment';
import type { ExamplePage } from '../registry';

const PAGE = 'manifests/configure-liveness-readiness-startup-probes';
const agnhost = 'registry.k8s.io/e2e-test-images/agnhost:2.40';
const healthz = { path: '/healthz', port: 'liveness-port' } as const;
const livenessPort = [{ name: 'liveness-port', containerPort: 8080 }];

export const configureLivenessReadinessStartupProbes: ExamplePage = {
  page: 'configure-liveness-readiness-startup-probes',
  examples: [
    {
      reference: `${PAGE}/as-printed/exec-liveness.yaml`,
      build: (chart) =>
        new Pod(chart, 'liveness-exec', {
          metadata: { labels: { test: 'liveness' }, name: 'liveness-exec' },
          spec: {
            containers: [
              {
                name: 'liveness',
                image: 'registry.k8s.io/busybox',
                args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
                livenessProbe: Probe.exec(['cat', '/tmp/healthy'], { initialDelaySeconds: 5, periodSeconds: 5 }),
              },
            ],
          },
        }),
    },
    {
      reference: `${PAGE}/as-printed/http-liveness.yaml`,
      build: (chart) =>
        new Pod(chart, 'liveness-http', {
          metadata: { labels: { test: 'liveness' }, name: 'liveness-http' },
          spec: {
            containers: [
              {
                name: 'liveness',
                image: agnhost,
                args: ['liveness'],
                livenessProbe: Probe.httpGet(
                  { path: '/healthz', port: 8080, httpHeaders: [{ name: 'Custom-Header', value: 'Awesome' }] },
                  { initialDelaySeconds: 3, periodSeconds: 3 },
                ),
              },
            ],
          },
        }),
    },
    {
      reference: `${PAGE}/tcp-liveness-readiness.yaml`,
      build: (chart) =>
        new Pod(chart, 'goproxy', {
          metadata: { name: 'goproxy', labels: { app: 'goproxy' } },
          spec: {
            containers: [
              {
                name: 'goproxy',
                image: 'registry.k8s.io/goproxy:0.1',
                ports: [{ containerPort: 8080 }],
                readinessProbe: Probe.tcpSocket({ port: 8080 }, { initialDelaySeconds: 5, periodSeconds: 10 }),
                livenessProbe: Probe.tcpSocket({ port: 8080 }, { initialDelaySeconds: 15, periodSeconds: 20 }),
              },
            ],
          },
        }),
    },
    {
      // 名前付きポートを使用する: the probe names the container's `liveness-port`.
      reference: `${PAGE}/as-printed/fragments/container-named-port-liveness.yaml`,
      build: (chart) =>
        new Pod(chart, 'liveness-named-port', {
          metadata: { labels: { test: 'liveness' }, name: 'liveness-named-port' },
          spec: { containers: [{ name: 'liveness', image: agnhost, args: ['liveness'], ports: livenessPort, livenessProbe: Probe.httpGet(healthz) }] },
        }),
    },
    {
      // Startup Probe: given as the start-up to tolerate (300 s at periodSeconds 10 → failureThreshold 30).
      reference: `${PAGE}/as-printed/fragments/container-startup-probe.yaml`,
      build: (chart) =>
        new Pod(chart, 'liveness-startup', {
          metadata: { labels: { test: 'liveness' }, name: 'liveness-startup' },
          spec: {
            containers: [
              {
                name: 'liveness',
                image: agnhost,
                args: ['liveness'],
                ports: livenessPort,
                livenessProbe: Probe.httpGet(healthz, { failureThreshold: 1, periodSeconds: 10 }),
                startupProbe: Probe.httpGet(healthz, { periodSeconds: 10 }).toleratingStartup(300),
              },
            ],
          },
        }),
    },
    {
      // Readiness Probeを定義する: "Readiness ProbeとLiveness Probeは同じコンテナで同時に使用できます" — a ProbedDeployment
      // requires both.
      reference: `${PAGE}/fragments/container-readiness-probe-exec.yaml`,
      build: (chart) =>
        new ProbedDeployment(chart, 'readiness-exec', {
          metadata: { name: 'readiness-exec' },
          spec: {
            template: {
              metadata: { labels: { test: 'readiness' } },
              spec: {
                containers: [
                  {
                    name: 'readiness',
                    image: 'registry.k8s.io/busybox',
                    args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 600'],
                    readinessProbe: Probe.exec(['cat', '/tmp/healthy'], { initialDelaySeconds: 5, periodSeconds: 5 }),
                    livenessProbe: Probe.exec(['cat', '/tmp/healthy'], { initialDelaySeconds: 5, periodSeconds: 5 }),
                  },
                ],
              },
            },
          },
        }),
    },
  ],
};
