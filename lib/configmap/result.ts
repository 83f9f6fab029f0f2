/** The outcome of reading ConfigMap sources: a value, or the tool's error message. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });

/** Which tool's behaviour to reproduce. */
export type Dialect = 'kubectl' | 'kustomize';
