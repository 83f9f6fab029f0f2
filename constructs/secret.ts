/**
 * Secrets: written out (`Secret`), or made from files the way kubectl and kustomize make them
 * (`SecretFromFiles`, `SecretFromLiterals`, `SecretFromEnvFile`, `TlsSecret`, `DockerRegistrySecret`,
 * `SecretGenerator`), byte for byte: same data, same type, same hashed name. Every one knows its final name
 * and its keys, so consumers reference it by the object: `secretKeyRef(s, 'key')`, `envFromSecret(s)`,
 * `secretVolume('v', s)`, `secretProjection(s)`. No error or warning quotes a value: a bad input is named by
 * its key, its file or its line.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-projected-volume-storage/
 */
import type { Construct } from 'constructs';
import type { GeneratorOptions } from '../lib/configmap/kustomize';
import { readPathFromFs } from '../lib/configmap/loader';
import type { Result } from '../lib/configmap/result';
import { kubectlCreateSecretDockerRegistry } from '../lib/secret/docker-registry';
import { kubectlCreateSecretGeneric, type GeneratedSecret } from '../lib/secret/kubectl';
import { kustomizeSecret } from '../lib/secret/kustomize';
import { kubectlCreateSecretTls } from '../lib/secret/tls';
import { secretRules } from '../lib/rules/secrets';
import { ViolationError } from '../lib/violation';
import { CheckedApiObject, type CheckOptions } from './checked-api-object';

/** Object metadata of a Secret. Output contains exactly these fields. */
export interface SecretMetadata {
  /** `metadata.name` of the Secret: a DNS subdomain name. */
  readonly name: string;
  /**
   * `metadata.namespace` of the Secret.
   * @default - none: the namespace it is applied to
   */
  readonly namespace?: string;
  /**
   * `metadata.labels`.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * `metadata.annotations`.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
}

interface Manifest {
  readonly metadata: SecretMetadata;
  readonly type?: string;
  readonly data?: Readonly<Record<string, string>>;
  readonly stringData?: Readonly<Record<string, string>>;
  readonly immutable?: boolean;
  /** Write `data: {}` when there is no key (kustomize does; kubectl leaves it out). */
  readonly emptyData?: boolean;
}

/**
 * Common base: a checked Secret object that knows its name (`.name`, the hash suffix included), namespace,
 * type and keys. The values are not exposed.
 */
export abstract class SecretBase extends CheckedApiObject {
  /** `metadata.namespace`, if set. */
  readonly namespace?: string;
  /** `type`, if written (the API server defaults it to `Opaque`). */
  readonly type?: string;
  /** Every key of `data` and `stringData`. */
  readonly keys: readonly string[];

  protected constructor(scope: Construct, id: string, manifest: Manifest, options?: CheckOptions) {
    const data = manifest.data && (Object.keys(manifest.data).length > 0 || manifest.emptyData) ? { ...manifest.data } : undefined;
    const stringData = manifest.stringData && Object.keys(manifest.stringData).length > 0 ? { ...manifest.stringData } : undefined;
    super(scope, id, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { ...manifest.metadata },
      ...(manifest.type !== undefined ? { type: manifest.type } : {}),
      ...(data ? { data } : {}),
      ...(stringData ? { stringData } : {}),
      ...(manifest.immutable !== undefined ? { immutable: manifest.immutable } : {}),
    }, options);
    this.namespace = manifest.metadata.namespace;
    this.type = manifest.type;
    this.keys = [...new Set([...Object.keys(data ?? {}), ...Object.keys(stringData ?? {})])];
  }
}

/** Props of a {@link Secret}: its metadata, type and keys, written as given. */
export interface SecretProps extends CheckOptions {
  /** Object metadata of the Secret; `name` is required. */
  readonly metadata: SecretMetadata;
  /**
   * The Secret type (`Opaque`, `kubernetes.io/tls`, `kubernetes.io/dockerconfigjson`, …).
   * @default - none written: the API server sets `Opaque`
   * @see https://kubernetes.io/docs/concepts/configuration/secret/#secret-types
   */
  readonly type?: string;
  /**
   * Values base64-encoded, by key.
   * @default - none
   */
  readonly data?: Record<string, string>;
  /**
   * Values as text, by key; the API server encodes them into `data` (a key in both takes this value).
   * @default - none
   */
  readonly stringData?: Record<string, string>;
  /**
   * `immutable`: when true, the data cannot be updated, only the Secret deleted and recreated.
   * @default - unset (mutable)
   * @see https://kubernetes.io/docs/concepts/configuration/secret/#secret-immutable
   */
  readonly immutable?: boolean;
}

/** A Secret written out, key by key. */
export class Secret extends SecretBase {
  constructor(scope: Construct, id: string, props: SecretProps) {
    super(scope, id, props, props);
    this.checkNow();
  }
}

function unwrap<T>(result: Result<T>, subject: string, path: string): T {
  if (result.ok) return result.value;
  throw new ViolationError([secretRules.sourceInvalid.at(path, result.error)], subject);
}

/** Where input files are read from, and how the name is made (`kubectl create secret … NAME`). */
export interface KubectlSecretSourceProps extends CheckOptions {
  /** The name given to `kubectl create secret … NAME`. */
  readonly name: string;
  /**
   * `--namespace`: the namespace written to `metadata.namespace`.
   * @default - none: the namespace it is applied to
   */
  readonly namespace?: string;
  /**
   * Directory that relative paths are read from (kubectl's working directory).
   * @default - process.cwd()
   */
  readonly baseDir?: string;
  /**
   * `--append-hash`: suffix the name with a hash of the name, type and data.
   * @default false
   */
  readonly appendHash?: boolean;
}

abstract class KubectlSecret extends SecretBase {
  protected constructor(scope: Construct, id: string, props: KubectlSecretSourceProps, generated: GeneratedSecret) {
    super(scope, id, { metadata: { name: generated.name, ...(props.namespace ? { namespace: props.namespace } : {}) }, type: generated.type, data: generated.data }, props);
    this.checkNow();
  }
}

/** `--type` of `kubectl create secret generic`. */
export interface GenericSecretProps extends KubectlSecretSourceProps {
  /**
   * `--type`, written as given.
   * @default - none written: the API server sets `Opaque`
   */
  readonly type?: string;
}

/** Props of a {@link SecretFromFiles}: `kubectl create secret generic NAME --from-file=…`. */
export interface SecretFromFilesProps extends GenericSecretProps {
  /** `--from-file`: `path` (key = file name), `key=path`, or a directory (its regular files). */
  readonly files: readonly [string, ...string[]];
  /**
   * `--from-literal`: `key=value`, read before the files.
   * @default - none
   */
  readonly literals?: readonly string[];
}

/** `kubectl create secret generic NAME --from-file=… [--from-literal=…]`: whole files as values, text or binary. */
export class SecretFromFiles extends KubectlSecret {
  constructor(scope: Construct, id: string, props: SecretFromFilesProps) {
    const result = kubectlCreateSecretGeneric({ name: props.name, type: props.type, fromFile: props.files, fromLiteral: props.literals, appendHash: props.appendHash }, readPathFromFs(props.baseDir));
    super(scope, id, props, unwrap(result, `${scope.node.path}/${id}`, 'files'));
  }
}

/** Props of a {@link SecretFromLiterals}: `kubectl create secret generic NAME --from-literal=…`. */
export interface SecretFromLiteralsProps extends Omit<GenericSecretProps, 'baseDir'> {
  /** `--from-literal`: `key=value`, split at the first `=`; quotes are kept. */
  readonly literals: readonly [string, ...string[]];
}

/** `kubectl create secret generic NAME --from-literal=key=value …`. */
export class SecretFromLiterals extends KubectlSecret {
  constructor(scope: Construct, id: string, props: SecretFromLiteralsProps) {
    const result = kubectlCreateSecretGeneric({ name: props.name, type: props.type, fromLiteral: props.literals, appendHash: props.appendHash }, () => ({ type: 'missing', reason: 'no files' }));
    super(scope, id, props, unwrap(result, `${scope.node.path}/${id}`, 'literals'));
  }
}

/** Props of a {@link SecretFromEnvFile}: `kubectl create secret generic NAME --from-env-file=…`. */
export interface SecretFromEnvFileProps extends GenericSecretProps {
  /** `--from-env-file`, one or more: merged in order; a key in two files is an error. */
  readonly envFiles: readonly [string, ...string[]];
  /**
   * Values for env-file lines without `=` (kubectl reads its own environment).
   * @default - process.env, as kubectl
   */
  readonly environment?: Readonly<Record<string, string | undefined>>;
}

/** `kubectl create secret generic NAME --from-env-file=…`: one key per `KEY=value` line. */
export class SecretFromEnvFile extends KubectlSecret {
  constructor(scope: Construct, id: string, props: SecretFromEnvFileProps) {
    const result = kubectlCreateSecretGeneric(
      { name: props.name, type: props.type, fromEnvFile: props.envFiles, appendHash: props.appendHash, environment: props.environment ?? process.env },
      readPathFromFs(props.baseDir),
    );
    super(scope, id, props, unwrap(result, `${scope.node.path}/${id}`, 'envFiles'));
  }
}

/** Props of a {@link TlsSecret}: `kubectl create secret tls NAME --cert=… --key=…`. */
export interface TlsSecretProps extends KubectlSecretSourceProps {
  /** `--cert`: the PEM certificate (chain, leaf first). */
  readonly cert: string;
  /** `--key`: the PEM private key (PKCS #1, PKCS #8 or SEC 1) matching the certificate. */
  readonly key: string;
}

/**
 * `kubectl create secret tls NAME --cert=… --key=…`: type `kubernetes.io/tls`, keys `tls.crt` and `tls.key`;
 * fails, as kubectl does, when the files hold no certificate or key, or the key does not match the certificate.
 */
export class TlsSecret extends KubectlSecret {
  constructor(scope: Construct, id: string, props: TlsSecretProps) {
    const result = kubectlCreateSecretTls({ name: props.name, cert: props.cert, key: props.key, appendHash: props.appendHash }, readPathFromFs(props.baseDir));
    super(scope, id, props, unwrap(result, `${scope.node.path}/${id}`, 'cert'));
  }
}

/** Registry credentials given on the command line. */
export interface DockerRegistryCredentials {
  /** `--docker-username`: the user name for the registry. */
  readonly dockerUsername: string;
  /** `--docker-password`: the password (or token) for the registry. */
  readonly dockerPassword: string;
  /**
   * `--docker-email`: the email for the registry.
   * @default - none: left out of `.dockerconfigjson`
   */
  readonly dockerEmail?: string;
  /**
   * `--docker-server`: the registry's server address.
   * @default 'https://index.docker.io/v1/' - kubectl's default
   */
  readonly dockerServer?: string;
  readonly files?: never;
}

/** A docker config file instead (`--from-file`). */
export interface DockerRegistryFiles {
  /** `--from-file`: `path` (key `.dockerconfigjson`) or `key=path`. */
  readonly files: readonly [string, ...string[]];
  /**
   * `--docker-username`: not with `files`.
   * @default - none
   */
  readonly dockerUsername?: never;
  /**
   * `--docker-password`: not with `files`.
   * @default - none
   */
  readonly dockerPassword?: never;
  readonly dockerEmail?: never;
  readonly dockerServer?: never;
}

/** Props of a {@link DockerRegistrySecret}: registry credentials on the command line, or a docker config file. */
export type DockerRegistrySecretProps = KubectlSecretSourceProps & (DockerRegistryCredentials | DockerRegistryFiles);

/**
 * `kubectl create secret docker-registry NAME …`: type `kubernetes.io/dockerconfigjson`, key
 * `.dockerconfigjson` holding exactly the JSON kubectl writes (`auth` = base64 of `user:password`).
 */
export class DockerRegistrySecret extends KubectlSecret {
  constructor(scope: Construct, id: string, props: DockerRegistrySecretProps) {
    const result = kubectlCreateSecretDockerRegistry(
      {
        name: props.name,
        dockerUsername: props.dockerUsername,
        dockerPassword: props.dockerPassword,
        dockerEmail: props.dockerEmail,
        dockerServer: props.dockerServer,
        fromFile: props.files,
        appendHash: props.appendHash,
      },
      readPathFromFs(props.baseDir),
    );
    super(scope, id, props, unwrap(result, `${scope.node.path}/${id}`, props.files ? 'files' : 'dockerUsername'));
  }
}

/** Props of a {@link SecretGenerator}: a kustomize `secretGenerator` entry. */
export interface SecretGeneratorProps extends CheckOptions {
  /** The generator's `name`; the emitted name gets a hash suffix unless `options.disableNameSuffixHash`. */
  readonly name: string;
  /**
   * The generator's `namespace`, written to `metadata.namespace`.
   * @default - none: the namespace it is applied to
   */
  readonly namespace?: string;
  /**
   * The generator's `type`, written as given.
   * @default 'Opaque'
   */
  readonly type?: string;
  /**
   * Env files, read first (keys are not checked by kustomize; the API server checks them).
   * @default - none
   */
  readonly envs?: readonly string[];
  /**
   * `key=value`; one pair of surrounding quotes is removed from the value.
   * @default - none
   */
  readonly literals?: readonly string[];
  /**
   * `path` or `key=path`; files only.
   * @default - none
   */
  readonly files?: readonly string[];
  /**
   * The generator's `options` (labels, annotations, `disableNameSuffixHash`, `immutable`).
   * @default - none: kustomize's defaults (a hash suffix, no extra labels or annotations, mutable)
   */
  readonly options?: GeneratorOptions;
  /**
   * The kustomization directory, that relative paths are read from.
   * @default - process.cwd()
   */
  readonly baseDir?: string;
}

/** kustomize's `secretGenerator` entry, reproduced: same data (base64 wrapped as kustomize writes it), same type, same hashed name. */
export class SecretGenerator extends SecretBase {
  constructor(scope: Construct, id: string, props: SecretGeneratorProps) {
    const g = unwrap(kustomizeSecret(props, readPathFromFs(props.baseDir)), `${scope.node.path}/${id}`, 'sources');
    const metadata: SecretMetadata = {
      name: g.name,
      ...(g.namespace !== undefined ? { namespace: g.namespace } : {}),
      ...(g.labels ? { labels: { ...g.labels } } : {}),
      ...(g.annotations ? { annotations: { ...g.annotations } } : {}),
    };
    super(scope, id, { metadata, type: g.type, data: g.data, emptyData: true, ...(g.immutable ? { immutable: true } : {}) }, props);
    this.checkNow();
  }
}
