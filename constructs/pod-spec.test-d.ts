/**
 * Pod spec props are typed field by field, in every construct that takes one: a misspelt or mistyped field
 * does not compile, and every field of a v1 PodSpec (1.32) does.
 */
import { Testing } from 'cdk8s';
import { describe, expectTypeOf, it } from 'vitest';
import type { PodSpecFields } from '../lib/k8s';
import { Pod, type PodSpecProps } from './pod';
import { GuaranteedPod } from './qos-pods';
import { SharedProcessNamespacePod } from './shared-process-namespace';
import type { StaticPodSpecProps } from './static-pod';

const app = { name: 'app', image: 'nginx' };

describe('pod spec props', () => {
  it('reject a field of the wrong type and a field no PodSpec has', () => {
    const chart = Testing.chart();
    new Pod(chart, 'ok', { spec: { containers: [app], restartPolicy: 'Never' } });
    // @ts-expect-error restartPolicy is a string
    new Pod(chart, 'restart', { spec: { containers: [app], restartPolicy: 42 } });
    // @ts-expect-error volumes is a list of volumes
    new Pod(chart, 'volumes', { spec: { containers: [app], volumes: 'nope' } });
    // @ts-expect-error no PodSpec field is called restartPolcy
    new Pod(chart, 'typo', { spec: { containers: [app], restartPolcy: 'Never' } });
  });

  it('reject a misspelt volume source, and take every v1 volume source', () => {
    const chart = Testing.chart();
    new Pod(chart, 'nfs', { spec: { containers: [app], volumes: [{ name: 'v', nfs: { server: 'nfs.example', path: '/exports' } }] } });
    new Pod(chart, 'host', { spec: { containers: [app], volumes: [{ name: 'v', hostPath: { path: '/var/log' } }] } });
    // @ts-expect-error no volume source is called hostPth
    new Pod(chart, 'typo', { spec: { containers: [app], volumes: [{ name: 'v', hostPth: { path: '/var/log' } }] } });
  });

  it('take every other field of a v1 PodSpec', () => {
    const chart = Testing.chart();
    new Pod(chart, 'all', {
      spec: {
        containers: [app],
        dnsConfig: { nameservers: ['1.2.3.4'], searches: ['ns1.svc.cluster-domain.example'], options: [{ name: 'ndots', value: '2' }] },
        hostAliases: [{ ip: '127.0.0.1', hostnames: ['foo.local'] }],
        imagePullSecrets: [{ name: 'regcred' }],
        overhead: { cpu: '250m' },
        preemptionPolicy: 'Never',
        priority: 1000,
        readinessGates: [{ conditionType: 'www.example.com/feature-1' }],
        schedulingGates: [{ name: 'example.com/foo' }],
        serviceAccount: 'legacy',
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'a' } } }],
      },
    });
  });

  it('keep the container types in a SharedProcessNamespacePod', () => {
    const chart = Testing.chart();
    new SharedProcessNamespacePod(chart, 'ok', { spec: { containers: [app] } });
    // @ts-expect-error a container has a name (not nmae) and a string image
    new SharedProcessNamespacePod(chart, 'typo', { spec: { containers: [{ nmae: 'typo', image: 42 }] } });
  });

  it('keep the security context type in a GuaranteedPod', () => {
    const chart = Testing.chart();
    const containers = [{ ...app, resources: { cpu: '1', memory: '1Gi' } as const }];
    new GuaranteedPod(chart, 'ok', { spec: { containers, securityContext: { runAsUser: 1000 } } });
    // @ts-expect-error capabilities are a container-level setting, and not a string
    new GuaranteedPod(chart, 'bogus', { spec: { containers, securityContext: { capabilities: 'bogus' } } });
  });

  it('have no index signature, so that Omit<> keeps the fields', () => {
    expectTypeOf<PodSpecProps>().toHaveProperty('restartPolicy');
    expectTypeOf<Omit<PodSpecProps, 'containers'>>().toHaveProperty('volumes');
    expectTypeOf<Omit<StaticPodSpecProps, 'containers'>>().toHaveProperty('restartPolicy');
    expectTypeOf<Omit<PodSpecFields, 'containers'>>().toHaveProperty('topologySpreadConstraints');
    expectTypeOf<keyof PodSpecProps>().not.toEqualTypeOf<string>();
  });
});
