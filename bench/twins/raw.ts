// The user's app written with raw cdk8s `ApiObject`s: the same manifests as bench/twins/podkit.ts and
// bench/twins/plus.ts, byte for byte (bench/twins.ts asserts it), no checks.
import { ApiObject, App, Chart } from 'cdk8s';

const app = new App();
const chart = new Chart(app, 'app');

new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config' }, data: { color: 'blue', mode: 'production' }, immutable: false });
new ApiObject(chart, 'files', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-files' }, data: { 'default.conf': 'server { listen 8080; }\n' }, immutable: false });

const podDefaults = {
  automountServiceAccountToken: false,
  dnsPolicy: 'ClusterFirst',
  hostNetwork: false,
  restartPolicy: 'Always',
  setHostnameAsFQDN: false,
  terminationGracePeriodSeconds: 30,
};
const containerSecurity = { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true };

const selector = { 'cdk8s.io/metadata.addr': 'app-web-c86b8d8b' };
new ApiObject(chart, 'web', {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    minReadySeconds: 0,
    progressDeadlineSeconds: 600,
    replicas: 2,
    selector: { matchLabels: selector },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: {
      metadata: { labels: selector },
      spec: {
        ...podDefaults,
        securityContext: { fsGroupChangePolicy: 'Always', runAsNonRoot: true },
        containers: [{
          name: 'web',
          image: 'nginxinc/nginx-unprivileged:1.27',
          imagePullPolicy: 'Always',
          ports: [{ containerPort: 8080 }],
          env: [{ name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'web-config', key: 'color' } } }],
          resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
          securityContext: containerSecurity,
          livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, periodSeconds: 10, failureThreshold: 3 },
          readinessProbe: { httpGet: { path: '/ready', port: 8080, scheme: 'HTTP' }, failureThreshold: 3 },
          startupProbe: { tcpSocket: { port: 8080 }, failureThreshold: 3 },
          volumeMounts: [{ name: 'files', mountPath: '/etc/nginx/conf.d' }, { name: 'cache', mountPath: '/var/cache/nginx' }],
        }],
        volumes: [{ name: 'files', configMap: { name: 'web-files' } }, { name: 'cache', emptyDir: {} }],
      },
    },
  },
});

new ApiObject(chart, 'qos', {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'qos-demo', labels: { 'cdk8s.io/metadata.addr': 'app-qos-c8d88cce' } },
  spec: {
    ...podDefaults,
    securityContext: { fsGroupChangePolicy: 'Always', runAsNonRoot: true },
    containers: [{
      name: 'qos-demo-ctr',
      image: 'nginx',
      imagePullPolicy: 'Always',
      resources: { requests: { cpu: '700m', memory: '200Mi' }, limits: { cpu: '700m', memory: '200Mi' } },
      securityContext: containerSecurity,
    }],
  },
});

new ApiObject(chart, 'secure', {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'secure', labels: { 'cdk8s.io/metadata.addr': 'app-secure-c8241b76' } },
  spec: {
    ...podDefaults,
    securityContext: { fsGroupChangePolicy: 'Always', runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [{
      name: 'app',
      image: 'busybox:1.36',
      imagePullPolicy: 'Always',
      command: ['sleep', '3600'],
      resources: { requests: { cpu: '1000m', memory: '512Mi' }, limits: { cpu: '1500m', memory: '2048Mi' } },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true },
    }],
  },
});

app.synth();
