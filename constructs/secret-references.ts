/**
 * References to Secrets, by object: a Secret of this library (`Secret`, `SecretFromFiles`, `TlsSecret`, …), a
 * cdk8s-plus-28 Secret, or a Secret that lives outside the app and is declared so with {@link ExternalSecret}
 * (never assumed from a bare name). As for ConfigMaps, the app-level validation gives the app-wide rules the
 * Secrets declared here ({@link secretExternalsOf}), and they report `secret/not-found` and missing keys.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/configure-projected-volume-storage/
 */
import { ApiObject } from 'cdk8s';
import { Construct, type IConstruct } from 'constructs';
import type { EnvFromSource, EnvVarSource, KeyToPath, Volume, VolumeProjection } from '../lib/k8s';
import { secretRules, type ExternalSecretRef } from '../lib/rules/secrets';
import { checkKeyToPaths } from '../lib/rules/volumes';
import { ViolationError } from '../lib/violation';

const externals = new WeakMap<IConstruct, ExternalSecretRef[]>();

function declare(scope: IConstruct, ref: ExternalSecretRef): void {
  const root = scope.node.root;
  externals.set(root, [...(externals.get(root) ?? []), ref]);
}

/** The Secrets declared external in the app of `scope` (empty when none). */
export function secretExternalsOf(scope: IConstruct): readonly ExternalSecretRef[] {
  return externals.get(scope.node.root) ?? [];
}

/** Props of {@link ExternalSecret}. */
export interface ExternalSecretProps {
  /** `metadata.name` of the Secret in the cluster. */
  readonly name: string;
  /**
   * `metadata.namespace` of the Secret in the cluster.
   * @default 'default'
   */
  readonly namespace?: string;
  /**
   * Keys it is known to hold; references to other keys then fail synthesis.
   * @default - unknown: keys are not checked
   */
  readonly keys?: readonly string[];
}

/**
 * A Secret created outside the app (`kubectl create secret generic user --from-file=…`, another chart or tool).
 * Emits nothing; declares that references to it are intended.
 */
export class ExternalSecret extends Construct {
  readonly name: string;
  readonly namespace?: string;
  readonly keys?: readonly string[];

  constructor(scope: Construct, id: string, props: ExternalSecretProps) {
    super(scope, id);
    this.name = props.name;
    this.namespace = props.namespace;
    this.keys = props.keys;
    declare(this, { name: props.name, namespace: props.namespace, keys: props.keys });
  }
}

/**
 * What a Secret reference may be: a Secret of this library, an {@link ExternalSecret}, or a cdk8s-plus-28
 * Secret (one imported with `fromSecretName` is declared external, with unknown keys).
 */
export interface SecretRefLike extends IConstruct {
  /** The Secret's `metadata.name`. */
  readonly name: string;
  /**
   * The Secret's namespace.
   * @default - the namespace of the pod that refers to it
   */
  readonly namespace?: string;
  /**
   * The keys, when known.
   * @default - unknown: references to its keys are not checked
   */
  readonly keys?: readonly string[];
  /**
   * Its object metadata, where the namespace may be read from (a cdk8s-plus-28 Secret).
   * @default - none
   */
  readonly metadata?: { readonly namespace?: string };
  /**
   * A ConfigMap's `binaryData`: a ConfigMap is not a Secret (pass it to `configMapKeyRef`, `configMapVolume`, …).
   * @default - absent, as on any Secret
   */
  readonly binaryData?: undefined;
}

/** The name, namespace and (when known) keys of a referenced Secret. */
export interface ResolvedSecret {
  readonly name: string;
  readonly namespace?: string;
  readonly keys?: readonly string[];
}

/**
 * Resolves a reference. A cdk8s-plus-28 Secret that emits its object (one made with `new Secret(…)`) is in the
 * app, where the app-wide check sees its keys; one imported with `fromSecretName` emits nothing and is declared
 * external on the way.
 */
export function resolveSecret(ref: SecretRefLike): ResolvedSecret {
  if (ref.keys !== undefined || ref instanceof ExternalSecret) return { name: ref.name, namespace: ref.namespace, keys: ref.keys };
  const namespace = ref.metadata?.namespace;
  if (!ref.node.children.some((c) => ApiObject.isApiObject(c))) declare(ref, { name: ref.name, namespace });
  return { name: ref.name, namespace };
}

function requireKeys(secret: ResolvedSecret, keys: readonly { key: string; path: string }[]): void {
  if (!secret.keys) return;
  const missing = keys.filter((k) => !secret.keys!.includes(k.key));
  if (missing.length > 0) throw new ViolationError(missing.map((k) => secretRules.keyNotFound.at(k.path, k.key, secret.name)), secret.name);
}

function requireItemPaths(items: readonly KeyToPath[] | undefined, at: string, subject: string): void {
  const errors = checkKeyToPaths(items, at);
  if (errors.length > 0) throw new ViolationError(errors, subject);
}

/** `valueFrom` of an env var: one key of a Secret. Fails now when the Secret's keys are known and lack `key`. */
export function secretKeyRef(ref: SecretRefLike, key: string, options: { readonly optional?: boolean } = {}): EnvVarSource {
  const secret = resolveSecret(ref);
  if (!options.optional) requireKeys(secret, [{ key, path: 'valueFrom.secretKeyRef.key' }]);
  return { secretKeyRef: { name: secret.name, key, ...(options.optional !== undefined ? { optional: options.optional } : {}) } };
}

/** An `envFrom` entry importing every key of a Secret. */
export function envFromSecret(ref: SecretRefLike, options: { readonly prefix?: string; readonly optional?: boolean } = {}): EnvFromSource {
  const secret = resolveSecret(ref);
  return {
    ...(options.prefix !== undefined ? { prefix: options.prefix } : {}),
    secretRef: { name: secret.name, ...(options.optional !== undefined ? { optional: options.optional } : {}) },
  };
}

/** Options of a Secret volume or projection. */
export interface SecretVolumeOptions {
  /** Only these keys, each at its path (and mode). @default - every key, as a file named after it */
  readonly items?: readonly KeyToPath[];
  /**
   * The mode bits of the files, where an item sets none.
   * @default - 0644, set by the API server
   */
  readonly defaultMode?: number;
  /**
   * When true, the pod starts even if the Secret (or an item's key) does not exist.
   * @default - the Secret (and every item's key) must exist
   */
  readonly optional?: boolean;
}

/** A volume holding a Secret's keys as files. Fails now when an item names a key the Secret lacks, or an invalid path. */
export function secretVolume(name: string, ref: SecretRefLike, options: SecretVolumeOptions = {}): Volume {
  const secret = resolveSecret(ref);
  requireItemPaths(options.items, 'secret.items', secret.name);
  if (!options.optional) requireKeys(secret, (options.items ?? []).map((i, n) => ({ key: i.key, path: `secret.items[${n}].key` })));
  return {
    name,
    secret: {
      secretName: secret.name,
      ...(options.items ? { items: options.items.map((i) => ({ ...i })) } : {}),
      ...(options.defaultMode !== undefined ? { defaultMode: options.defaultMode } : {}),
      ...(options.optional !== undefined ? { optional: options.optional } : {}),
    },
  };
}

/** A projected-volume source from a Secret. Fails now when an item names a key the Secret lacks, or an invalid path. */
export function secretProjection(ref: SecretRefLike, options: Omit<SecretVolumeOptions, 'defaultMode'> = {}): VolumeProjection {
  const secret = resolveSecret(ref);
  requireItemPaths(options.items, 'secret.items', secret.name);
  if (!options.optional) requireKeys(secret, (options.items ?? []).map((i, n) => ({ key: i.key, path: `secret.items[${n}].key` })));
  return {
    secret: {
      name: secret.name,
      ...(options.items ? { items: options.items.map((i) => ({ ...i })) } : {}),
      ...(options.optional !== undefined ? { optional: options.optional } : {}),
    },
  };
}
