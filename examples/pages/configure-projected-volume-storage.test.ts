import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExamplesApp } from '../app';

const FILES = path.resolve(__dirname, '../../snapshots/reference/files/configure-projected-volume-storage');

describe("configure-projected-volume-storage: the page's Secrets", () => {
  const { charts, prerequisites } = buildExamplesApp();
  const secrets = prerequisites.find((p) => p.page === 'configure-projected-volume-storage' && p.prerequisite.id === 'secrets');

  it('are built in a prerequisite chart, apart from the example charts the reference harness compares', () => {
    expect(secrets?.chart.node.id).toBe('configure-projected-volume-storage--secrets');
    expect(charts.map((c) => c.chart)).not.toContain(secrets?.chart);
  });

  it('equal what the page’s commands make (kubectl create secret generic user|pass --from-file)', () => {
    const real = (name: string, file: string) => {
      const obj = JSON.parse(
        execFileSync('kubectl', ['create', 'secret', 'generic', name, `--from-file=${file}`, '--dry-run=client', '-o', 'json'], { cwd: FILES, env: { PATH: process.env.PATH ?? '', KUBECONFIG: '/dev/null' } }).toString(),
      ) as { metadata: Record<string, unknown> };
      delete obj.metadata.creationTimestamp;
      return obj;
    };
    expect(Object.values(secrets!.chart.toJson())).toEqual([real('user', './username.txt'), real('pass', './password.txt')]);
  });

  it('are what the Pod projects', () => {
    const pod = charts.find((c) => c.page === 'configure-projected-volume-storage')!.chart.toJson()[0] as { spec: { volumes: { projected: { sources: { secret: { name: string } }[] } }[] } };
    expect(pod.spec.volumes[0]!.projected.sources.map((s) => s.secret.name)).toEqual(['user', 'pass']);
  });
});
