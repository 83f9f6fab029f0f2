/**
 * The linter as a cdk8s validation plugin: `cdk8s synth` hands it the synthesized manifests, and any cdk8s app,
 * even one that does not use these constructs, gets the same findings as `podkit lint`.
 *
 * cdk8s-cli loads the class named in cdk8s.yaml, constructs it with `properties`, and calls
 * `validate(context)`; the plugin adds one violation per finding to `context.report` and submits it. The
 * types below are the part of cdk8s-cli's `lib/plugins/validation` contract this plugin uses, written
 * structurally so that lib/ does not depend on the CLI.
 */
import { readFileSync } from 'node:fs';
import { describeObject } from './format';
import { checkProfile } from './cluster-profile';
import { LINT_EXTENSIONS, NotAvailableError, PSS_LEVELS, type LintExtensions, type PssLevel } from './extensions';
import { failingFindings, lintSourced } from './lint';
import { ManifestReadError, readManifests, readYamlDocuments } from './read';
import { formatDocs } from '../violation';

/** cdk8s-cli's `ValidationViolation`. */
export interface ValidationViolation {
  readonly ruleName: string;
  readonly recommendation: string;
  readonly fix: string;
  readonly violatingResources: readonly { readonly resourceName: string; readonly locations: readonly string[]; readonly manifestPath: string }[];
}

/** The part of cdk8s-cli's `ValidationContext` the plugin uses. */
export interface ValidationContext {
  readonly manifests: readonly string[];
  readonly report: {
    addViolation(violation: ValidationViolation): void;
    submit(status: 'success' | 'failure', metadata?: Readonly<Record<string, string>>): void;
  };
  readonly logger: { log(message: string): void };
}

/** The `properties` of the plugin in cdk8s.yaml. */
export interface PodkitValidationProperties {
  /** Fail on warnings too. @default false */
  readonly strict?: boolean;
  /** Also check the Pod Security Standards at this level (needs the PSS check in this build). */
  readonly pss?: PssLevel;
  /** Path of a cluster profile to check schedulability against (needs the cluster check in this build). */
  readonly cluster?: string;
}

/**
 * The podkit rules as a cdk8s validation: list it in cdk8s.yaml under `validations:` with
 * `package: <path to validation-plugin/>`, `class: PodkitValidation`, `version: 0.1.0`.
 */
export class PodkitValidation {
  constructor(
    private readonly properties: PodkitValidationProperties = {},
    private readonly extensions: LintExtensions = LINT_EXTENSIONS,
  ) {
    const pss = properties.pss;
    if (pss !== undefined && !(PSS_LEVELS as readonly string[]).includes(pss)) throw new Error(`podkit: pss must be one of ${PSS_LEVELS.join(', ')}, not ${JSON.stringify(pss)}`);
  }

  async validate(context: ValidationContext): Promise<void> {
    try {
      this.run(context);
    } catch (e) {
      // An unreadable manifest or an unavailable option fails the validation with its reason, never silently.
      if (!(e instanceof ManifestReadError || e instanceof NotAvailableError)) throw e;
      const reason = e.message;
      context.logger.log(`podkit: ${reason}`);
      const ruleName = e instanceof ManifestReadError ? 'podkit/unreadable-input' : 'podkit/not-available';
      context.report.addViolation({ ruleName, recommendation: reason, fix: 'see the message', violatingResources: [] });
      context.report.submit('failure', { error: reason });
    }
  }

  private run(context: ValidationContext): void {
    const { strict = false, pss, cluster: clusterFile } = this.properties;
    let cluster: unknown;
    if (clusterFile !== undefined) {
      const docs = readYamlDocuments({ file: clusterFile, text: readText(clusterFile) });
      cluster = docs[0];
      checkProfile(clusterFile, cluster, this.extensions);
    }
    const sourced = context.manifests.flatMap((file) => readManifests({ file, text: readText(file) }));
    const report = lintSourced(sourced, { pss, cluster }, this.extensions);
    for (const f of report.findings) {
      const v = f.violation;
      context.report.addViolation({
        ruleName: `${v.rule}${v.severity === 'warning' ? ' (warning)' : ''}`,
        recommendation: `${describeObject(f.object)}: ${v.path}: ${v.message}`,
        fix: formatDocs(v),
        violatingResources: [{ resourceName: f.object.name ?? '?', manifestPath: f.file, locations: [`${v.path} (line ${f.line}, column ${f.col})`] }],
      });
    }
    const failed = failingFindings(report, strict).length;
    const errors = report.findings.filter((f) => f.violation.severity === 'error').length;
    context.report.submit(failed > 0 ? 'failure' : 'success', {
      objects: String(report.objects),
      errors: String(errors),
      warnings: String(report.findings.length - errors),
    });
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ManifestReadError(file, undefined, `cannot read: ${(e as Error).message}`);
  }
}
