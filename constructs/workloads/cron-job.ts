/**
 * `CronJob` (batch/v1): a Job created on a schedule. Its pod template (`spec.jobTemplate.spec.template`) is a
 * Job's: `restartPolicy` `OnFailure` or `Never`, and "probed" asks for a liveness probe only.
 * https://kubernetes.io/ja/docs/concepts/workloads/controllers/cron-jobs/
 */
import type { Construct } from 'constructs';
import { jobSpec, type JobSpecProps } from './job';
import type { PodSecurityFlag, PodSpecOf, QosFlag } from './pod-spec';
import { PodWorkload, type WorkloadProps } from './workload';

/** `spec` of a CronJob, by wire names. */
export interface CronJobSpecProps<Spec = PodSpecOf<undefined, undefined, false, false, false, 'run-to-completion'>> {
  /** Five cron fields (`'*\/5 * * * *'`) or a macro (`'@hourly'`), in `timeZone`. */
  readonly schedule: string;
  /**
   * An IANA time zone name (`'Asia/Tokyo'`); never `TZ=` inside the schedule.
   * @default - the kube-controller-manager's time zone
   */
  readonly timeZone?: string;
  /**
   * What to do when a run is due while the previous Job is still running: run both, skip the new one, or replace the old one.
   * @default 'Allow' - Kubernetes' default (not written)
   */
  readonly concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  /**
   * Seconds after a missed schedule time within which the Job may still start; later, that run is skipped.
   * @default - no deadline
   */
  readonly startingDeadlineSeconds?: number;
  /**
   * When true, no further Jobs are created (running ones are not affected).
   * @default false - Kubernetes' default (not written)
   */
  readonly suspend?: boolean;
  /**
   * Finished successful Jobs kept.
   * @default 3 - Kubernetes' default (not written)
   */
  readonly successfulJobsHistoryLimit?: number;
  /**
   * Failed Jobs kept.
   * @default 1 - Kubernetes' default (not written)
   */
  readonly failedJobsHistoryLimit?: number;
  /** The Job to create on each run. */
  readonly jobTemplate: {
    /** @default - none */
    readonly metadata?: { readonly labels?: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>> };
    readonly spec: JobSpecProps<Spec>;
  };
}

/** Props of a {@link CronJob}. */
export interface CronJobProps<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends WorkloadProps<Qos, Level, Probed, Windows, SharedPid> {
  /** `spec` of the CronJob, by wire names. */
  readonly spec: CronJobSpecProps<PodSpecOf<Qos, Level, Probed, Windows, SharedPid, 'run-to-completion'>>;
}

/** A CronJob manifest; its pod template is checked by every pod rule at `spec.jobTemplate.spec.template.spec`. */
export class CronJob<Qos extends QosFlag = undefined, Level extends PodSecurityFlag = undefined, Probed extends boolean = false, Windows extends boolean = false, SharedPid extends boolean = false> extends PodWorkload<Qos, Level, Probed, Windows, SharedPid> {
  constructor(scope: Construct, id: string, props: CronJobProps<Qos, Level, Probed, Windows, SharedPid>) {
    const { jobTemplate, ...rest } = props.spec;
    const spec = { ...rest, jobTemplate: { metadata: jobTemplate.metadata, spec: jobSpec(jobTemplate.spec, props.guarantees) } };
    super(scope, id, { apiVersion: 'batch/v1', kind: 'CronJob', metadata: props.metadata, spec }, props, jobTemplate.spec.template.metadata?.labels);
    this.checkNow();
  }
}
