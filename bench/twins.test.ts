/**
 * The twins of `npm run bench` (bench/twins.ts) compare one app written three ways, so they must keep writing the
 * same manifests as the package changes: synthesized here from the sources (the bench does it again from the packed
 * package, every round).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TWINS, twinSource, type Twin } from './twins';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-twins-test-'));

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

/** Runs the twin's app (its `app.synth()` writes to CDK8S_OUTDIR) and returns the YAML it wrote, by file. */
async function synth(twin: Twin): Promise<Record<string, string>> {
  const out = path.join(work, twin);
  const previous = process.env.CDK8S_OUTDIR;
  process.env.CDK8S_OUTDIR = out;
  try {
    await import(`./twins/${twin}`);
  } finally {
    if (previous === undefined) delete process.env.CDK8S_OUTDIR;
    else process.env.CDK8S_OUTDIR = previous;
  }
  return Object.fromEntries(fs.readdirSync(out).sort().map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')]));
}

describe("the bench's twins", () => {
  it('write the same YAML, byte for byte: the package, cdk8s-plus-28 and raw ApiObjects', async () => {
    const written: Record<string, string>[] = [];
    for (const twin of TWINS) written.push(await synth(twin)); // one at a time: each reads CDK8S_OUTDIR
    const [podkit, ...others] = written;
    expect(Object.keys(podkit!)).toEqual(['app.k8s.yaml']);
    expect(podkit!['app.k8s.yaml']).toMatch(/kind: Deployment[\s\S]*name: qos-demo[\s\S]*seccompProfile:\n\s+type: RuntimeDefault/);
    for (const other of others) expect(other).toStrictEqual(podkit);
  }, 60_000);

  it("import the package by its name in the bench's project", () => {
    expect(twinSource('podkit')).toContain("from 'cdk8s-podkit';");
    expect(twinSource('podkit')).not.toContain('../../index');
    expect(twinSource('plus')).toContain("from 'cdk8s-plus-28';");
  });
});
