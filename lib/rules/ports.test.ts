import { describe, expect, it } from 'vitest';
import type { ContainerPort, PodLike, PodSpec } from '../k8s';
import { checkPod } from './index';
import { checkPorts, portNameErrors, portRules } from './ports';

const pod = (ports: ContainerPort[], spec: Partial<PodSpec> = {}): PodLike => ({ spec: { containers: [{ name: 'app', image: 'nginx', ports }], ...spec } });
const two = (a: ContainerPort[], b: ContainerPort[], spec: Partial<PodSpec> = {}): PodLike => ({
  spec: { containers: [{ name: 'a', image: 'nginx', ports: a }, { name: 'b', image: 'nginx', ports: b }], ...spec },
});

const cases = [
  {
    name: 'containerPort is 0 (it is required)',
    bad: pod([{ containerPort: 0 }]),
    good: pod([{ containerPort: 80 }]),
    rule: 'ports/container-port-required',
    path: 'spec.containers[0].ports[0].containerPort',
    message: 'Required value',
  },
  {
    name: 'containerPort is 70000',
    bad: pod([{ containerPort: 70000 }]),
    good: pod([{ containerPort: 65535 }]),
    rule: 'ports/container-port-range',
    path: 'spec.containers[0].ports[0].containerPort',
    message: 'Invalid value: 70000: must be between 1 and 65535, inclusive',
  },
  {
    name: 'hostPort is negative',
    bad: pod([{ containerPort: 80, hostPort: -1 }]),
    good: pod([{ containerPort: 80, hostPort: 0 }]),
    rule: 'ports/host-port-range',
    path: 'spec.containers[0].ports[0].hostPort',
    message: portRules.hostPortRange.message(-1),
  },
  {
    name: 'a port name has an uppercase letter',
    bad: pod([{ name: 'Liveness-port', containerPort: 8080 }]),
    good: pod([{ name: 'liveness-port', containerPort: 8080 }]),
    rule: 'ports/name-invalid',
    path: 'spec.containers[0].ports[0].name',
    message: 'Invalid value: "Liveness-port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
  },
  {
    name: 'two ports of a container share a name',
    bad: pod([{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 8080 }]),
    good: pod([{ name: 'http', containerPort: 80 }, { name: 'http-alt', containerPort: 8080 }]),
    rule: 'ports/name-duplicate',
    path: 'spec.containers[0].ports[1].name',
    message: 'Duplicate value: "http"',
  },
  {
    name: 'the protocol is lowercase',
    bad: pod([{ containerPort: 53, protocol: 'udp' }]),
    good: pod([{ containerPort: 53, protocol: 'UDP' }]),
    rule: 'ports/protocol-unsupported',
    path: 'spec.containers[0].ports[0].protocol',
    message: 'Unsupported value: "udp": supported values: "SCTP", "TCP", "UDP"',
  },
  {
    name: 'two app containers take the same host port',
    bad: two([{ containerPort: 80, hostPort: 8080 }], [{ containerPort: 81, hostPort: 8080 }]),
    good: two([{ containerPort: 80, hostPort: 8080 }], [{ containerPort: 81, hostPort: 8080, protocol: 'UDP' }]),
    rule: 'ports/host-port-conflict',
    path: 'spec.containers[1].ports[0].hostPort',
    message: 'Duplicate value: "TCP//8080"',
  },
  {
    name: 'with hostNetwork, two containers default their host ports to the same containerPort',
    bad: two([{ containerPort: 80 }], [{ containerPort: 80 }], { hostNetwork: true }),
    good: two([{ containerPort: 80 }], [{ containerPort: 81 }], { hostNetwork: true }),
    rule: 'ports/host-port-conflict',
    path: 'spec.containers[1].ports[0].hostPort',
    message: 'Duplicate value: "TCP//80"',
  },
  {
    name: 'with hostNetwork, hostPort differs from containerPort',
    bad: pod([{ containerPort: 8080, hostPort: 8081 }], { hostNetwork: true }),
    good: pod([{ containerPort: 8080, hostPort: 8080 }], { hostNetwork: true }),
    rule: 'ports/host-network-host-port',
    path: 'spec.containers[0].ports[0].hostPort',
    message: 'Invalid value: 8081: must match `containerPort` when `hostNetwork` is true',
  },
];

describe('checkPorts', () => {
  it.each(cases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkPorts(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(checkPod(good)).toEqual([]);
  });

  it('checks init containers one at a time: the same host port in two init containers is fine', () => {
    const p: PodLike = {
      spec: {
        containers: [{ name: 'app', image: 'nginx' }],
        initContainers: [
          { name: 'i1', image: 'busybox', ports: [{ containerPort: 80, hostPort: 9000 }] },
          { name: 'i2', image: 'busybox', ports: [{ containerPort: 80, hostPort: 9000 }] },
        ],
      },
    };
    expect(checkPorts(p)).toEqual([]);
    p.spec.initContainers![1]!.ports!.push({ containerPort: 81, hostPort: 9000 });
    expect(checkPorts(p).map((v) => v.path)).toEqual(['spec.initContainers[1].ports[1].hostPort']);
  });

  it('reports a duplicate only for valid names, as the API server does', () => {
    expect(checkPorts(pod([{ name: 'Http', containerPort: 1 }, { name: 'Http', containerPort: 2 }])).map((v) => v.rule)).toEqual([
      'ports/name-invalid',
      'ports/name-invalid',
    ]);
  });
});

describe('portNameErrors (IsValidPortName)', () => {
  it.each([
    ['liveness-port', []],
    ['a-very-long-port-name', ['must be no more than 15 characters']],
    ['http_alt', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    ['8080', ['must contain at least one letter (a-z)']],
    ['a--b', ['must not contain consecutive hyphens']],
    ['-http', ['must not begin or end with a hyphen']],
    ['', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
    ['ポート', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
  ])('%j gives %j', (name, errs) => {
    expect(portNameErrors(name)).toEqual(errs);
  });
});
