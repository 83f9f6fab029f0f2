/**
 * What guarantees cost the type checker at a call site, measured as `tsc --extendedDiagnostics` does
 * (`getInstantiationCount`), on a consumer file of 1 and of 11 identical calls: the difference over 10 is the cost
 * of one more call site (STYLE.md §4 asks for ~0–10; measured here: 6). The flags are type parameters of their own, so the pod spec
 * type of a combination is computed once per program; an object type parameter (`Deployment<{ qos: … }>`) cost 31
 * per call site when measured the same way, a fresh object type at each call.
 */
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..', '..');
const CONSUMER = path.join(ROOT, 'constructs', 'workloads', '__type-cost-consumer.ts');
const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;

let previous: ts.Program | undefined;

/** Instantiations to type-check `body` as a file of this project, and its diagnostics. */
function measure(body: string): { instantiations: number; errors: string[] } {
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => (name === CONSUMER ? ts.createSourceFile(name, body, language) : getSourceFile(name, language, ...rest));
  host.fileExists = (name) => name === CONSUMER || ts.sys.fileExists(name);
  host.readFile = (name) => (name === CONSUMER ? body : ts.sys.readFile(name));
  const program = ts.createProgram({ rootNames: [CONSUMER], options: { ...parsed.options, noEmit: true, noUnusedLocals: false }, host, oldProgram: previous });
  previous = program;
  const errors = program.getSemanticDiagnostics(program.getSourceFile(CONSUMER)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  return { instantiations: program.getInstantiationCount(), errors };
}

const HEADER = `import { Testing } from 'cdk8s';
import { CronJob, DaemonSet, Deployment, Job, Pod, PodTemplate, Probe, ReplicaSet, StatefulSet } from '../../index';
const chart = Testing.chart();
const p = Probe.httpGet({ path: '/healthz', port: 8080 });
export const used = [CronJob, DaemonSet, Deployment, Job, Pod, PodTemplate, ReplicaSet, StatefulSet, p];
`;

const G = `guarantees: { qos: 'Guaranteed', podSecurity: 'restricted', probed: true }`;
const c = (i: number, probes = 'livenessProbe: p, readinessProbe: p') => `{ name: 'web', image: 'nginx:${i}', resources: { cpu: '500m', memory: '128Mi' }, ${probes} }`;
const template = (i: number, extra = '', probes?: string) => `template: { metadata: { labels: { app: 'web${i}' } }, spec: { ${extra}containers: [${c(i, probes)}] } }`;

/** One call site per case, numbered so that no two are the same text. */
const CASES: readonly [string, (i: number) => string][] = [
  ['Deployment without guarantees', (i) => `new Deployment(chart, 'd${i}', { spec: { template: { metadata: { labels: { app: 'web${i}' } }, spec: { containers: [{ name: 'web', image: 'nginx:${i}', resources: { requests: { cpu: '500m' }, limits: { cpu: '500m' } } }] } } } });`],
  ['Deployment, Guaranteed + restricted + probed', (i) => `new Deployment(chart, 'd${i}', { ${G}, spec: { replicas: 3, ${template(i)} } });`],
  ['Pod, Guaranteed + restricted + probed', (i) => `new Pod(chart, 'p${i}', { ${G}, spec: { containers: [${c(i)}] } });`],
  ['StatefulSet, Guaranteed + restricted + probed', (i) => `new StatefulSet(chart, 's${i}', { ${G}, spec: { serviceName: 'web', ${template(i)} } });`],
  ['DaemonSet, Guaranteed + restricted + probed', (i) => `new DaemonSet(chart, 'ds${i}', { ${G}, spec: { ${template(i)} } });`],
  ['ReplicaSet, Guaranteed + restricted + probed', (i) => `new ReplicaSet(chart, 'rs${i}', { ${G}, spec: { ${template(i)} } });`],
  ['Job, Guaranteed + restricted + probed', (i) => `new Job(chart, 'j${i}', { ${G}, spec: { ${template(i, "restartPolicy: 'Never', ", 'livenessProbe: p')} } });`],
  ['CronJob, Guaranteed + restricted + probed', (i) => `new CronJob(chart, 'cj${i}', { ${G}, spec: { schedule: '@daily', jobTemplate: { spec: { ${template(i, "restartPolicy: 'Never', ", 'livenessProbe: p')} } } } });`],
  ['PodTemplate, Guaranteed + restricted + probed', (i) => `new PodTemplate(chart, 'pt${i}', { ${G}, template: { spec: { containers: [${c(i)}] } } });`],
  ['Deployment, Windows + probed + BestEffort + shared process namespace', (i) => `new Deployment(chart, 'w${i}', { guarantees: { windows: true, probed: true, qos: 'BestEffort', sharedProcessNamespace: true }, spec: { template: { metadata: { labels: { app: 'w${i}' } }, spec: { os: { name: 'windows' }, containers: [{ name: 'iis', image: 'iis:${i}', livenessProbe: p, readinessProbe: p }] } } } });`],
];

describe('type-check cost of a call site', () => {
  // two programs (the second reuses the first's parsed files): one call of each case, then eleven of each
  it('is at most 10 instantiations per further call site, for every kind with guarantees (on average over the cases)', { timeout: 180_000 }, () => {
    const one = measure(HEADER + CASES.map(([, call]) => call(0)).join('\n'));
    const eleven = measure(HEADER + CASES.map(([, call]) => Array.from({ length: 11 }, (_, i) => call(i)).join('\n')).join('\n'));
    expect(one.errors).toEqual([]);
    expect(eleven.errors).toEqual([]);
    const perCall = (eleven.instantiations - one.instantiations) / (10 * CASES.length);
    expect(perCall).toBeGreaterThan(0);
    expect(perCall).toBeLessThanOrEqual(10);
  });
});
