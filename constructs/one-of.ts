/**
 * `OneOf<{ a: A; b: B }>`: an object with exactly one of the keys set, the others `never`. The exclusive
 * union of STYLE §4, for plain-object forms of one-of fields (probe and lifecycle handlers).
 */
export type OneOf<Choices> = {
  [K in keyof Choices]: { readonly [P in K]: Choices[K] } & { readonly [P in Exclude<keyof Choices, K>]?: never };
}[keyof Choices];
