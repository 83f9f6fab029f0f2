import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s';
import { VALID } from '../../test-support/workloads';
import { checkApp, lintObjects } from './app';
import { checkObject } from './index';
import { checkService, checkServiceTargetPorts, serviceRules } from './service';

const service = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata,
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }], ...spec },
});

const cases = [
  {
    name: 'a ClusterIP Service has no ports',
    bad: service({ ports: [] }),
    good: service({ ports: [], clusterIP: 'None' }),
    rule: 'service/ports-required',
    path: 'spec.ports',
    message: 'Required value',
  },
  {
    name: 'one of two ports has no name',
    bad: service({ ports: [{ name: 'http', port: 80 }, { port: 443 }] }),
    good: service({ ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }),
    rule: 'service/port-name-required',
    path: 'spec.ports[1].name',
    message: 'Required value',
  },
  {
    name: 'two ports have the same name',
    bad: service({ ports: [{ name: 'http', port: 80 }, { name: 'http', port: 8080 }] }),
    good: service({ ports: [{ name: 'http', port: 80 }, { name: 'http-alt', port: 8080 }] }),
    rule: 'service/port-name-duplicate',
    path: 'spec.ports[1].name',
    message: 'Duplicate value: "http"',
  },
  {
    name: 'a port name is not a DNS label',
    bad: service({ ports: [{ name: 'HTTP', port: 80 }] }),
    good: service({ ports: [{ name: 'http', port: 80 }] }),
    rule: 'service/port-name-invalid',
    path: 'spec.ports[0].name',
    message: expect.stringContaining('Invalid value: "HTTP": a lowercase RFC 1123 label must consist of'),
  },
  {
    name: 'the port is out of range',
    bad: service({ ports: [{ port: 70000 }] }),
    good: service({ ports: [{ port: 65535 }] }),
    rule: 'service/port-invalid',
    path: 'spec.ports[0].port',
    message: 'Invalid value: 70000: must be between 1 and 65535, inclusive',
  },
  {
    name: 'the port is missing',
    bad: service({ ports: [{ targetPort: 8080 }] }),
    good: service({ ports: [{ port: 80, targetPort: 8080 }] }),
    rule: 'service/port-invalid',
    path: 'spec.ports[0].port',
    message: 'Invalid value: 0: must be between 1 and 65535, inclusive',
  },
  {
    name: 'two ports have the same port and protocol',
    bad: service({ ports: [{ name: 'a', port: 53 }, { name: 'b', port: 53, protocol: 'TCP' }] }),
    good: service({ ports: [{ name: 'a', port: 53 }, { name: 'b', port: 53, protocol: 'UDP' }] }),
    rule: 'service/port-duplicate',
    path: 'spec.ports[1]',
    message: 'Duplicate value: {"port":53,"protocol":"TCP"}',
  },
  {
    name: 'the protocol is unknown',
    bad: service({ ports: [{ port: 80, protocol: 'HTTP' }] }),
    good: service({ ports: [{ port: 80, protocol: 'SCTP' }] }),
    rule: 'service/protocol-unsupported',
    path: 'spec.ports[0].protocol',
    message: 'Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
  },
  {
    name: 'the targetPort number is out of range',
    bad: service({ ports: [{ port: 80, targetPort: 65536 }] }),
    good: service({ ports: [{ port: 80, targetPort: 0 }] }),
    rule: 'service/target-port-invalid',
    path: 'spec.ports[0].targetPort',
    message: 'Invalid value: 65536: must be between 1 and 65535, inclusive',
  },
  {
    name: 'the targetPort is a number written as a string',
    bad: service({ ports: [{ port: 80, targetPort: '8080' }] }),
    good: service({ ports: [{ port: 80, targetPort: 8080 }] }),
    rule: 'service/target-port-invalid',
    path: 'spec.ports[0].targetPort',
    message: 'Invalid value: "8080": must contain at least one letter (a-z)',
  },
  {
    name: 'the type is unknown',
    bad: service({ type: 'Ingress' }),
    good: service({ type: 'LoadBalancer' }),
    rule: 'service/type-unsupported',
    path: 'spec.type',
    message: 'Unsupported value: "Ingress": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
  },
  {
    name: 'a ClusterIP Service sets a nodePort',
    bad: service({ ports: [{ port: 80, nodePort: 30080 }] }),
    good: service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }),
    rule: 'service/node-port-cluster-ip',
    path: 'spec.ports[0].nodePort',
    message: "Forbidden: may not be used when `type` is 'ClusterIP'",
  },
  {
    name: 'an ExternalName Service has no externalName',
    bad: service({ type: 'ExternalName', selector: undefined, ports: undefined }),
    good: service({ type: 'ExternalName', selector: undefined, ports: undefined, externalName: 'db.example.com' }),
    rule: 'service/external-name-required',
    path: 'spec.externalName',
    message: 'Required value',
  },
  {
    name: 'the externalName is not a DNS name',
    bad: service({ type: 'ExternalName', selector: undefined, ports: undefined, externalName: 'db_example' }),
    good: service({ type: 'ExternalName', selector: undefined, ports: undefined, externalName: 'db.example.com.' }),
    rule: 'service/external-name-invalid',
    path: 'spec.externalName',
    message: expect.stringContaining('Invalid value: "db_example": a lowercase RFC 1123 subdomain'),
  },
  {
    name: 'a selector value is not a label value',
    bad: service({ selector: { app: 'web server' } }),
    good: service({ selector: { app: 'web-server' } }),
    rule: 'service/selector-invalid',
    path: 'spec.selector',
    message: expect.stringContaining('Invalid value: "web server": a valid label must be an empty string'),
  },
  {
    name: 'a selector key is not a label key',
    bad: service({ selector: { 'app name': 'web' } }),
    good: service({ selector: { 'app.kubernetes.io/name': 'web' } }),
    rule: 'service/selector-invalid',
    path: 'spec.selector',
    message: expect.stringContaining('Invalid value: "app name": name part must consist of alphanumeric characters'),
  },
];

describe('checkService', () => {
  it.each(cases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkObject(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(checkObject(good)).toEqual([]);
  });
  it('warns (podkit rule) when a nodePort is outside the default range', () => {
    const bad = checkService(service({ type: 'NodePort', ports: [{ port: 80, nodePort: 8080 }] }));
    expect(bad).toEqual([expect.objectContaining({ rule: 'service/node-port-range', path: 'spec.ports[0].nodePort', severity: 'warning' })]);
    expect(checkService(service({ type: 'NodePort', ports: [{ port: 80, nodePort: 32767 }] }))).toEqual([]);
  });
  it('does not check a kustomize patch directive ($patch) as a whole Service', () => {
    expect(checkService({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, $patch: 'delete' })).toEqual([]);
    expect(checkService({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' } }).map((v) => v.rule)).toEqual(['service/ports-required']);
  });
  it('ignores other kinds and tolerates odd values', () => {
    expect(checkService({ apiVersion: 'serving.knative.dev/v1', kind: 'Service', metadata: { name: 'x' }, spec: { template: {} } })).toEqual([]);
    expect(checkService({ apiVersion: 'v1', kind: 'Service', spec: { ports: [null, 'x'], selector: 'x' } } as KubeObject).map((v) => v.rule)).toEqual([]);
  });
});

/** A workload whose pods are labelled `app: web` and declare the named ports given. */
const workload = (kind: string, ports: { name: string; containerPort: number; protocol?: string }[], namespace?: string): KubeObject => {
  const obj = VALID[kind]!({}, { containers: [{ name: 'web', image: 'nginx:1.27', ports }] });
  return namespace ? { ...obj, metadata: { ...obj.metadata, namespace } } : obj;
};

describe('checkServiceTargetPorts (cross-object)', () => {
  it.each(['Deployment', 'StatefulSet', 'DaemonSet', 'Pod', 'ReplicaSet'])('fails when the named targetPort is not a container port of the selected %s', (kind) => {
    const findings = checkApp([service({}), workload(kind, [{ name: 'web', containerPort: 80 }])]);
    expect(findings.map((f) => [f.object.kind, f.violation.rule, f.violation.path])).toEqual([['Service', 'service/target-port-not-found', 'spec.ports[0].targetPort']]);
    expect(findings[0]!.violation.message).toBe(serviceRules.targetPortNotFound.message('http', 'TCP', `${kind}/web: "web TCP"`));
  });
  it.each(['Deployment', 'StatefulSet', 'DaemonSet', 'Pod', 'ReplicaSet'])('passes when the selected %s declares the named port', (kind) => {
    expect(checkApp([service({}), workload(kind, [{ name: 'http', containerPort: 80 }])])).toEqual([]);
  });
  it('fails when the port exists with another protocol', () => {
    const objects = [service({ ports: [{ port: 53, targetPort: 'dns', protocol: 'UDP' }] }), workload('Deployment', [{ name: 'dns', containerPort: 53 }])];
    expect(checkServiceTargetPorts(objects).map((f) => f.violation.path)).toEqual(['spec.ports[0].targetPort']);
    const twin = [service({ ports: [{ port: 53, targetPort: 'dns', protocol: 'UDP' }] }), workload('Deployment', [{ name: 'dns', containerPort: 53, protocol: 'UDP' }])];
    expect(checkServiceTargetPorts(twin)).toEqual([]);
  });
  it('passes when any one of the selected workloads declares it', () => {
    expect(checkServiceTargetPorts([service({}), workload('Deployment', [{ name: 'web', containerPort: 80 }]), workload('StatefulSet', [{ name: 'http', containerPort: 80 }])])).toEqual([]);
  });
  it('does not report a Service that selects no workload of the set (its pods may be elsewhere)', () => {
    expect(checkServiceTargetPorts([service({ selector: { app: 'api' } }), workload('Deployment', [{ name: 'web', containerPort: 80 }])])).toEqual([]);
    expect(checkServiceTargetPorts([service({ selector: undefined }), workload('Deployment', [{ name: 'web', containerPort: 80 }])])).toEqual([]);
  });
  it('selects only within the namespace (an unset namespace may be any)', () => {
    const other = [service({}, { name: 'web', namespace: 'a' }), workload('Deployment', [{ name: 'web', containerPort: 80 }], 'b')];
    expect(checkServiceTargetPorts(other)).toEqual([]);
    const same = [service({}, { name: 'web', namespace: 'a' }), workload('Deployment', [{ name: 'web', containerPort: 80 }], 'a')];
    expect(checkServiceTargetPorts(same)).toHaveLength(1);
    const unset = [service({}, { name: 'web', namespace: 'a' }), workload('Deployment', [{ name: 'web', containerPort: 80 }])];
    expect(checkServiceTargetPorts(unset)).toHaveLength(1);
  });
  it('does not count init containers, and ignores numeric targetPorts', () => {
    const init = VALID.Deployment!({}, { initContainers: [{ name: 'i', image: 'busybox', ports: [{ name: 'http', containerPort: 80 }] }], containers: [{ name: 'web', image: 'nginx' }] });
    expect(checkServiceTargetPorts([service({}), init])).toHaveLength(1);
    expect(checkServiceTargetPorts([service({ ports: [{ port: 80, targetPort: 8080 }] }), init])).toEqual([]);
  });
  it('runs in lintObjects, reported against the Service', () => {
    const findings = lintObjects([service({}), workload('Deployment', [{ name: 'web', containerPort: 80 }])]);
    expect(findings.map((f) => [f.object.kind, f.object.index, f.violation.rule])).toEqual([['Service', 0, 'service/target-port-not-found']]);
  });
});
