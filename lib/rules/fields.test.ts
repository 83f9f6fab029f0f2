import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusMissing, locateCorpus } from '../../test-support/corpora';
import type { KubeObject } from '../k8s';
import { readManifests } from '../lint/read';
import { checkFields, fieldRules } from './fields';
import { checkObject } from './index';

const container = (extra: Record<string, unknown> = {}) => ({ name: 'c', image: 'nginx', ...extra });
const pod = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [container()], ...spec }, ...extra });
const podWith = (c: Record<string, unknown>) => pod({ containers: [container(c)] });
const deployment = (podSpec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd' },
  spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [container()], ...podSpec } } },
});
const cronJob = (c: Record<string, unknown>): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'c' },
  spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [container(c)] } } } } },
});
const probe = (failureThreshold: unknown) => ({ livenessProbe: { exec: { command: ['true'] }, failureThreshold } });

const cases = [
  { name: 'a container field is misspelt', bad: podWith({ imagePullPolisy: 'Always' }), good: podWith({ imagePullPolicy: 'Always' }), rule: 'fields/unknown', path: 'spec.containers[0].imagePullPolisy', message: 'unknown field "spec.containers[0].imagePullPolisy"' },
  // sigs.k8s.io/json joins the field to its path with a dot whatever it holds (`newFieldError`): no brackets
  { name: 'a container field is written in kebab case', bad: podWith({ 'image-pull-policy': 'Always' }), good: podWith({ imagePullPolicy: 'Always' }), rule: 'fields/unknown', path: 'spec.containers[0].image-pull-policy', message: 'unknown field "spec.containers[0].image-pull-policy"' },
  { name: 'a pod spec field is misspelt', bad: pod({ nodeSelecter: { disk: 'ssd' } }), good: pod({ nodeSelector: { disk: 'ssd' } }), rule: 'fields/unknown', path: 'spec.nodeSelecter', message: 'unknown field "spec.nodeSelecter"' },
  { name: 'a top-level field is misspelt', bad: pod({}, { metdata: {} }), good: pod({}, { status: {} }), rule: 'fields/unknown', path: 'metdata', message: 'unknown field "metdata"' },
  { name: 'a metadata field is misspelt', bad: pod({}, { metadata: { name: 'p', label: { a: 'b' } } }), good: pod({}, { metadata: { name: 'p', labels: { a: 'b' } } }), rule: 'fields/unknown', path: 'metadata.label', message: 'unknown field "metadata.label"' },
  { name: 'a Deployment template field is misspelt', bad: deployment({ restartPolicey: 'Always' }), good: deployment({ restartPolicy: 'Always' }), rule: 'fields/unknown', path: 'spec.template.spec.restartPolicey', message: 'unknown field "spec.template.spec.restartPolicey"' },
  { name: 'a CronJob container probe field is misspelt', bad: cronJob({ livenessProbe: { exec: { command: ['x'] }, periodSecond: 5 } }), good: cronJob({ livenessProbe: { exec: { command: ['x'] }, periodSeconds: 5 } }), rule: 'fields/unknown', path: 'spec.jobTemplate.spec.template.spec.containers[0].livenessProbe.periodSecond', message: 'unknown field "spec.jobTemplate.spec.template.spec.containers[0].livenessProbe.periodSecond"' },
  { name: 'a volume source is misspelt', bad: pod({ volumes: [{ name: 'v', emptydir: {} }] }), good: pod({ volumes: [{ name: 'v', emptyDir: {} }] }), rule: 'fields/unknown', path: 'spec.volumes[0].emptydir', message: 'unknown field "spec.volumes[0].emptydir"' },
  {
    name: 'failureThreshold is 9007199254740993 (beyond int32)',
    bad: podWith(probe(9007199254740993)),
    good: podWith(probe(2147483647)),
    rule: 'fields/integer-range',
    path: 'spec.containers[0].livenessProbe.failureThreshold',
    message: 'json: cannot unmarshal number 9007199254740992 into Go struct field Probe.spec.containers.livenessProbe.failureThreshold of type int32',
  },
  {
    name: 'a containerPort is beyond int32',
    bad: podWith({ ports: [{ containerPort: 2 ** 31 }] }),
    good: podWith({ ports: [{ containerPort: 80 }] }),
    rule: 'fields/integer-range',
    path: 'spec.containers[0].ports[0].containerPort',
    message: 'json: cannot unmarshal number 2147483648 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
  },
  {
    name: 'an int64 field holds a fraction',
    bad: pod({ terminationGracePeriodSeconds: 2.5 }),
    good: pod({ terminationGracePeriodSeconds: 2 }),
    rule: 'fields/integer-range',
    path: 'spec.terminationGracePeriodSeconds',
    message: 'json: cannot unmarshal number 2.5 into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
  },
  {
    name: 'a bool field holds a string',
    bad: pod({ hostNetwork: 'true' }),
    good: pod({ hostNetwork: true }),
    rule: 'fields/type-mismatch',
    path: 'spec.hostNetwork',
    message: 'json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool',
  },
  {
    name: 'a list field holds an object',
    bad: pod({ containers: container() }),
    good: pod({ containers: [container()] }),
    rule: 'fields/type-mismatch',
    path: 'spec.containers',
    message: 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
  },
];

describe('checkFields', () => {
  it.each(cases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkFields(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(checkObject(good).filter((v) => v.rule.startsWith('fields/'))).toEqual([]);
  });
  it('does not check custom resources, unknown kinds or other API versions', () => {
    expect(checkFields({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spek: {} })).toEqual([]);
    expect(checkFields({ apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: { name: 'w' }, spek: {} })).toEqual([]);
  });
  it('accepts numbers where a quantity or an int-or-string is written', () => {
    expect(checkFields(podWith({ resources: { limits: { cpu: 2, memory: '1Gi' } }, livenessProbe: { httpGet: { port: 'http' } } }))).toEqual([]);
  });
  it('treats null as unset', () => {
    expect(checkFields(podWith({ securityContext: null, livenessProbe: { exec: null, failureThreshold: null } }))).toEqual([]);
  });
});

describe('fields the target Kubernetes version does not have yet', () => {
  const withHostnameOverride = pod({ hostnameOverride: 'node-a' });
  it('fails spec.hostnameOverride (added in 1.34) at 1.33', () => {
    expect(checkFields(withHostnameOverride, { kubernetesVersion: '1.33' })).toEqual([
      fieldRules.newerThanTarget.at('spec.hostnameOverride', 'spec.hostnameOverride', '1.34', '1.33'),
    ]);
  });
  it('passes it at 1.34', () => {
    expect(checkFields(withHostnameOverride, { kubernetesVersion: '1.34' })).toEqual([]);
  });
  it('fails a container appArmorProfile (added in 1.31) at 1.30 but not at 1.31', () => {
    const p = podWith({ securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } });
    expect(checkFields(p, { kubernetesVersion: '1.30' }).map((v) => [v.rule, v.path])).toEqual([['fields/newer-than-target', 'spec.containers[0].securityContext.appArmorProfile']]);
    expect(checkFields(p, { kubernetesVersion: '1.31' })).toEqual([]);
  });
});

function manifestsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...manifestsUnder(p));
    else if (/\.ya?ml$/.test(entry.name) && !entry.name.endsWith('.patch.yaml')) out.push(p); // kustomize patches are not manifests
  }
  return out;
}

/** Real manifests written for real clusters: the field check must find no unknown field in them. */
for (const [repo, folders] of [
  ['GoogleCloudPlatform/microservices-demo', ['kubernetes-manifests', 'release', 'kustomize']],
  ['kubernetes/examples', ['web', 'databases', 'AI']],
] as const) {
  const dir = locateCorpus({ repo, folders: [...folders] });
  describe.skipIf(!dir)(`unknown fields in ${repo}${dir ? '' : ` (skipped: ${corpusMissing(repo)})`}`, () => {
    it('finds none in its manifests', () => {
      const findings: string[] = [];
      let objects = 0;
      for (const folder of folders) {
        const root = path.join(dir!, folder);
        if (!fs.existsSync(root)) continue;
        for (const file of manifestsUnder(root)) {
          let sourced;
          try {
            sourced = readManifests({ file, text: fs.readFileSync(file, 'utf8') });
          } catch {
            continue; // templates and other non-manifest YAML
          }
          for (const { object } of sourced) {
            objects++;
            for (const v of checkFields(object)) findings.push(`${file}: ${v.path}: ${v.message}`);
          }
        }
      }
      expect(objects).toBeGreaterThan(10);
      expect(findings).toEqual([]);
    });
  });
}
