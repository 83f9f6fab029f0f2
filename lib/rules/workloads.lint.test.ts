/**
 * restartPolicy by kind through the linter, as `podkit lint` reads YAML: a controller of long-running pods takes
 * only Always, a Job or a CronJob's job template only OnFailure or Never.
 */
import { describe, expect, it } from 'vitest';
import { lintSourced } from '../lint/lint';
import { readManifests } from '../lint/read';

const controller = (apiVersion: string, kind: string, policy: string) => `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: web
spec:
  selector:
${kind === 'ReplicationController' ? '    app: web' : '    matchLabels:\n      app: web'}
  template:
    metadata:
      labels:
        app: web
    spec:
      restartPolicy: ${policy}
      containers:
      - name: web
        image: nginx:1.27
`;

const job = (policy: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      restartPolicy: ${policy}
      containers:
      - name: pi
        image: perl:5.34
`;

const cronJob = (policy: string) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: ${policy}
          containers:
          - name: hello
            image: busybox:1.36
`;

const lint = (text: string) =>
  lintSourced(readManifests({ file: 'x.yaml', text })).findings.map((f) => [f.violation.rule, f.violation.path, f.line]);

const cases = [
  ...(
    [
      ['apps/v1', 'ReplicaSet'],
      ['apps/v1', 'DaemonSet'],
      ['apps/v1', 'StatefulSet'],
      ['v1', 'ReplicationController'],
    ] as const
  ).flatMap(([apiVersion, kind]) =>
    ['Never', 'OnFailure'].map((policy) => ({
      name: `a ${kind} with restartPolicy ${policy}`,
      bad: controller(apiVersion, kind, policy),
      good: controller(apiVersion, kind, 'Always'),
      expected: [['workloads/template-restart-policy', 'spec.template.spec.restartPolicy', kind === 'ReplicationController' ? 13 : 14]],
    })),
  ),
  { name: 'a Job with restartPolicy Always', bad: job('Always'), good: job('Never'), expected: [['jobs/template-restart-policy-required', 'spec.template.spec.restartPolicy', 8]] },
  {
    name: 'a CronJob whose job template has restartPolicy Always',
    bad: cronJob('Always'),
    good: cronJob('OnFailure'),
    expected: [['jobs/template-restart-policy-required', 'spec.jobTemplate.spec.template.spec.restartPolicy', 11]],
  },
];

describe('podkit lint: restartPolicy by kind', () => {
  it.each(cases)('fails when $name', ({ bad, expected }) => {
    expect(lint(bad)).toEqual(expected);
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(lint(good)).toEqual([]);
  });
});
