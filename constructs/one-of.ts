/**
 * `OneOf<{ a: A; b: B }>`: an object with exactly one of the keys set, the others `never`. The exclusive
 * union of STYLE §4, for plain-object forms of one-of fields. The library's own handler unions
 * (`ProbeHandlerWire`, `LifecycleHandlerWire`) are written out instead, and tested equal to it (one-of.test-d.ts):
 * as a mapped type it is instantiated again in every user's type check.
 */
export type OneOf<Choices> = {
  [K in keyof Choices]: { readonly [P in K]: Choices[K] } & { readonly [P in Exclude<keyof Choices, K>]?: never };
}[keyof Choices];
