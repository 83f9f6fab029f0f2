import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { ConfigMap } from './config-map';
import { ExternalConfigMap } from './config-map-references';
import { Pod } from './pod';

const podUsing = (chart: Chart, configMap: string, optional?: boolean) =>
  new Pod(chart, 'p', {
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', image: 'x', env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: configMap, key: 'a', ...(optional === undefined ? {} : { optional }) } } }] }] },
  });

describe('a plain Pod referencing a ConfigMap by name', () => {
  it('fails when the ConfigMap is neither in the app nor declared external', () => {
    const app = Testing.app();
    podUsing(new Chart(app, 'c'), 'special-config');
    expect(() => app.synthYaml()).toThrow(/spec\.containers\[0\]\.env\[0\]\.valueFrom\.configMapKeyRef\.name: .*\[config-map\/not-found\]/);
  });

  it('passes when the ConfigMap is declared external', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new ExternalConfigMap(chart, 'ext', { name: 'special-config' });
    podUsing(chart, 'special-config');
    expect(() => app.synthYaml()).not.toThrow();
  });

  it('passes when the reference is optional', () => {
    const app = Testing.app();
    podUsing(new Chart(app, 'c'), 'special-config', true);
    expect(() => app.synthYaml()).not.toThrow();
  });

  it('fails when the only ConfigMap of that name is in another namespace', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new ConfigMap(chart, 'cm', { metadata: { name: 'special-config', namespace: 'other' }, data: { a: '1' } });
    podUsing(chart, 'special-config');
    expect(() => app.synthYaml()).toThrow(/configMapKeyRef\.name: .*\[config-map\/other-namespace\]/);
  });

  it('passes when it is declared external in the pod\'s namespace, although one of that name is in another namespace', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new ConfigMap(chart, 'cm', { metadata: { name: 'special-config', namespace: 'other' }, data: { a: '1' } });
    new ExternalConfigMap(chart, 'ext', { name: 'special-config' });
    podUsing(chart, 'special-config');
    expect(() => app.synthYaml()).not.toThrow();
  });
});
