/**
 * References to ConfigMaps, by object: a ConfigMap of this library, a cdk8s-plus-28 ConfigMap, or a ConfigMap
 * that lives outside the app and is declared so with {@link ExternalConfigMap} (never assumed from a bare name).
 *
 * The app-wide rules (`checkApp`) see only the objects of the app, so they cannot tell "outside the app" from
 * "missing" by themselves: the app-level validation gives them the ConfigMaps declared here
 * ({@link configMapExternalsOf}), and they report `config-map/not-found` (and missing keys of declared
 * externals with known keys).
 */
import { Construct, type IConstruct } from 'constructs';
import type { EnvFromSource, EnvVarSource, KeyToPath, Volume, VolumeProjection } from '../lib/k8s';
import { configMapRules, type ExternalConfigMapRef } from '../lib/rules/config-map';
import { ViolationError } from '../lib/violation';

const externals = new WeakMap<IConstruct, ExternalConfigMapRef[]>();

/** The ConfigMaps declared external in the app of `scope` (empty when none). */
export function configMapExternalsOf(scope: IConstruct): readonly ExternalConfigMapRef[] {
  return externals.get(scope.node.root) ?? [];
}

/** Props of {@link ExternalConfigMap}. */
export interface ExternalConfigMapProps {
  /** `metadata.name` of the ConfigMap in the cluster. */
  readonly name: string;
  /** Namespace of the ConfigMap in the cluster. @default 'default' */
  readonly namespace?: string;
  /**
   * Keys it is known to hold; references to other keys then fail synthesis.
   * @default - unknown: keys are not checked
   */
  readonly keys?: readonly string[];
}

/**
 * A ConfigMap created outside the app (with `kubectl create configmap`, by another chart or tool). Emits
 * nothing; declares that references to it are intended.
 */
export class ExternalConfigMap extends Construct {
  readonly name: string;
  readonly namespace?: string;
  readonly keys?: readonly string[];

  constructor(scope: Construct, id: string, props: ExternalConfigMapProps) {
    super(scope, id);
    this.name = props.name;
    this.namespace = props.namespace;
    this.keys = props.keys;
    const root = this.node.root;
    externals.set(root, [...(externals.get(root) ?? []), { name: props.name, namespace: props.namespace, keys: props.keys }]);
  }
}

// Secrets and their references live in secret-references.ts; these two are re-exported for existing imports.
export { ExternalSecret, secretProjection, type ExternalSecretProps } from './secret-references';

/**
 * What a ConfigMap reference may be: a ConfigMap of this library (`ConfigMap`, `ConfigMapFromEnvFile`, …),
 * an {@link ExternalConfigMap}, or a cdk8s-plus-28 `ConfigMap` (its data gives the keys; one made with
 * `fromConfigMapName` is external, with unknown keys).
 */
export interface ConfigMapRefLike extends IConstruct {
  /** `metadata.name` of the ConfigMap. */
  readonly name: string;
  /** Its namespace. @default - the namespace of the pod that refers to it */
  readonly namespace?: string;
  /** The keys it is known to hold. @default - unknown: references to its keys are not checked */
  readonly keys?: readonly string[];
  /** cdk8s-plus-28's ConfigMap exposes its content as `data` / `binaryData`. @default - unknown content */
  readonly data?: Readonly<Record<string, string>>;
  /** Binary content by key, base64-encoded. @default - unknown content */
  readonly binaryData?: Readonly<Record<string, string>>;
  /** Its object metadata, where the namespace may be read from. @default - none */
  readonly metadata?: { readonly namespace?: string };
  /**
   * A Secret's `type`: a Secret is not a ConfigMap (pass it to `secretKeyRef`, `secretVolume`, …).
   * @default - absent, as on any ConfigMap
   */
  readonly type?: undefined;
}

/** The name, namespace and (when known) keys of a referenced ConfigMap. */
export interface ResolvedConfigMap {
  readonly name: string;
  readonly namespace?: string;
  readonly keys?: readonly string[];
}

/** Resolves a reference; a cdk8s-plus-28 import (`fromConfigMapName`) is declared external on the way. */
export function resolveConfigMap(ref: ConfigMapRefLike): ResolvedConfigMap {
  if (ref.keys !== undefined || ref instanceof ExternalConfigMap) return { name: ref.name, namespace: ref.namespace, keys: ref.keys };
  const namespace = ref.metadata?.namespace;
  if (ref.data !== undefined || ref.binaryData !== undefined) {
    return { name: ref.name, namespace, keys: [...Object.keys(ref.data ?? {}), ...Object.keys(ref.binaryData ?? {})] };
  }
  const root = ref.node.root;
  externals.set(root, [...(externals.get(root) ?? []), { name: ref.name, namespace }]);
  return { name: ref.name, namespace };
}

function requireKeys(cm: ResolvedConfigMap, keys: readonly { key: string; path: string }[]): void {
  if (!cm.keys) return;
  const missing = keys.filter((k) => !cm.keys!.includes(k.key));
  if (missing.length > 0) throw new ViolationError(missing.map((k) => configMapRules.keyNotFound.at(k.path, k.key, cm.name)), cm.name);
}

/** `valueFrom` of an env var: one key of a ConfigMap. Fails now when the ConfigMap's keys are known and lack `key`. */
export function configMapKeyRef(ref: ConfigMapRefLike, key: string, options: { readonly optional?: boolean } = {}): EnvVarSource {
  const cm = resolveConfigMap(ref);
  if (!options.optional) requireKeys(cm, [{ key, path: 'valueFrom.configMapKeyRef.key' }]);
  return { configMapKeyRef: { name: cm.name, key, ...(options.optional !== undefined ? { optional: options.optional } : {}) } };
}

/** An `envFrom` entry importing every key of a ConfigMap. */
export function envFromConfigMap(ref: ConfigMapRefLike, options: { readonly prefix?: string; readonly optional?: boolean } = {}): EnvFromSource {
  const cm = resolveConfigMap(ref);
  return {
    ...(options.prefix !== undefined ? { prefix: options.prefix } : {}),
    configMapRef: { name: cm.name, ...(options.optional !== undefined ? { optional: options.optional } : {}) },
  };
}

/** Options of a ConfigMap volume or projection. */
export interface ConfigMapVolumeOptions {
  /** Only these keys, each at its path (and mode). @default - every key, as a file named after it */
  readonly items?: readonly KeyToPath[];
  /** Permission bits of the files, 0–0777 (0–511 in decimal). @default 0644 - the API server's default */
  readonly defaultMode?: number;
  /**
   * Whether the pod may start when the ConfigMap or one of the `items` keys does not exist.
   * @default false - the kubelet waits for the ConfigMap and its keys
   */
  readonly optional?: boolean;
}

/** A volume holding a ConfigMap's keys as files. Fails now when an item names a key the ConfigMap lacks. */
export function configMapVolume(name: string, ref: ConfigMapRefLike, options: ConfigMapVolumeOptions = {}): Volume {
  const cm = resolveConfigMap(ref);
  if (!options.optional) requireKeys(cm, (options.items ?? []).map((i, n) => ({ key: i.key, path: `configMap.items[${n}].key` })));
  return {
    name,
    configMap: {
      name: cm.name,
      ...(options.items ? { items: options.items.map((i) => ({ ...i })) } : {}),
      ...(options.defaultMode !== undefined ? { defaultMode: options.defaultMode } : {}),
      ...(options.optional !== undefined ? { optional: options.optional } : {}),
    },
  };
}

/** A projected-volume source from a ConfigMap. */
export function configMapProjection(ref: ConfigMapRefLike, options: Omit<ConfigMapVolumeOptions, 'defaultMode'> = {}): VolumeProjection {
  const cm = resolveConfigMap(ref);
  if (!options.optional) requireKeys(cm, (options.items ?? []).map((i, n) => ({ key: i.key, path: `configMap.items[${n}].key` })));
  return {
    configMap: {
      name: cm.name,
      ...(options.items ? { items: options.items.map((i) => ({ ...i })) } : {}),
      ...(options.optional !== undefined ? { optional: options.optional } : {}),
    },
  };
}
