/**
 * The data of a ConfigMap being built, with kubectl's checks on each new key: a valid ConfigMap key, not
 * already present in `data` or `binaryData` (a duplicate is always an error, never last-wins). Text that
 * is valid UTF-8 goes to `data`; other bytes go to `binaryData`, base64-encoded.
 */
import { decodeUtf8, strconvQuote } from './go';
import { configMapKeyErrors } from './keys';

/** `data` and `binaryData` (base64) of a ConfigMap. */
export interface ConfigMapContent {
  readonly data: Readonly<Record<string, string>>;
  readonly binaryData: Readonly<Record<string, string>>;
}

/** Accumulates keys the way kubectl's `addKeyFromLiteralToConfigMap` / `addKeyFromFileToConfigMap` do. */
export class KubectlContent {
  private readonly data = new Map<string, string>();
  private readonly binaryData = new Map<string, string>();

  constructor(private readonly name: string) {}

  /** `validateNewConfigMap`: the error for adding `key`, if any. */
  private check(key: string): string | undefined {
    const errs = configMapKeyErrors(key);
    if (errs.length > 0) return `${strconvQuote(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`;
    if (this.data.has(key)) return `cannot add key ${strconvQuote(key)}, another key by that name already exists in Data for ConfigMap ${strconvQuote(this.name)}`;
    if (this.binaryData.has(key))
      return `cannot add key ${strconvQuote(key)}, another key by that name already exists in BinaryData for ConfigMap ${strconvQuote(this.name)}`;
    return undefined;
  }

  /** Adds a text value; returns kubectl's error, if any. */
  addText(key: string, value: string): string | undefined {
    const error = this.check(key);
    if (error === undefined) this.data.set(key, value);
    return error;
  }

  /** Adds a file's bytes: to `data` when UTF-8, else to `binaryData`; returns kubectl's error, if any. */
  addBytes(key: string, bytes: Uint8Array): string | undefined {
    const text = decodeUtf8(bytes);
    if (text !== undefined) return this.addText(key, text);
    const error = this.check(key);
    if (error === undefined) this.binaryData.set(key, Buffer.from(bytes).toString('base64'));
    return error;
  }

  get content(): ConfigMapContent {
    return { data: Object.fromEntries(this.data), binaryData: Object.fromEntries(this.binaryData) };
  }
}
