import { describe, expect, it } from 'vitest';
import { VALID, template } from '../../test-support/workloads';
import { checkObject } from './index';
import { checkBatchWorkload, cronJobRules, jobRules } from './workloads-jobs';

const job = VALID.Job!;
const cron = VALID.CronJob!;

const jobCases = [
  {
    name: "a Job's template leaves restartPolicy out (it defaults to Always)",
    bad: job({ template: template({}) }),
    good: job({ template: template({ restartPolicy: 'OnFailure' }) }),
    rule: 'jobs/template-restart-policy-required',
    path: 'spec.template.spec.restartPolicy',
    message: 'Required value: valid values: "OnFailure", "Never"',
  },
  {
    name: "a Job's template has restartPolicy Always",
    bad: job({}, { restartPolicy: 'Always' }),
    good: job({}, { restartPolicy: 'Never' }),
    rule: 'jobs/template-restart-policy-required',
    path: 'spec.template.spec.restartPolicy',
    message: 'Required value: valid values: "OnFailure", "Never"',
  },
  {
    name: "a Job's template has an unknown restartPolicy",
    bad: job({}, { restartPolicy: 'Sometimes' }),
    good: job({}, { restartPolicy: 'OnFailure' }),
    rule: 'jobs/template-restart-policy',
    path: 'spec.template.spec.restartPolicy',
    message: 'Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
  },
  {
    name: 'a Job with a podFailurePolicy restarts OnFailure',
    bad: job({ podFailurePolicy: { rules: [] } }, { restartPolicy: 'OnFailure' }),
    good: job({ podFailurePolicy: { rules: [] } }, { restartPolicy: 'Never' }),
    rule: 'jobs/pod-failure-policy-restart-policy',
    path: 'spec.template.spec.restartPolicy',
    message: 'Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
  },
  ...(['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished'] as const).map((field) => ({
    name: `a Job's ${field} is negative`,
    bad: job({ [field]: -1 }),
    good: job({ [field]: 0 }),
    rule: 'jobs/negative-value',
    path: `spec.${field}`,
    message: 'Invalid value: -1: must be greater than or equal to 0',
  })),
  {
    name: 'the completionMode is unknown',
    bad: job({ completionMode: 'Sequential', completions: 3 }),
    good: job({ completionMode: 'NonIndexed', completions: 3 }),
    rule: 'jobs/completion-mode',
    path: 'spec.completionMode',
    message: 'Unsupported value: "Sequential": supported values: "NonIndexed", "Indexed"',
  },
  {
    name: 'an Indexed Job has no completions',
    bad: job({ completionMode: 'Indexed' }),
    good: job({ completionMode: 'Indexed', completions: 5 }),
    rule: 'jobs/indexed-completions-required',
    path: 'spec.completions',
    message: 'Required value: when completion mode is Indexed',
  },
  {
    name: 'an Indexed Job runs more than 100000 pods at once',
    bad: job({ completionMode: 'Indexed', completions: 200000, parallelism: 100001 }),
    good: job({ completionMode: 'Indexed', completions: 200000, parallelism: 100000 }),
    rule: 'jobs/indexed-parallelism',
    path: 'spec.parallelism',
    message: 'Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed',
  },
  {
    name: 'a manual selector is missing',
    bad: job({ manualSelector: true }),
    good: job({ manualSelector: true, selector: { matchLabels: { app: 'web' } } }),
    rule: 'jobs/manual-selector-required',
    path: 'spec.selector',
    message: 'Required value',
  },
  {
    name: 'a manual selector does not match the template labels',
    bad: job({ manualSelector: true, selector: { matchLabels: { app: 'batch' } } }),
    good: job({ manualSelector: true, selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['batch', 'web'] }] } }),
    rule: 'jobs/selector-mismatch',
    path: 'spec.template.metadata.labels',
    message: jobRules.selectorMismatch.message({ app: 'web' }),
  },
];

const jobTemplate = (spec: Record<string, unknown>, pod: Record<string, unknown> = { restartPolicy: 'OnFailure' }) => ({ spec: { template: template(pod), ...spec } });

const cronCases = [
  {
    name: "a CronJob's job template restarts Always",
    bad: cron({ jobTemplate: jobTemplate({}, { restartPolicy: 'Always' }) }),
    good: cron({ jobTemplate: jobTemplate({}, { restartPolicy: 'Never' }) }),
    rule: 'jobs/template-restart-policy-required',
    path: 'spec.jobTemplate.spec.template.spec.restartPolicy',
    message: 'Required value: valid values: "OnFailure", "Never"',
  },
  {
    name: "a CronJob's job template has a negative backoffLimit",
    bad: cron({ jobTemplate: jobTemplate({ backoffLimit: -2 }) }),
    good: cron({ jobTemplate: jobTemplate({ backoffLimit: 2 }) }),
    rule: 'jobs/negative-value',
    path: 'spec.jobTemplate.spec.backoffLimit',
    message: 'Invalid value: -2: must be greater than or equal to 0',
  },
  {
    name: "a CronJob's job template sets a selector",
    bad: cron({ jobTemplate: jobTemplate({ selector: { matchLabels: { app: 'web' } } }) }),
    good: cron({ jobTemplate: jobTemplate({}) }),
    rule: 'cronjobs/job-template-selector',
    path: 'spec.jobTemplate.spec.selector',
    message: 'Invalid value: {"matchLabels":{"app":"web"}}: `selector` will be auto-generated',
  },
  {
    name: 'the schedule is missing',
    bad: cron({ schedule: undefined }),
    good: cron({ schedule: '@hourly' }),
    rule: 'cronjobs/schedule-required',
    path: 'spec.schedule',
    message: 'Required value',
  },
  {
    name: 'the schedule has six fields',
    bad: cron({ schedule: '0 */5 * * * *' }),
    good: cron({ schedule: '*/5 * * * *' }),
    rule: 'cronjobs/schedule-invalid',
    path: 'spec.schedule',
    message: 'Invalid value: "0 */5 * * * *": expected exactly 5 fields, found 6: [0 */5 * * * *]',
  },
  {
    name: 'the schedule names day 7 of the week',
    bad: cron({ schedule: '0 9 * * 1-7' }),
    good: cron({ schedule: '0 9 * * MON-SAT,sun' }),
    rule: 'cronjobs/schedule-invalid',
    path: 'spec.schedule',
    message: 'Invalid value: "0 9 * * 1-7": end of range (7) above maximum (6): 1-7',
  },
  {
    name: 'the schedule carries a time zone',
    bad: cron({ schedule: 'CRON_TZ=Asia/Tokyo 0 9 * * *' }),
    good: cron({ schedule: '0 9 * * *', timeZone: 'Asia/Tokyo' }),
    rule: 'cronjobs/schedule-time-zone',
    path: 'spec.schedule',
    message: 'Invalid value: "CRON_TZ=Asia/Tokyo 0 9 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
  },
  {
    name: 'the time zone is unknown',
    bad: cron({ timeZone: 'Asia/Edo' }),
    good: cron({ timeZone: 'Etc/UTC' }),
    rule: 'cronjobs/time-zone-invalid',
    path: 'spec.timeZone',
    message: 'Invalid value: "Asia/Edo": unknown time zone Asia/Edo',
  },
  {
    name: 'the time zone is Local',
    bad: cron({ timeZone: 'local' }),
    good: cron({ timeZone: 'America/New_York' }),
    rule: 'cronjobs/time-zone-invalid',
    path: 'spec.timeZone',
    message: 'Invalid value: "local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
  },
  {
    name: 'the concurrencyPolicy is unknown',
    bad: cron({ concurrencyPolicy: 'Queue' }),
    good: cron({ concurrencyPolicy: 'Forbid' }),
    rule: 'cronjobs/concurrency-policy',
    path: 'spec.concurrencyPolicy',
    message: 'Unsupported value: "Queue": supported values: "Allow", "Forbid", "Replace"',
  },
  ...(['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const).map((field) => ({
    name: `a CronJob's ${field} is negative`,
    bad: cron({ [field]: -1 }),
    good: cron({ [field]: 0 }),
    rule: 'cronjobs/negative-value',
    path: `spec.${field}`,
    message: 'Invalid value: -1: must be greater than or equal to 0',
  })),
  {
    name: "the CronJob's name is longer than 52 characters",
    bad: { ...cron(), metadata: { name: 'a'.repeat(53) } },
    good: { ...cron(), metadata: { name: 'a'.repeat(52) } },
    rule: 'cronjobs/name-too-long',
    path: 'metadata.name',
    message: cronJobRules.nameTooLong.message('a'.repeat(53)),
  },
];

describe('Job rules', () => {
  it.each(jobCases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkObject(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(jobCases)('passes the twin of: $name', ({ good }) => {
    expect(checkObject(good)).toEqual([]);
  });
});

describe('CronJob rules', () => {
  it.each(cronCases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkObject(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(cronCases)('passes the twin of: $name', ({ good }) => {
    expect(checkObject(good)).toEqual([]);
  });
  it('reads a CronJob without a job template, and odd specs, without throwing', () => {
    expect(checkBatchWorkload({ kind: 'CronJob', metadata: { name: 'x' }, spec: { schedule: '@daily' } }).map((v) => v.rule)).toEqual(['jobs/template-restart-policy-required']);
    expect(checkBatchWorkload({ kind: 'Job', spec: 7 })).toEqual([]);
  });
});
