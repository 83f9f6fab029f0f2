// The user's app written with cdk8s-podkit (bench/twins.ts copies it into a project that installs the packed
// package, with the import below pointing at 'cdk8s-podkit'). It writes out what cdk8s-plus-28 injects (its
// defaults, its selector label), so that the three twins synthesize the same YAML, byte for byte.
import { App, Chart } from 'cdk8s';
import { ConfigMap, Deployment, GuaranteedPod, Probe, SecurePod, configMapKeyRef, configMapVolume, emptyDirVolume, volumeMount } from '../../index';

const app = new App();
const chart = new Chart(app, 'app');

const config = new ConfigMap(chart, 'config', { metadata: { name: 'web-config' }, data: { color: 'blue', mode: 'production' }, immutable: false });
const files = new ConfigMap(chart, 'files', { metadata: { name: 'web-files' }, data: { 'default.conf': 'server { listen 8080; }\n' }, immutable: false });

// What every cdk8s-plus-28 pod carries unless told otherwise.
const podDefaults = {
  automountServiceAccountToken: false,
  dnsPolicy: 'ClusterFirst',
  hostNetwork: false,
  restartPolicy: 'Always',
  setHostnameAsFQDN: false,
  terminationGracePeriodSeconds: 30,
} as const;
const containerSecurity = { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true } as const;

const filesVolume = configMapVolume('files', files);
const cacheVolume = emptyDirVolume('cache');
const selector = { 'cdk8s.io/metadata.addr': 'app-web-c86b8d8b' };
new Deployment(chart, 'web', {
  metadata: { name: 'web' },
  guarantees: { probed: true },
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
          env: [{ name: 'COLOR', valueFrom: configMapKeyRef(config, 'color') }],
          resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
          securityContext: containerSecurity,
          livenessProbe: Probe.httpGet({ path: '/healthz', port: 8080, scheme: 'HTTP' }, { periodSeconds: 10, failureThreshold: 3 }),
          readinessProbe: Probe.httpGet({ path: '/ready', port: 8080, scheme: 'HTTP' }, { failureThreshold: 3 }),
          startupProbe: Probe.tcpSocket({ port: 8080 }, { failureThreshold: 3 }),
          volumeMounts: [volumeMount(filesVolume, '/etc/nginx/conf.d'), volumeMount(cacheVolume, '/var/cache/nginx')],
        }],
        volumes: [filesVolume, cacheVolume],
      },
    },
  },
});

new GuaranteedPod(chart, 'qos', {
  metadata: { name: 'qos-demo', labels: { 'cdk8s.io/metadata.addr': 'app-qos-c8d88cce' } },
  spec: {
    ...podDefaults,
    securityContext: { fsGroupChangePolicy: 'Always', runAsNonRoot: true },
    containers: [{ name: 'qos-demo-ctr', image: 'nginx', imagePullPolicy: 'Always', resources: { cpu: '700m', memory: '200Mi' }, securityContext: containerSecurity }],
  },
});

new SecurePod(chart, 'secure', {
  metadata: { name: 'secure', labels: { 'cdk8s.io/metadata.addr': 'app-secure-c8241b76' } },
  spec: {
    ...podDefaults,
    securityContext: { fsGroupChangePolicy: 'Always' },
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
