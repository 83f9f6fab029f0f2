/**
 * The workload examples (not from the docs): each synthesizes with the rest of the examples app, `podkit lint`
 * passes its output clean (no finding at all, warnings included), and with `--pss <level>` where the example
 * promises that level; the README snippet is at most 25 lines and writes what it says.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing, Yaml } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { lintSourced } from '../../lib/lint/lint';
import { readManifests } from '../../lib/lint/read';
import { buildExamplesApp } from '../app';
import { WORKLOAD_EXAMPLES } from './index';
import { webApp } from './README-snippet';
import { workloadChartId } from '../registry';

const { app, workloads, charts, prerequisites } = buildExamplesApp({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-workloads-')) });
// the whole app validates (every rule, cross-object ones included), as `cdk8s synth` does
const appYaml = app.synthYaml();

/** Every finding `podkit lint` reports on the chart's output as written, as `rule path` lines. */
function lint(text: string, file: string, pss?: 'baseline' | 'restricted'): string[] {
  const report = lintSourced(readManifests({ file, text }), pss ? { pss } : {});
  return report.findings.map((f) => `${f.violation.rule} ${f.violation.path}: ${f.violation.message}`);
}

describe('workload examples', () => {
  it('are in the examples app, one chart each, apart from the docs charts', () => {
    expect(appYaml.length).toBeGreaterThan(0);
    expect(workloads.map((w) => w.chart.node.id)).toEqual(WORKLOAD_EXAMPLES.map(workloadChartId));
    expect(charts.some((c) => c.chart.node.id.startsWith('workloads--'))).toBe(false);
  });

  it('are written by the app as `cdk8s synth` runs it (a fresh process: its module load order included)', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-synth-'));
    const root = path.join(__dirname, '..', '..');
    execFileSync(process.execPath, ['-r', './bin/register.js', 'examples/main.ts'], { cwd: root, env: { ...process.env, CDK8S_OUTDIR: outdir }, stdio: 'pipe' });
    const files = fs.readdirSync(outdir);
    expect(WORKLOAD_EXAMPLES.map((e) => `${workloadChartId(e)}.k8s.yaml`).filter((f) => !files.includes(f))).toEqual([]);
    expect(files.length).toBe(charts.length + prerequisites.length + workloads.length);
  });

  it('cover every workload kind', () => {
    const kinds = new Set(workloads.flatMap((w) => Testing.synth(w.chart).map((o) => (o as { kind: string }).kind)));
    for (const kind of ['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'PodTemplate']) expect(kinds).toContain(kind);
  });

  describe.each(workloads.map((w) => [workloadChartId(w.example), w] as const))('%s', (id, { example, chart }) => {
    const text = Yaml.stringify(...(chart.toJson() as unknown[]));

    it('passes podkit lint clean', () => {
      expect(lint(text, `${id}.k8s.yaml`)).toEqual([]);
    });

    const pss = example.pss;
    if (pss) {
      it(`passes podkit lint --pss ${pss} clean`, () => {
        expect(lint(text, `${id}.k8s.yaml`, pss)).toEqual([]);
      });
    }
  });

  it('fails lint --pss restricted for the baseline one (the check is not vacuous)', () => {
    const pod = workloads.find((w) => w.example.name === 'pod')!;
    const text = Yaml.stringify(...(pod.chart.toJson() as unknown[]));
    expect(lint(text, 'pod.k8s.yaml', 'restricted').map((l) => l.split(' ')[0])).toContain('pod-security/run-as-non-root');
  });
});

describe('README snippet', () => {
  const source = fs.readFileSync(path.join(__dirname, 'README-snippet.ts'), 'utf8');
  const region = source.slice(source.indexOf('// #region readme\n') + '// #region readme\n'.length, source.indexOf('// #endregion readme'));

  it('is what the README shows, importing from the package', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const shown = /<!-- readme-snippet: examples\/workloads\/README-snippet\.ts -->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(shown).toBe(region.replace("from '../../index'; // README: from 'cdk8s-podkit'", "from 'cdk8s-podkit';"));
  });

  it('is at most 25 lines', () => {
    expect(region.trimEnd().split('\n').length).toBeLessThanOrEqual(25);
  });

  it('writes a Deployment that is Guaranteed, restricted and probed', () => {
    const chart = Testing.chart();
    const web = webApp(chart);
    expect(web.qosClass).toBe('Guaranteed');
    expect(web.promiseNames).toEqual(['QoS class Guaranteed', 'Pod Security Standard restricted', 'probed']);
    const [deployment] = Testing.synth(chart) as { spec: { selector: unknown; template: { spec: { securityContext: unknown; containers: Record<string, unknown>[] } } } }[];
    expect(deployment!.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    const pod = deployment!.spec.template.spec;
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0]).toMatchObject({
      resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '500m', memory: '256Mi' } },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
      livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
      readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
    });
  });
});
