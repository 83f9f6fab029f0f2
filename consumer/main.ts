// A cdk8s app as a user writes it: the package root, the user's own cdk8s and constructs.
import { ApiObject, App, Chart, Lazy, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import { ConfigMap, GuaranteedPod, Pod, Probe } from 'cdk8s-podkit';

class Web extends Chart {
  constructor(scope: Construct, id: string, props?: ChartProps) {
    super(scope, id, props);
    new ConfigMap(this, 'config', { metadata: { name: 'web-config' }, data: { color: 'blue', mode: 'on' } });
    new Pod(this, 'web', {
      metadata: { name: 'web', annotations: { owner: Lazy.any({ produce: () => 'team-a' }) as unknown as string } },
      spec: {
        containers: [
          {
            name: 'web',
            image: Lazy.any({ produce: () => 'nginx:1.27' }) as unknown as string,
            ports: [{ containerPort: 80 }],
            env: [{ name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'web-config', key: 'color' } } }],
            livenessProbe: Probe.httpGet({ path: '/healthz', port: 80 }, { periodSeconds: 10 }),
          },
        ],
      },
    });
    new GuaranteedPod(this, 'qos', {
      metadata: { name: 'qos-demo' },
      spec: { containers: [{ name: 'qos-demo-ctr', image: 'nginx', resources: { memory: '200Mi', cpu: '700m' } }] },
    });
  }
}

/** A chart of plain cdk8s objects: the package must not change how they are written. */
class Plain extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ApiObject(this, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'plain' }, data: { octal: '0o17', yes: 'yes', eq: '=' } });
  }
}

const app = new App();
new Web(app, 'web', { labels: { app: 'web' } });
new Plain(app, 'plain');
app.synth();
