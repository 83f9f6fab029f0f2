import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { probeRules } from '../lib/rules/probes';
import { ViolationError } from '../lib/violation';
import { LifecycleHandler } from './lifecycle-handler';
import { Pod } from './pod';
import { Probe } from './probe';
import { toWire } from './wire';

describe('Probe', () => {
  it('serializes to exactly the wire probe, nothing added', () => {
    expect(toWire(Probe.exec(['cat', '/tmp/healthy'], { initialDelaySeconds: 5, periodSeconds: 5 }))).toEqual({
      exec: { command: ['cat', '/tmp/healthy'] },
      initialDelaySeconds: 5,
      periodSeconds: 5,
    });
    expect(toWire(Probe.httpGet({ path: '/healthz', port: 8080, httpHeaders: [{ name: 'Custom-Header', value: 'Awesome' }] }))).toEqual({
      httpGet: { path: '/healthz', port: 8080, httpHeaders: [{ name: 'Custom-Header', value: 'Awesome' }] },
    });
    expect(toWire(Probe.tcpSocket({ port: 'liveness-port' }))).toEqual({ tcpSocket: { port: 'liveness-port' } });
    expect(toWire(Probe.grpc({ port: 2379 }, { initialDelaySeconds: 10 }))).toEqual({ grpc: { port: 2379 }, initialDelaySeconds: 10 });
  });

  it("builds the page's startup probe from the start-up to tolerate: 300 s at periodSeconds 10 → failureThreshold 30", () => {
    const probe = Probe.httpGet({ path: '/healthz', port: 'liveness-port' }, { periodSeconds: 10 }).toleratingStartup(300);
    expect(toWire(probe)).toEqual({ httpGet: { path: '/healthz', port: 'liveness-port' }, periodSeconds: 10, failureThreshold: 30 });
    expect(probe.startupBudgetSeconds).toBe(300);
    expect(Probe.exec(['true']).toleratingStartup(95).startupBudgetSeconds).toBe(100);
  });

  it('fails when an explicit failureThreshold does not cover the start-up to tolerate', () => {
    const short = Probe.exec(['true'], { failureThreshold: 20, periodSeconds: 10 });
    let error: unknown;
    try {
      short.toleratingStartup(300);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ViolationError);
    expect((error as ViolationError).violations).toEqual([probeRules.startupBudgetTooShort.at('startupProbe.failureThreshold', 200, 300, 20, 10)]);
    expect(Probe.exec(['true'], { failureThreshold: 30, periodSeconds: 10 }).toleratingStartup(300).startupBudgetSeconds).toBe(300);
  });
});

describe('LifecycleHandler', () => {
  it('serializes each action to the wire handler', () => {
    expect(toWire(LifecycleHandler.exec(['/usr/sbin/nginx', '-s', 'quit']))).toEqual({ exec: { command: ['/usr/sbin/nginx', '-s', 'quit'] } });
    expect(toWire(LifecycleHandler.sleep(5))).toEqual({ sleep: { seconds: 5 } });
    expect(toWire(LifecycleHandler.httpGet({ path: '/shutdown', port: 8080 }))).toEqual({ httpGet: { path: '/shutdown', port: 8080 } });
    expect(toWire(LifecycleHandler.tcpSocket({ port: 8080 }))).toEqual({ tcpSocket: { port: 8080 } });
  });
});

describe('typed probes in a Pod', () => {
  const violationsOf = (build: () => unknown): ViolationError['violations'] => {
    try {
      build();
    } catch (e) {
      if (e instanceof ViolationError) return e.violations;
      throw e;
    }
    return [];
  };

  it('fails when a probe names a port the container does not declare, and passes when it does', () => {
    const withPorts = (ports: { name: string; containerPort: number }[]) => () =>
      new Pod(Testing.chart(), 'p', {
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'app', image: 'nginx', ports, livenessProbe: Probe.httpGet({ path: '/healthz', port: 'liveness-port' }) }] },
      });
    expect(violationsOf(withPorts([{ name: 'http', containerPort: 8080 }])).map((v) => [v.rule, v.path])).toEqual([
      ['probes/named-port-undeclared', 'spec.containers[0].livenessProbe.httpGet.port'],
    ]);
    expect(violationsOf(withPorts([{ name: 'liveness-port', containerPort: 8080 }]))).toEqual([]);
  });

  it('fails when a widened successThreshold gets past the types (runtime rule is the authority)', () => {
    const threshold = Number('2') as 1;
    const build = (successThreshold: 1) => () =>
      new Pod(Testing.chart(), 'p', {
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'app', image: 'nginx', livenessProbe: Probe.exec(['true'], { successThreshold }) }] },
      });
    expect(violationsOf(build(threshold)).map((v) => [v.rule, v.path])).toEqual([['probes/liveness-success-threshold', 'spec.containers[0].livenessProbe.successThreshold']]);
    expect(violationsOf(build(1))).toEqual([]);
  });

  it('fails when a preStop sleep exceeds the grace period, and passes within it', () => {
    const build = (grace: number) => () =>
      new Pod(Testing.chart(), 'p', {
        metadata: { name: 'p' },
        spec: { terminationGracePeriodSeconds: grace, containers: [{ name: 'app', image: 'nginx', lifecycle: { preStop: LifecycleHandler.sleep(40) } }] },
      });
    expect(violationsOf(build(30)).map((v) => [v.rule, v.path])).toEqual([['lifecycle/sleep-seconds', 'spec.containers[0].lifecycle.preStop.sleep']]);
    expect(violationsOf(build(40))).toEqual([]);
  });
});
