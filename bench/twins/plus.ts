// The user's app written with cdk8s-plus-28 (its L2 constructs, as its docs show them; an escape hatch for the pod
// seccomp profile its props lack): bench/twins/podkit.ts and bench/twins/raw.ts write the same YAML, byte for byte.
import { ApiObject, App, Chart, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';

const app = new App();
const chart = new Chart(app, 'app');

const config = new kplus.ConfigMap(chart, 'config', { metadata: { name: 'web-config' }, data: { color: 'blue', mode: 'production' } });
const files = new kplus.ConfigMap(chart, 'files', { metadata: { name: 'web-files' }, data: { 'default.conf': 'server { listen 8080; }\n' } });

const web = new kplus.Deployment(chart, 'web', {
  metadata: { name: 'web' },
  replicas: 2,
  containers: [{
    name: 'web',
    image: 'nginxinc/nginx-unprivileged:1.27',
    portNumber: 8080,
    envVariables: { COLOR: kplus.EnvValue.fromConfigMap(config, 'color') },
    resources: { cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(500) }, memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) } },
    liveness: kplus.Probe.fromHttpGet('/healthz', { port: 8080, periodSeconds: Duration.seconds(10) }),
    readiness: kplus.Probe.fromHttpGet('/ready', { port: 8080 }),
  }],
});
web.containers[0]!.mount('/etc/nginx/conf.d', kplus.Volume.fromConfigMap(chart, 'files-volume', files, { name: 'files' }));
web.containers[0]!.mount('/var/cache/nginx', kplus.Volume.fromEmptyDir(chart, 'cache', 'cache'));

new kplus.Pod(chart, 'qos', {
  metadata: { name: 'qos-demo' },
  containers: [{ name: 'qos-demo-ctr', image: 'nginx', resources: { cpu: { request: kplus.Cpu.millis(700), limit: kplus.Cpu.millis(700) }, memory: { request: Size.mebibytes(200), limit: Size.mebibytes(200) } } }],
});

const secure = new kplus.Pod(chart, 'secure', {
  metadata: { name: 'secure' },
  containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [kplus.Capability.ALL] } } }],
});

ApiObject.of(secure).addJsonPatch(JsonPatch.add('/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }));

app.synth();
