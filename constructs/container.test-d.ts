/**
 * Type tests of the container field groups: `ContainerProps` has exactly the fields of lib/k8s's `Container`,
 * and those it takes as the API writes them keep the API's types (the groups are written out, not derived with `Omit`).
 */
import { expectTypeOf } from 'vitest';
import type * as k8s from '../lib/k8s';
import type { ContainerBaseProps, ContainerEnvFields, ContainerPortFields, ContainerProps } from './container';

/** The fields as plain (mutable) properties, so the comparison is about types and optionality only. */
type Fields<T, K extends keyof T> = { -readonly [P in K]: T[P] };
/** Fields taken as written: everything but the retyped ones (`name` and `image` are required here). */
type PassThrough = Exclude<keyof ContainerBaseProps | keyof ContainerEnvFields | keyof ContainerPortFields | 'restartPolicy', 'name' | 'image' | Enumerated>;
/** Enumerations: the props take only Kubernetes' values, the wire type any string (a manifest may hold a wrong one). */
type Enumerated = 'imagePullPolicy' | 'terminationMessagePolicy' | 'restartPolicy';

expectTypeOf<keyof ContainerProps>().toEqualTypeOf<keyof k8s.Container>();
expectTypeOf<Fields<ContainerProps, PassThrough>>().toEqualTypeOf<Fields<k8s.Container, PassThrough>>();
expectTypeOf<Fields<ContainerProps, 'name' | 'image'>>().toEqualTypeOf<{ name: string; image: string }>();
expectTypeOf<Fields<ContainerProps, Enumerated>>().toEqualTypeOf<{
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  terminationMessagePolicy?: 'File' | 'FallbackToLogsOnError';
  restartPolicy?: 'Always';
}>();
