import { describe, expect, it } from 'vitest';
import type { Lifecycle, PodLike } from '../k8s';
import { checkPod } from './index';
import { checkLifecycle, lifecycleRules } from './lifecycle';

const pod = (lifecycle: Lifecycle, grace?: number): PodLike => ({
  spec: {
    containers: [{ name: 'app', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }], lifecycle }],
    ...(grace === undefined ? {} : { terminationGracePeriodSeconds: grace }),
  },
});
const quit = { exec: { command: ['/usr/sbin/nginx', '-s', 'quit'] } };

const cases = [
  {
    name: 'a preStop sleep is longer than the default grace period of 30 s',
    bad: pod({ preStop: { sleep: { seconds: 31 } } }),
    good: pod({ preStop: { sleep: { seconds: 30 } } }),
    rule: 'lifecycle/sleep-seconds',
    path: 'spec.containers[0].lifecycle.preStop.sleep',
    message: 'Invalid value: 31: must be greater than 0 and less than terminationGracePeriodSeconds (30)',
  },
  {
    name: "a preStop sleep is longer than the pod's own grace period",
    bad: pod({ preStop: { sleep: { seconds: 60 } } }, 45),
    good: pod({ preStop: { sleep: { seconds: 60 } } }, 60),
    rule: 'lifecycle/sleep-seconds',
    path: 'spec.containers[0].lifecycle.preStop.sleep',
    message: lifecycleRules.sleepSeconds.message(60, 45),
  },
  {
    name: 'a postStart sleep is 0 (v1.31)',
    bad: pod({ postStart: { sleep: { seconds: 0 } } }),
    good: pod({ postStart: { sleep: { seconds: 1 } } }),
    rule: 'lifecycle/sleep-seconds',
    path: 'spec.containers[0].lifecycle.postStart.sleep',
    message: 'Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30)',
  },
  {
    name: 'a hook has exec and sleep',
    bad: pod({ preStop: { ...quit, sleep: { seconds: 5 } } }),
    good: pod({ preStop: quit }),
    rule: 'lifecycle/multiple-handlers',
    path: 'spec.containers[0].lifecycle.preStop.sleep',
    message: 'Forbidden: may not specify more than 1 handler type',
  },
  {
    name: 'a hook has no handler (grpc is not a lifecycle handler)',
    bad: pod({ postStart: { grpc: { port: 80 } } as never }),
    good: pod({ postStart: { tcpSocket: { port: 80 } } }),
    rule: 'lifecycle/handler-required',
    path: 'spec.containers[0].lifecycle.postStart',
    message: 'Required value: must specify a handler type',
  },
  {
    name: 'an exec hook has no command',
    bad: pod({ postStart: { exec: {} } }),
    good: pod({ postStart: { exec: { command: ['/bin/sh', '-c', 'echo Hello from the postStart handler > /usr/share/message'] } } }),
    rule: 'lifecycle/exec-command-required',
    path: 'spec.containers[0].lifecycle.postStart.exec.command',
    message: 'Required value',
  },
  {
    name: 'an httpGet hook uses port 0',
    bad: pod({ postStart: { httpGet: { path: '/', port: 0 } } }),
    good: pod({ postStart: { httpGet: { path: '/', port: 80 } } }),
    rule: 'lifecycle/port-invalid',
    path: 'spec.containers[0].lifecycle.postStart.httpGet.port',
    message: 'Invalid value: 0: must be between 1 and 65535, inclusive',
  },
  {
    name: 'an httpGet hook names an undeclared port (podkit rule)',
    bad: pod({ preStop: { httpGet: { path: '/shutdown', port: 'admin' } } }),
    good: pod({ preStop: { httpGet: { path: '/shutdown', port: 'http' } } }),
    rule: 'lifecycle/named-port-undeclared',
    path: 'spec.containers[0].lifecycle.preStop.httpGet.port',
    message: lifecycleRules.namedPortUndeclared.message('admin', ['http']),
  },
  {
    name: 'an httpGet hook has an unsupported scheme',
    bad: pod({ preStop: { httpGet: { path: '/', port: 80, scheme: 'FTP' } } }),
    good: pod({ preStop: { httpGet: { path: '/', port: 80, scheme: 'HTTP' } } }),
    rule: 'lifecycle/http-scheme-unsupported',
    path: 'spec.containers[0].lifecycle.preStop.httpGet.scheme',
    message: 'Unsupported value: "FTP": supported values: "HTTP", "HTTPS"',
  },
  {
    name: 'an httpGet hook sends a header with an invalid name',
    bad: pod({ postStart: { httpGet: { path: '/', port: 80, httpHeaders: [{ name: 'X_Token', value: 't' }] } } }),
    good: pod({ postStart: { httpGet: { path: '/', port: 80, httpHeaders: [{ name: 'X-Token', value: 't' }] } } }),
    rule: 'lifecycle/http-header-name-invalid',
    path: 'spec.containers[0].lifecycle.postStart.httpGet.httpHeaders',
    message: lifecycleRules.httpHeaderNameInvalid.message('X_Token', "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"),
  },
  {
    // the API server decodes a header without a name as the empty name, which is invalid
    name: 'an httpGet hook sends a header without a name',
    bad: pod({ postStart: { httpGet: { path: '/', port: 80, httpHeaders: [{ value: 't' } as { name: string; value: string }] } } }),
    good: pod({ postStart: { httpGet: { path: '/', port: 80, httpHeaders: [{ name: 'X-Token', value: 't' }] } } }),
    rule: 'lifecycle/http-header-name-invalid',
    path: 'spec.containers[0].lifecycle.postStart.httpGet.httpHeaders',
    message: lifecycleRules.httpHeaderNameInvalid.message('', "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"),
  },
];

describe('checkLifecycle', () => {
  it.each(cases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkLifecycle(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(checkPod(good)).toEqual([]);
  });

  it('validates the hooks of a sidecar, not those of a plain init container', () => {
    const sidecar: PodLike = {
      spec: { containers: [{ name: 'app', image: 'nginx' }], initContainers: [{ name: 's', image: 'envoy', restartPolicy: 'Always', lifecycle: { preStop: { sleep: { seconds: 99 } } } }] },
    };
    expect(checkLifecycle(sidecar).map((v) => v.path)).toEqual(['spec.initContainers[0].lifecycle.preStop.sleep']);
    const plain: PodLike = { spec: { ...sidecar.spec, initContainers: [{ name: 's', image: 'envoy', lifecycle: { preStop: { sleep: { seconds: 99 } } } }] } };
    expect(checkLifecycle(plain)).toEqual([]);
  });
});
