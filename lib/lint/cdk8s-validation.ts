/**
 * The linter as a cdk8s validation plugin: `cdk8s synth` hands it the synthesized manifests, and any cdk8s app,
 * even one that does not use these constructs, gets the same findings as `podkit lint`.
 *
 * cdk8s-cli loads the class named in cdk8s.yaml, constructs it with `properties`, and calls
 * `validate(context)`; the plugin adds one violation per finding to `context.report` and submits it. The
 * types below are the part of cdk8s-cli's `lib/plugins/validation` contract this plugin uses, written
 * structurally so that lib/ does not depend on the CLI.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { boundMessage, describeObject, escapeForTerminal } from './format';
import { checkProfile } from './cluster-profile';
import { pssPolicyError, type PssPolicy } from './pss';
import { failingFindings, LintSession } from './lint';
import { decodeManifest, ManifestReadError, readManifestFile, readStream, readYamlDocuments } from './read';
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
  /**
   * Whether `cdk8s synth --stdout` ran (the manifests are then temporary files being printed). cdk8s-cli's context
   * always has this property, possibly undefined; a context without it is not a synth's, and its files are kept.
   */
  readonly stdout?: boolean;
}

/** The `properties` of the plugin in cdk8s.yaml. */
export interface PodkitValidationProperties {
  /** Fail on warnings too. @default false */
  readonly strict?: boolean;
  /** Also check the Pod Security Standards at this level, or level:version (`restricted:v1.30`) . */
  readonly pss?: PssPolicy;
  /** Path of a cluster profile to check schedulability against . */
  readonly cluster?: string;
  /**
   * Delete the synthesized manifests from the output folder when the validation fails, so that no rejected
   * manifest stays in dist/ to be applied by a later step. cdk8s-cli writes the manifests before it validates
   * them; they are deleted as `cdk8s synth` exits (with code 2), after every other validation plugin has read
   * them. Never done with `cdk8s synth --stdout`, whose manifests are temporary files.
   * @default true
   */
  readonly removeRejected?: boolean;
}

/** Runs `action` as the process exits (cdk8s-cli exits with code 2 right after printing a failed validation's report). */
export type AtExit = (action: () => void) => void;

const atProcessExit: AtExit = (action) => {
  process.once('exit', action);
};

/**
 * The podkit rules as a cdk8s validation: list it in cdk8s.yaml under `validations:` with
 * `package: <path to validation-plugin/>`, `class: PodkitValidation`, `version: 0.1.0`.
 */
export class PodkitValidation {
  constructor(
    private readonly properties: PodkitValidationProperties = {},
    private readonly atExit: AtExit = atProcessExit,
  ) {
    const pss = properties.pss;
    const error = pss === undefined ? undefined : pssPolicyError(String(pss));
    if (error !== undefined) throw new Error(`podkit: pss: ${error}`);
  }

  async validate(context: ValidationContext): Promise<void> {
    try {
      if (!this.run(context)) this.removeRejected(context);
    } catch (e) {
      // An unreadable manifest or cluster profile fails the validation with its reason, never silently.
      if (!(e instanceof ManifestReadError)) throw e;
      const reason = e.message;
      context.logger.log(`podkit: ${reason}`);
      context.report.addViolation({ ruleName: 'podkit/unreadable-input', recommendation: reason, fix: 'see the message', violatingResources: [] });
      context.report.submit('failure', { error: reason });
      this.removeRejected(context);
    }
  }

  /** Deletes the rejected app's manifests as the synth exits (see {@link PodkitValidationProperties.removeRejected}). */
  private removeRejected(context: ValidationContext): void {
    if (this.properties.removeRejected === false || !('stdout' in context) || context.stdout) return;
    const files = [...context.manifests];
    context.logger.log(`podkit: the validation failed: removing the ${files.length} synthesized manifest${files.length === 1 ? '' : 's'} as cdk8s synth exits`);
    this.atExit(() => {
      for (const file of files) rmSync(file, { force: true });
    });
  }

  /** Lints the manifests and submits the report; returns whether the validation passed. */
  private run(context: ValidationContext): boolean {
    const { strict = false, pss, cluster: clusterFile } = this.properties;
    let cluster: unknown;
    if (clusterFile !== undefined) {
      const docs = readYamlDocuments({ file: clusterFile, text: readText(clusterFile) });
      cluster = checkProfile(clusterFile, docs[0]);
    }
    // each manifest read as podkit lint reads a file: in chunks, each object checked and dropped as it is read
    const session = new LintSession({ pss, cluster });
    for (const file of context.manifests) {
      try {
        for (const item of readManifestFile(file)) if (item.type === 'object') session.add(item.sourced);
      } catch (e) {
        throw e instanceof ManifestReadError ? e : cannotRead(file, e);
      }
    }
    const report = session.finish();
    for (const f of report.findings) {
      const v = f.violation;
      context.report.addViolation({
        ruleName: `${v.rule}${v.severity === 'warning' ? ' (warning)' : ''}`,
        recommendation: escapeForTerminal(`${boundMessage(describeObject(f.object))}: ${boundMessage(v.path)}: ${boundMessage(v.message)}`),
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
    return failed === 0;
  }
}

function cannotRead(file: string, e: unknown): ManifestReadError {
  return new ManifestReadError(file, undefined, `cannot read: ${(e as Error).message}`);
}

/** The text of a small file (the cluster profile), decoded as a manifest is; a pipe or a device read up to a bound. */
function readText(file: string): string {
  try {
    return decodeManifest(file, statSync(file).isFile() ? readFileSync(file) : readStream(file, file)).text;
  } catch (e) {
    throw e instanceof ManifestReadError ? e : cannotRead(file, e);
  }
}
