/**
 * Jobs and CronJobs (batch/v1). A Job's pods run to completion: "only a RestartPolicy equal to Never or OnFailure
 * is allowed" (left out, it defaults to Always and is rejected); parallelism, completions, activeDeadlineSeconds,
 * backoffLimit and ttlSecondsAfterFinished are not negative; completionMode is NonIndexed or Indexed, and Indexed
 * needs completions (`validateJobSpec`). A CronJob's schedule is parsed as the API server parses it
 * (lib/cron/schedule.ts), may not carry `TZ=`/`CRON_TZ=` (the `timeZone` field says it), `timeZone` is an IANA
 * name, concurrencyPolicy is Allow, Forbid or Replace, its deadlines and history limits are not negative, and its
 * job template is checked as a Job's spec is, without a selector (`validateCronJobSpec`, `ValidateJobTemplateSpec`).
 * https://kubernetes.io/ja/docs/concepts/workloads/controllers/job/
 */
import { parseCronSchedule } from '../cron/schedule';
import { timeZoneError } from '../cron/time-zone';
import type { KubeObject, LabelSelector } from '../k8s';
import { defineRule, goQuote, type Violation } from '../violation';
import { goStringMap, selectorMatches } from './workloads-selectors';
import { isPatchDirective, pushIfNegative } from './workloads';

const JOB_DOCS = 'https://kubernetes.io/ja/docs/concepts/workloads/controllers/job/';
const CRON_DOCS = 'https://kubernetes.io/ja/docs/concepts/workloads/controllers/cron-jobs/';

/** The most pods an Indexed Job may run at once (`maxParallelismForIndexedJob`). */
export const MAX_INDEXED_PARALLELISM = 100000;

/** The Job rules, with the API server's messages. */
export const jobRules = {
  templateRestartPolicyRequired: defineRule('jobs/template-restart-policy-required', JOB_DOCS, () => 'Required value: valid values: "OnFailure", "Never"'),
  templateRestartPolicy: defineRule('jobs/template-restart-policy', JOB_DOCS, (value: string) => `Unsupported value: ${goQuote(value)}: supported values: "OnFailure", "Never"`),
  podFailurePolicyRestart: defineRule(
    'jobs/pod-failure-policy-restart-policy',
    JOB_DOCS,
    (value: string) => `Invalid value: ${goQuote(value)}: only "Never" is supported when podFailurePolicy is specified`,
  ),
  negativeValue: defineRule('jobs/negative-value', JOB_DOCS, (n: number) => `Invalid value: ${n}: must be greater than or equal to 0`),
  completionMode: defineRule('jobs/completion-mode', JOB_DOCS, (value: string) => `Unsupported value: ${goQuote(value)}: supported values: "NonIndexed", "Indexed"`),
  indexedCompletionsRequired: defineRule('jobs/indexed-completions-required', JOB_DOCS, () => 'Required value: when completion mode is Indexed'),
  indexedParallelism: defineRule(
    'jobs/indexed-parallelism',
    JOB_DOCS,
    (n: number) => `Invalid value: ${n}: must be less than or equal to ${MAX_INDEXED_PARALLELISM} when completion mode is Indexed`,
  ),
  manualSelectorRequired: defineRule('jobs/manual-selector-required', JOB_DOCS, () => 'Required value'),
  selectorMismatch: defineRule(
    'jobs/selector-mismatch',
    JOB_DOCS,
    (labels: Record<string, string>) => `Invalid value: ${goStringMap(labels)}: \`selector\` does not match template \`labels\``,
  ),
};

/** The CronJob rules, with the API server's messages. */
export const cronJobRules = {
  scheduleRequired: defineRule('cronjobs/schedule-required', CRON_DOCS, () => 'Required value'),
  /** `error` is robfig/cron's own error text, as the API server prints it. */
  scheduleInvalid: defineRule('cronjobs/schedule-invalid', CRON_DOCS, (schedule: string, error: string) => `Invalid value: ${goQuote(schedule)}: ${error}`),
  scheduleTimeZone: defineRule(
    'cronjobs/schedule-time-zone',
    CRON_DOCS,
    (schedule: string) => `Invalid value: ${goQuote(schedule)}: cannot use TZ or CRON_TZ in schedule, use timeZone field instead`,
  ),
  timeZoneInvalid: defineRule('cronjobs/time-zone-invalid', CRON_DOCS, (timeZone: string, detail: string) => `Invalid value: ${goQuote(timeZone)}: ${detail}`),
  concurrencyPolicy: defineRule(
    'cronjobs/concurrency-policy',
    CRON_DOCS,
    (value: string) => `Unsupported value: ${goQuote(value)}: supported values: "Allow", "Forbid", "Replace"`,
  ),
  negativeValue: defineRule('cronjobs/negative-value', CRON_DOCS, (n: number) => `Invalid value: ${n}: must be greater than or equal to 0`),
  /** The API server prints the selector as a Go struct; it is printed as JSON here. */
  jobTemplateSelector: defineRule('cronjobs/job-template-selector', CRON_DOCS, (selector: unknown) => `Invalid value: ${JSON.stringify(selector)}: \`selector\` will be auto-generated`),
  nameTooLong: defineRule('cronjobs/name-too-long', CRON_DOCS, (name: string) => `Invalid value: ${goQuote(name)}: must be no more than 52 characters`),
};

/** A Job's spec as far as these rules read it. */
interface JobSpec {
  parallelism?: unknown;
  completions?: unknown;
  activeDeadlineSeconds?: unknown;
  backoffLimit?: unknown;
  ttlSecondsAfterFinished?: unknown;
  backoffLimitPerIndex?: unknown;
  maxFailedIndexes?: unknown;
  completionMode?: unknown;
  podFailurePolicy?: unknown;
  manualSelector?: unknown;
  selector?: LabelSelector | null;
  template?: { metadata?: { labels?: Record<string, string> }; spec?: { restartPolicy?: unknown } };
}

const NON_NEGATIVE = ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes'] as const;

/** `validateJobSpec`: the rules shared by a Job's spec (at `spec`) and a CronJob's job template (at `spec.jobTemplate.spec`). */
export function checkJobSpec(spec: JobSpec, base: string): Violation[] {
  const out: Violation[] = [];
  for (const key of NON_NEGATIVE) pushIfNegative(out, jobRules.negativeValue, spec[key], `${base}.${key}`);
  const mode = spec.completionMode;
  if (typeof mode === 'string') {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') out.push(jobRules.completionMode.at(`${base}.completionMode`, mode));
    if (mode === 'Indexed') {
      if (spec.completions === undefined || spec.completions === null) out.push(jobRules.indexedCompletionsRequired.at(`${base}.completions`));
      if (typeof spec.parallelism === 'number' && spec.parallelism > MAX_INDEXED_PARALLELISM) out.push(jobRules.indexedParallelism.at(`${base}.parallelism`, spec.parallelism));
    }
  }
  const restart = spec.template?.spec?.restartPolicy;
  const at = `${base}.template.spec.restartPolicy`;
  if (restart === undefined || restart === null || restart === '' || restart === 'Always') out.push(jobRules.templateRestartPolicyRequired.at(at));
  else if (typeof restart === 'string' && restart !== 'OnFailure' && restart !== 'Never') out.push(jobRules.templateRestartPolicy.at(at, restart));
  else if (spec.podFailurePolicy && restart !== 'Never') out.push(jobRules.podFailurePolicyRestart.at(at, String(restart)));
  return out;
}

/** A Job's own rules: its spec, and a manual selector (`manualSelector: true`) that must select the template. */
function checkJob(obj: KubeObject): Violation[] {
  const spec = (obj.spec ?? {}) as JobSpec;
  if (typeof spec !== 'object') return [];
  const out = checkJobSpec(spec, 'spec');
  // without manualSelector the API server generates the selector and the template labels that match it
  if (spec.manualSelector === true) {
    const labels = spec.template?.metadata?.labels ?? {};
    if (!spec.selector) out.push(jobRules.manualSelectorRequired.at('spec.selector'));
    else if (!selectorMatches(spec.selector, labels)) out.push(jobRules.selectorMismatch.at('spec.template.metadata.labels', labels));
  }
  return out;
}

interface CronJobSpec {
  schedule?: unknown;
  timeZone?: unknown;
  startingDeadlineSeconds?: unknown;
  concurrencyPolicy?: unknown;
  successfulJobsHistoryLimit?: unknown;
  failedJobsHistoryLimit?: unknown;
  jobTemplate?: { spec?: JobSpec };
}

/** The CronJob name limit: the controller appends an 11-character suffix to make Job names of at most 63. */
export const MAX_CRONJOB_NAME = 52;

function checkCronJob(obj: KubeObject): Violation[] {
  const spec = (obj.spec ?? {}) as CronJobSpec;
  if (typeof spec !== 'object') return [];
  const out: Violation[] = [];
  const name = obj.metadata?.name;
  if (typeof name === 'string' && name.length > MAX_CRONJOB_NAME) out.push(cronJobRules.nameTooLong.at('metadata.name', name));
  const schedule = spec.schedule;
  if (schedule === undefined || schedule === null || schedule === '') out.push(cronJobRules.scheduleRequired.at('spec.schedule'));
  else if (typeof schedule === 'string') {
    const parsed = parseCronSchedule(schedule);
    if (!parsed.ok) out.push(cronJobRules.scheduleInvalid.at('spec.schedule', schedule, parsed.error));
    // a new CronJob may not say TZ anywhere in its schedule (an old one that did may keep it on update)
    if (schedule.includes('TZ')) out.push(cronJobRules.scheduleTimeZone.at('spec.schedule', schedule));
  }
  pushIfNegative(out, cronJobRules.negativeValue, spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds');
  if (typeof spec.timeZone === 'string') {
    const error = timeZoneError(spec.timeZone);
    if (error !== undefined) out.push(cronJobRules.timeZoneInvalid.at('spec.timeZone', spec.timeZone, error));
  }
  const policy = spec.concurrencyPolicy;
  if (typeof policy === 'string' && policy !== '' && policy !== 'Allow' && policy !== 'Forbid' && policy !== 'Replace') {
    out.push(cronJobRules.concurrencyPolicy.at('spec.concurrencyPolicy', policy));
  }
  const job = spec.jobTemplate?.spec ?? {};
  out.push(...checkJobSpec(job, 'spec.jobTemplate.spec'));
  if (job.selector !== undefined && job.selector !== null) out.push(cronJobRules.jobTemplateSelector.at('spec.jobTemplate.spec.selector', job.selector));
  pushIfNegative(out, cronJobRules.negativeValue, spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit');
  pushIfNegative(out, cronJobRules.negativeValue, spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit');
  return out;
}

/** Checks a Job or a CronJob. Other kinds: none. */
export function checkBatchWorkload(obj: KubeObject): Violation[] {
  if (isPatchDirective(obj)) return [];
  if (obj.kind === 'Job') return checkJob(obj);
  if (obj.kind === 'CronJob') return checkCronJob(obj);
  return [];
}
