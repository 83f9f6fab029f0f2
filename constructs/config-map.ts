/**
 * ConfigMaps: written out (`ConfigMap`), or generated from files the way kubectl and kustomize generate them
 * (`ConfigMapFromEnvFile`, `ConfigMapFromFiles`, `ConfigMapFromLiterals`, `ConfigMapGenerator`). Every one
 * knows its final name (hash suffix included) and its keys, so consumers reference it by the object, never by
 * a retyped name: `configMapKeyRef(cm, 'key')`, `envFromConfigMap(cm)`, `configMapVolume('v', cm)`.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-pod-configmap/
 */
import type { Construct } from 'constructs';
import type { GeneratedConfigMap } from '../lib/configmap/kubectl';
import { kubectlCreateConfigMap } from '../lib/configmap/kubectl';
import { kustomizeConfigMap, type GeneratorOptions } from '../lib/configmap/kustomize';
import { readPathFromFs } from '../lib/configmap/loader';
import type { Result } from '../lib/configmap/result';
import { configMapRules } from '../lib/rules/config-map';
import { ViolationError } from '../lib/violation';
import { CheckedApiObject, type CheckOptions } from './checked-api-object';

/** Object metadata of a ConfigMap. Output contains exactly these fields. */
export interface ConfigMapMetadata {
  /** `metadata.name`: a DNS subdomain. */
  readonly name: string;
  /** Namespace of the ConfigMap. @default - none: the namespace kubectl applies it to */
  readonly namespace?: string;
  /** Labels written to `metadata.labels`. @default - none */
  readonly labels?: Record<string, string>;
  /** Annotations written to `metadata.annotations`. @default - none */
  readonly annotations?: Record<string, string>;
}

interface Manifest {
  readonly metadata: ConfigMapMetadata;
  readonly data?: Readonly<Record<string, string>>;
  readonly binaryData?: Readonly<Record<string, string>>;
  readonly immutable?: boolean;
}

const nonEmpty = (m: Readonly<Record<string, string>> | undefined) => (m && Object.keys(m).length > 0 ? { ...m } : undefined);

/**
 * Common base: a checked ConfigMap object that knows its name (`.name`, from `ApiObject`: the hash suffix
 * included, what pods must reference), namespace and keys.
 */
export abstract class ConfigMapBase extends CheckedApiObject {
  /** `metadata.namespace`, if set. */
  readonly namespace?: string;
  /** Every key of `data` and `binaryData`. */
  readonly keys: readonly string[];
  /** The data, as emitted. */
  readonly data: Readonly<Record<string, string>>;
  /** The binaryData (base64), as emitted. */
  readonly binaryData: Readonly<Record<string, string>>;

  protected constructor(scope: Construct, id: string, manifest: Manifest, options?: CheckOptions) {
    const data = nonEmpty(manifest.data);
    const binaryData = nonEmpty(manifest.binaryData);
    super(scope, id, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { ...manifest.metadata },
      ...(binaryData ? { binaryData } : {}),
      ...(data ? { data } : {}),
      ...(manifest.immutable !== undefined ? { immutable: manifest.immutable } : {}),
    }, options);
    this.namespace = manifest.metadata.namespace;
    this.data = data ?? {};
    this.binaryData = binaryData ?? {};
    this.keys = [...Object.keys(this.data), ...Object.keys(this.binaryData)];
  }
}

/** Props of a {@link ConfigMap}: metadata and data, written out as given. */
export interface ConfigMapProps extends CheckOptions {
  /** Object metadata: the name, and optionally namespace, labels and annotations. */
  readonly metadata: ConfigMapMetadata;
  /**
   * UTF-8 values by key; keys are alphanumerics, `-`, `_` or `.`, and not also in `binaryData`.
   * @default - no `data`
   */
  readonly data?: Record<string, string>;
  /** Values base64-encoded. @default - no `binaryData` */
  readonly binaryData?: Record<string, string>;
  /**
   * `true` forbids any later change to `data` and `binaryData` (the ConfigMap can only be deleted).
   * @default - unset (mutable)
   */
  readonly immutable?: boolean;
}

/** A ConfigMap written out, key by key (as in `configmaps.yaml`). */
export class ConfigMap extends ConfigMapBase {
  constructor(scope: Construct, id: string, props: ConfigMapProps) {
    super(scope, id, props, props);
    this.checkNow();
  }
}

/** Where input files are read from, and how the name is made. */
export interface KubectlSourceProps extends CheckOptions {
  /** The name given to `kubectl create configmap NAME`. */
  readonly name: string;
  /** `--namespace`: written to `metadata.namespace`. @default - none: the namespace kubectl applies it to */
  readonly namespace?: string;
  /**
   * Directory that relative paths are read from (kubectl's working directory).
   * @default - process.cwd()
   */
  readonly baseDir?: string;
  /**
   * `--append-hash`: suffix the name with a hash of the name and content, as the docs' printed names are.
   * @default false
   */
  readonly appendHash?: boolean;
}

function unwrap<T>(result: Result<T>, subject: string, path: string): T {
  if (result.ok) return result.value;
  throw new ViolationError([configMapRules.sourceInvalid.at(path, result.error)], subject);
}

abstract class KubectlConfigMap extends ConfigMapBase {
  protected constructor(scope: Construct, id: string, props: KubectlSourceProps, generated: GeneratedConfigMap) {
    super(scope, id, { metadata: { name: generated.name, ...(props.namespace ? { namespace: props.namespace } : {}) }, data: generated.data, binaryData: generated.binaryData }, props);
    this.checkNow();
  }
}

/** Props of a {@link ConfigMapFromEnvFile}: `kubectl create configmap NAME --from-env-file=…`. */
export interface ConfigMapFromEnvFileProps extends KubectlSourceProps {
  /** `--from-env-file`, one or more: merged in order; a key in two files is an error. */
  readonly envFiles: readonly [string, ...string[]];
  /**
   * Values for env-file lines without `=` (kubectl reads its own environment).
   * @default - process.env, as kubectl
   */
  readonly environment?: Readonly<Record<string, string | undefined>>;
}

/** `kubectl create configmap NAME --from-env-file=…`: one key per `KEY=value` line, exactly as kubectl reads them. */
export class ConfigMapFromEnvFile extends KubectlConfigMap {
  constructor(scope: Construct, id: string, props: ConfigMapFromEnvFileProps) {
    const result = kubectlCreateConfigMap(
      { name: props.name, fromEnvFile: props.envFiles, appendHash: props.appendHash, environment: props.environment ?? process.env },
      readPathFromFs(props.baseDir),
    );
    super(scope, id, props, unwrap(result, `${scope.node.path}/${id}`, 'envFiles'));
  }
}

/** Props of a {@link ConfigMapFromFiles}: `kubectl create configmap NAME --from-file=…`, with literals too. */
export interface ConfigMapFromFilesProps extends KubectlSourceProps {
  /**
   * `--from-file`: `path` (key = file name), `key=path`, or a directory (its regular files).
   * @default - none (at least one of `files` and `literals`)
   */
  readonly files?: readonly string[];
  /**
   * `--from-literal`: `key=value`, combined with the files.
   * @default - none (at least one of `files` and `literals`)
   */
  readonly literals?: readonly string[];
}

/** `kubectl create configmap NAME --from-file=… [--from-literal=…]`: whole files as values; non-UTF-8 files as binaryData. */
export class ConfigMapFromFiles extends KubectlConfigMap {
  constructor(scope: Construct, id: string, props: ConfigMapFromFilesProps) {
    const result = kubectlCreateConfigMap({ name: props.name, fromFile: props.files, fromLiteral: props.literals, appendHash: props.appendHash }, readPathFromFs(props.baseDir));
    super(scope, id, props, unwrap(result, `${scope.node.path}/${id}`, 'files'));
  }
}

/** Props of a {@link ConfigMapFromLiterals}: `kubectl create configmap NAME --from-literal=…`. */
export interface ConfigMapFromLiteralsProps extends Omit<KubectlSourceProps, 'baseDir'> {
  /** `--from-literal`: `key=value`, split at the first `=`; quotes are kept. */
  readonly literals: readonly [string, ...string[]];
}

/** `kubectl create configmap NAME --from-literal=key=value …`. */
export class ConfigMapFromLiterals extends KubectlConfigMap {
  constructor(scope: Construct, id: string, props: ConfigMapFromLiteralsProps) {
    const result = kubectlCreateConfigMap({ name: props.name, fromLiteral: props.literals, appendHash: props.appendHash }, () => ({ type: 'missing', reason: 'no files' }));
    super(scope, id, props, unwrap(result, `${scope.node.path}/${id}`, 'literals'));
  }
}

/** Props of a {@link ConfigMapGenerator}: one kustomize `configMapGenerator` entry. */
export interface ConfigMapGeneratorProps extends CheckOptions {
  /** The generator's `name`; the emitted name gets a content-hash suffix unless `options.disableNameSuffixHash`. */
  readonly name: string;
  /** Written to `metadata.namespace`. @default - none: the namespace it is applied to */
  readonly namespace?: string;
  /** Env files, read first (keys are not checked by kustomize; the API server checks them). @default - none */
  readonly envs?: readonly string[];
  /** `key=value`; one pair of surrounding quotes is removed from the value. @default - none */
  readonly literals?: readonly string[];
  /** `path` or `key=path`; files only. @default - none */
  readonly files?: readonly string[];
  /**
   * The generator's `options`: labels, annotations, `disableNameSuffixHash`, `immutable`.
   * @default - kustomize's defaults: a content-hash suffix, no labels or annotations
   */
  readonly options?: GeneratorOptions;
  /**
   * The kustomization directory, that relative paths are read from.
   * @default - process.cwd()
   */
  readonly baseDir?: string;
}

/** kustomize's `configMapGenerator` entry, reproduced: same data, same hashed name, same options; `binaryData` is base64 wrapped at 70 columns from 52 bytes on, as kustomize writes (and hashes) it. */
export class ConfigMapGenerator extends ConfigMapBase {
  constructor(scope: Construct, id: string, props: ConfigMapGeneratorProps) {
    const g = unwrap(kustomizeConfigMap(props, readPathFromFs(props.baseDir)), `${scope.node.path}/${id}`, 'sources');
    const metadata: ConfigMapMetadata = {
      name: g.name,
      ...(g.namespace !== undefined ? { namespace: g.namespace } : {}),
      ...(g.labels ? { labels: { ...g.labels } } : {}),
      ...(g.annotations ? { annotations: { ...g.annotations } } : {}),
    };
    super(scope, id, { metadata, data: g.data, binaryData: g.binaryData, ...(g.immutable ? { immutable: true } : {}) }, props);
    this.checkNow();
  }
}
