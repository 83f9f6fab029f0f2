import { Testing } from 'cdk8s';
import { describe, it } from 'vitest';
import { Service } from './service';

describe('Service props', () => {
  it('take a selector or a workload to select, not both', () => {
    const chart = Testing.chart();
    new Service(chart, 'a', { spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    new Service(chart, 'b', { selects: { podSelectorLabels: { app: 'web' } }, spec: { ports: [{ port: 80 }] } });
    // @ts-expect-error selects and spec.selector are exclusive: the selector would be written twice
    new Service(chart, 'c', { selects: { podSelectorLabels: { app: 'web' } }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  });

  it('take ports as numbers and targetPort as a number or a name', () => {
    const chart = Testing.chart();
    new Service(chart, 'a', { spec: { ports: [{ port: 80, targetPort: 'http' }, { port: 81, targetPort: 8081 }] } });
    // @ts-expect-error port is an int32 on the wire; a string is rejected by the API server's decoding
    new Service(chart, 'b', { spec: { ports: [{ port: '80' }] } });
  });

  it('accept widened strings for enum fields (the rules check them at runtime)', () => {
    const chart = Testing.chart();
    const type: string = 'NodePort';
    const protocol: string = 'UDP';
    new Service(chart, 'a', { spec: { type, ports: [{ port: 53, protocol }] } });
    new Service(chart, 'b', { spec: { type: 'LoadBalancer', ports: [{ port: 53, protocol: 'SCTP' }] } });
  });

  it('select only something with pods', () => {
    const chart = Testing.chart();
    // @ts-expect-error a plain label map is not a workload: give it as spec.selector
    new Service(chart, 'a', { selects: { app: 'web' }, spec: { ports: [{ port: 80 }] } });
  });
});
