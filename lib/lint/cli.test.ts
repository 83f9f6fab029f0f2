/**
 * `podkit lint` over a repository, in process (runCli): folders, skipped documents, unreadable files among good
 * ones, exit codes, the three formats, and output that is safe for a terminal and a CI log.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configMapRules } from '../rules/config-map';
import { objectRules } from '../rules/objects';
import { portRules } from '../rules/ports';
import { resourceRules } from '../rules/resources';
import { RULE_AREAS } from '../rules/areas';
import { yamlStringRules } from '../rules/yaml-strings';
import { runCli } from './cli';
import { MAX_MESSAGE_LENGTH, type LintJson } from './format';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function podkit(args: string[], stdin: () => string | Uint8Array = () => ''): Run {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin });
  return { code, stdout, stderr };
}

const POD = (name: string, extra = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx\n${extra}`;
const BAD_PORT = '    ports:\n    - containerPort: 80\n      protocol: tcp\n';

/** A small repository: manifests in nested folders, kustomize and Helm files, .git and node_modules. */
function repository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'podkit-repo-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const json = (run: Run) => JSON.parse(run.stdout) as LintJson;

describe('podkit lint on a repository', () => {
  const root = repository({
    'apps/web/pod.yaml': POD('web', BAD_PORT),
    'apps/web/kustomization.yaml': 'resources: [pod.yaml]\npatches:\n- path: patch.yaml\npatchesStrategicMerge:\n- ../shared/resources.yaml\n',
    'apps/web/patch.yaml': '- op: replace\n  path: /spec/replicas\n  value: 3\n',
    'apps/shared/resources.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        resources: {limits: {memory: 1Gi}}\n',
    'apps/ok.yml': POD('ok'),
    'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.0.0\n',
    'chart/values.yaml': 'image: nginx\n',
    'chart/templates/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n',
    'README.md': '# not YAML\n',
    '.git/config.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: BAD_NAME}\n',
    'node_modules/pkg/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: BAD_NAME}\n',
  });

  it('lints every manifest of nested folders, skips what is not an object (with the reason), ignores .git and node_modules', () => {
    const run = podkit(['lint', '--format', 'json', root]);
    const report = json(run);
    expect(run.code).toBe(1);
    expect(report.findings.map((f) => [f.file.slice(root.length + 1), f.rule, f.path])).toStrictEqual([['apps/web/pod.yaml', portRules.protocolUnsupported.id, 'spec.containers[0].ports[0].protocol']]);
    expect(report.skipped.map((s) => [s.file.slice(root.length + 1), s.reason.replace(/:.*/, '').replace(root, '')])).toStrictEqual([
      ['apps/shared/resources.yaml', 'a kustomize patch (named in /apps/web/kustomization.yaml)'],
      ['apps/web/kustomization.yaml', 'a kustomize configuration (kustomization.yaml)'],
      ['apps/web/patch.yaml', 'a kustomize patch (named in /apps/web/kustomization.yaml)'],
      ['chart/Chart.yaml', 'Helm chart metadata (Chart.yaml)'],
      ['chart/templates/pod.yaml', 'a template ({{ }})'],
      ['chart/values.yaml', 'Helm values'],
    ]);
    expect(report.summary).toStrictEqual({ objects: 2, errors: 1, warnings: 0, skipped: 6, unreadable: 0 });
  });

  it('lints the same partial Deployment when no kustomization names it as a patch (its findings are real then)', () => {
    const alone = repository({ 'resources.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        resources: {limits: {memory: 1Gi}}\n' });
    const report = json(podkit(['lint', '--format', 'json', alone]));
    expect(report.skipped).toStrictEqual([]);
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('lists the skipped documents on stderr in text format, findings on stdout', () => {
    const run = podkit(['lint', root]);
    expect(run.stdout.split('\n')[0]).toMatch(/apps\/web\/pod\.yaml:11:7: error: Pod\/web: spec\.containers\[0\]\.ports\[0\]\.protocol: /);
    expect(run.stderr).toContain(`podkit: ${join(root, 'chart/Chart.yaml')}:1:1: skipped: Helm chart metadata (Chart.yaml)\n`);
  });

  it('fails with exit 2 when one file is unreadable, still linting and reporting every other file', () => {
    const broken = repository({ 'a/bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n', 'b/pod.yaml': POD('web', BAD_PORT), 'c/ok.yaml': POD('ok') });
    const run = podkit(['lint', '--format', 'json', broken]);
    const report = json(run);
    expect(run.code).toBe(2);
    expect(report.unreadable).toMatchObject([{ file: join(broken, 'a/bad.yaml'), line: 5, column: 1 }]);
    expect(report.findings.map((f) => f.rule)).toStrictEqual([portRules.protocolUnsupported.id]);
    expect(report.summary.objects).toBe(2);
    expect(run.stderr).toMatch(/^podkit: .*a\/bad\.yaml:5:1: yaml: /);
  });

  it('fails with exit 2 when a named file is missing, reading the others', () => {
    const run = podkit(['lint', join(root, 'apps/ok.yml'), join(root, 'no-such.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`podkit: ${join(root, 'no-such.yaml')}: cannot read: no such file or directory`);
  });

  it('reads a folder linked twice only once', () => {
    const linked = repository({ 'real/pod.yaml': POD('web', BAD_PORT) });
    symlinkSync(join(linked, 'real'), join(linked, 'link'));
    expect(json(podkit(['lint', '--format', 'json', linked])).findings).toHaveLength(1);
  });
});

describe('podkit lint exit codes for empty input', () => {
  const only = repository({ 'kustomization.yaml': 'resources: []\n', 'empty.yaml': '---\n# nothing\n' });
  it.each([
    ['stdin is empty', ['lint', '-'], (): string => ''],
    ['every document was skipped', ['lint', only], (): string => ''],
  ] as const)('fails with exit 2 when %s: nothing was linted', (_what, args, stdin) => {
    const run = podkit([...args], stdin);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('podkit: no Kubernetes objects in the input');
    expect(run.stderr).toContain('--allow-empty');
  });

  it('passes empty input with --allow-empty', () => {
    expect(podkit(['lint', '--allow-empty', '-'], () => '')).toStrictEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('passes one object (the twin of the failures above)', () => {
    expect(podkit(['lint', '-'], () => POD('ok'))).toStrictEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('podkit lint with stdin that cannot be read', () => {
  it('fails with exit 2 and a clear message when stdin is a directory (EISDIR), without a stack trace', () => {
    const run = podkit(['lint', '-'], () => {
      throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
    });
    expect(run).toStrictEqual({ code: 2, stdout: '', stderr: 'podkit: <stdin>: cannot read: is a directory (EISDIR)\n' });
  });

  it('reads UTF-16 on stdin as bytes, as from a file', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POD('ok'), 'utf16le')]);
    expect(podkit(['lint', '-'], () => bytes).code).toBe(0);
  });
});

describe('podkit lint output is safe for a terminal and a CI log', () => {
  it('escapes control characters and ANSI sequences in names and values before printing them', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "\\e[31mred\\e[0m\\u202e"\nspec:\n  containers:\n  - name: app\n    image: nginx\n';
    const run = podkit(['lint', '-'], () => text);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(run.stdout).toContain('Pod/\\x1b[31mred\\x1b[0m\\u202e:');
    const report = podkit(['lint', '--format', 'json', '-'], () => text);
    expect(report.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(json(report).findings[0]!.object.name).toBe('\u001b[31mred\u001b[0m\u202e');
  });

  it('never prints Secret data or env values, whatever rule quotes them', () => {
    const text = [
      'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData:\n  password: ["hunter2-SUPERSECRET"]\ndata:\n  token: 12345678\n',
      `${POD('p')}    env:\n    - name: PASSWORD\n      value: ["hunter2-SUPERSECRET"]\n    - name: PIN\n      value: 987654\n`,
    ].join('---\n');
    const run = podkit(['lint', '-'], () => text);
    expect(run.code).toBe(1);
    expect(run.stdout.match(new RegExp(yamlStringRules.stringExpected.id.replace('/', '\\/'), 'g'))).toHaveLength(4);
    for (const secret of ['hunter2', '12345678', '987654']) expect(run.stdout).not.toContain(secret);
  });

  it('quotes a bounded prefix of a long value (a ConfigMap value is not secret)', () => {
    const long = 'x'.repeat(5000);
    const run = podkit(['lint', '--format', 'json', '-'], () => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    a: [${long}]\n`);
    const [finding] = json(run).findings;
    expect(finding!.rule).toBe(yamlStringRules.stringExpected.id);
    expect(finding!.message.length).toBeLessThan(400);
    expect(finding!.message).toContain('xxx…');
  });

  it('cuts any message at a fixed length, saying how much was left out', () => {
    const name = 'a'.repeat(5000);
    const run = podkit(['lint', '-'], () => POD(name));
    const line = run.stdout.split('\n')[0]!;
    expect(line).toContain(`more characters) [${objectRules.nameInvalid.id}]`);
    expect(line.length).toBeLessThan(3 * MAX_MESSAGE_LENGTH);
  });

  it('prints a 7 KB file of 20 alias-expanding documents quickly and briefly, failing it as excessive aliasing', () => {
    const doc = (i: number) => {
      const anchors = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
      for (let l = 1; l < 6; l++) anchors.push(`${String.fromCharCode(97 + l)}: &${String.fromCharCode(97 + l)} [${Array(10).fill(`*${String.fromCharCode(96 + l)}`).join(',')}]`);
      return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n${anchors.join('\n')}\ndata:\n  k: *f\n`;
    };
    const text = Array.from({ length: 20 }, (_, i) => doc(i)).join('---\n');
    const started = Date.now();
    const run = podkit(['lint', '-'], () => text);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/yaml: document contains excessive aliasing/);
    expect(run.stdout.length + run.stderr.length).toBeLessThan(10_000);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('podkit lint --format sarif', () => {
  const run = podkit(['lint', '--format', 'sarif', '-'], () => `${POD('web', BAD_PORT)}---\n${POD('x')}    command: ["sh", "-c", "echo $(POD_NAME)"]\n`);
  const log = JSON.parse(run.stdout) as {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: { name: string; rules: { id: string; helpUri: string; shortDescription: { text: string } }[] } };
      results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
      invocations: { executionSuccessful: boolean; exitCode: number }[];
    }[];
  };

  it('is a SARIF 2.1.0 log with the properties the schema requires', () => {
    expect(run.code).toBe(1);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    expect(sarifRun!.tool.driver.name).toBe('podkit');
    for (const rule of sarifRun!.tool.driver.rules) {
      expect(rule.id).toMatch(/^[a-z-]+\/[a-z0-9-]+$/i);
      expect(rule.helpUri).toMatch(/^https:\/\//);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
    }
    const ruleCount = Object.values(RULE_AREAS).reduce((n, t) => n + Object.keys(t).length, 0);
    expect(sarifRun!.tool.driver.rules.length).toBeGreaterThanOrEqual(ruleCount);
    expect(sarifRun!.invocations).toMatchObject([{ executionSuccessful: true, exitCode: 1 }]);
  });

  it('has one result per finding: rule id and index, level, message text, file, line and column', () => {
    const [sarifRun] = log.runs;
    const results = sarifRun!.results;
    expect(results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region])).toStrictEqual([
      [portRules.protocolUnsupported.id, 'error', 'stdin', { startLine: 11, startColumn: 7 }],
      [configMapRules.undefinedVariable.id, 'warning', 'stdin', { startLine: 21, startColumn: 27 }],
    ]);
    for (const r of results) {
      expect(sarifRun!.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(r.message.text.length).toBeGreaterThan(0);
    }
  });

  it('names files relative to the working directory, as code scanning wants', () => {
    const repo = repository({ 'k8s/pod.yaml': POD('web', BAD_PORT) });
    const cwd = process.cwd();
    try {
      process.chdir(repo);
      const sarif = JSON.parse(podkit(['lint', '--format', 'sarif', join(repo, 'k8s')]).stdout) as typeof log;
      expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('k8s/pod.yaml');
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('podkit lint on a file larger than a chunk (read from disk in chunks)', () => {
  const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  level: "${'x'.repeat(200)}"\n`;
  const consumer = (name: string, key: string, prefix = '') =>
    POD(name, `${prefix}    env:\n    - name: METIER\n      value: "café ☕ 日本"\n    - name: LEVEL\n      valueFrom: {configMapKeyRef: {name: cm-599, key: ${key}}}\n`);
  /** 600 ConfigMaps (about 180 KB, characters of one to four bytes) between two Pods that reference the last one. */
  const text = (key: string) => [consumer('first', key), ...Array.from({ length: 600 }, (_, i) => configMap(`cm-${i}`)), consumer('last', key, BAD_PORT)].join('---\n');

  it.each([
    ['fails when both Pods reference a key the ConfigMap does not have: the same findings, at the same positions, as the whole text read from stdin', 'lvl', 3],
    ['passes its twin, whose key is defined, with only the finding that does not cross objects', 'level', 1],
  ])('%s', (_what, key, findings) => {
    const root = repository({ 'big.yaml': text(key) });
    const file = join(root, 'big.yaml');
    const fromDisk = podkit(['lint', '--format', 'json', file]);
    const fromStdin = podkit(['lint', '--format', 'json', '-'], () => Buffer.from(text(key)));
    const report = JSON.parse(fromDisk.stdout) as LintJson;
    const brief = (r: LintJson) => r.findings.map((f) => [f.rule, f.path, f.line, f.column, f.message]);
    expect(brief(report)).toStrictEqual(brief(JSON.parse(fromStdin.stdout) as LintJson));
    expect(report.findings.every((f) => f.file === file)).toBe(true);
    const crossing = [configMapRules.keyNotFound.id, 'spec.containers[0].env[1].valueFrom.configMapKeyRef.key'];
    expect(report.findings.map((f) => [f.rule, f.path, f.line, f.column])).toStrictEqual([
      ...(findings === 3 ? [[...crossing, 13, 51]] : []),
      [portRules.protocolUnsupported.id, 'spec.containers[0].ports[0].protocol', 4225, 7],
      ...(findings === 3 ? [[...crossing, 4230, 51]] : []),
    ]);
    expect(fromDisk.code).toBe(1);
  });
});

describe('podkit lint on a file that changes while it is read', () => {
  const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  level: "${'x'.repeat(200)}"\n`;
  /** More than a chunk (read from disk twice, then once more to locate the finding across objects, at line 11). */
  const text = [POD('first', '    env:\n    - name: LEVEL\n      valueFrom: {configMapKeyRef: {name: cm-299, key: lvl}}\n'), ...Array.from({ length: 300 }, (_, i) => configMap(`cm-${i}`))].join('---\n');
  /** Lints the file, then stdin, whose read changes the file as `change` says, before the findings are located. */
  const lintWhileChanging = (change: (file: string) => void) => {
    const file = join(repository({ 'big.yaml': text }), 'big.yaml');
    return podkit(['lint', file, '-'], () => {
      change(file);
      return POD('other');
    });
  };
  const changed = /^podkit: .*big\.yaml: cannot read: the file changed while podkit was reading it \(it was (written to or replaced|deleted)\): lint it again once it is written\n$/;

  it.each([
    ['truncated', (file: string) => writeFileSync(file, '')],
    ['rewritten with lines before the object', (file: string) => writeFileSync(file, `# a comment\n${text}`)],
    ['replaced by other YAML', (file: string) => writeFileSync(file, 'a: [\n'.repeat(5000))],
    ['deleted', (file: string) => rmSync(file)],
  ])('fails with exit 2 and a clear message when the file is %s before its findings are located, never a wrong position', (_what, change) => {
    const run = lintWhileChanging(change);
    expect(run.stderr).toMatch(changed);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('passes its twin, the file unchanged: the finding across objects at its own line', () => {
    const run = lintWhileChanging(() => undefined);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/big\.yaml:11:51: error: Pod\/first: spec\.containers\[0\]\.env\[0\]\.valueFrom\.configMapKeyRef\.key: /);
    expect(run.stderr).toBe('');
  });
});

describe('podkit lint on a document too large to read (bounded time and memory)', () => {
  const configMap = (bytes: number) => `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"a": "${'x'.repeat(bytes)}"}}\n`;

  it('fails with exit 2 and a clear message on a 17 MiB document of one line, quickly', () => {
    const started = Date.now();
    const run = podkit(['lint', '-'], () => configMap(17 * 2 ** 20));
    expect(run).toStrictEqual({ code: 2, stdout: '', stderr: 'podkit: <stdin>:1:1: yaml: document too large: more than 16 MiB (podkit reads documents of at most 16 MiB and 1,000,000 YAML tokens): split it into several documents, or raise the bounds (--max-document-tokens, --max-document-length)\n' });
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('passes its twin of 2 MiB to the rules, which find the ConfigMap too long', () => {
    const run = podkit(['lint', '--format', 'json', '-'], () => configMap(2 * 2 ** 20));
    expect(run.code).toBe(1);
    expect(json(run).findings.map((f) => f.rule)).toStrictEqual([configMapRules.tooLong.id]);
  });

  // a `kubectl get pods -o yaml` dump is one List document: 400 pods are about 150,000 YAML tokens
  const list = (pods: number) =>
    `apiVersion: v1\nitems:\n${Array.from({ length: pods }, (_, i) => `- apiVersion: v1\n  kind: Pod\n  metadata: {name: p${i}}\n  spec:\n    containers:\n    - name: app\n      image: example/app:1.0\n      resources: {requests: {cpu: ${i === pods - 1 ? '2' : '100m'}}, limits: {cpu: "1"}}\n`).join('')}kind: List\nmetadata: {}\n`;
  const tooLarge = (bound: string) => `yaml: document too large: more than ${bound} (podkit reads documents of at most`;

  it.each([
    ['tokens', ['--max-document-tokens', '10000'], '10,000 YAML tokens'],
    ['characters', ['--max-document-length=10000'], '10,000 characters'],
  ])('fails with exit 2 on a List beyond a bound lowered on the command line (%s), naming the bound and the flags', (_, flags, bound) => {
    const run = podkit(['lint', ...flags, '-'], () => list(400));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(tooLarge(bound));
    expect(run.stderr).toContain('or raise the bounds (--max-document-tokens, --max-document-length)');
  });

  it('passes its twin: the same List with the bounds raised is linted, the finding at the last pod\'s line', () => {
    const run = podkit(['lint', '--max-document-tokens', '2000000', '--max-document-length', '200000000', '--format', 'json', '-'], () => list(400));
    expect(run.code).toBe(1);
    expect(json(run).summary.objects).toBe(400);
    expect(json(run).findings.map((f) => [f.rule, f.path, f.line])).toStrictEqual([[resourceRules.requestExceedsLimit.id, 'spec.containers[0].resources.requests', 3 + 399 * 8 + 7]]);
  });

  it.each([['0'], ['-1'], ['1e6'], ['1.5'], ['lots'], ['']])('fails with exit 2 and the usage on a bound of %j', (value) => {
    const run = podkit(['lint', `--max-document-tokens=${value}`, '-'], () => list(1));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`podkit: --max-document-tokens: must be a whole number of at least 1, not ${JSON.stringify(value)}`);
  });

  it('explain takes the same bounds', () => {
    expect(podkit(['explain', '--max-document-tokens', '10000', '-'], () => list(400)).stderr).toContain(tooLarge('10,000 YAML tokens'));
    expect(podkit(['explain', '--max-document-tokens', '2000000', '--format', 'json', '-'], () => list(400)).code).toBe(0);
  });
});

describe('podkit explain on hostile input', () => {
  const hostile = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "\\e[31mred\\u202e"\n  namespace: "\\e]0;title\\a"\nspec:\n  securityContext: {runAsUser: 1}\n  containers:\n  - name: "c\\e[2J"\n    image: nginx\n';

  it.each(['text', 'json'])('escapes control characters, ANSI sequences and bidirectional overrides in names before printing them (%s)', (format) => {
    const run = podkit(['explain', '--format', format, '-'], () => hostile);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(run.stdout).toContain(format === 'text' ? 'Pod/\\x1b]0;title\\x07/\\x1b[31mred\\u202e (pod spec at spec)' : '"name": "\\u001b[31mred\\u202e"');
    expect(run.stdout).toContain(format === 'text' ? 'containers[0] (c\\x1b[2J): runAsUser=1' : '"label": "containers[0] (c\\u001b[2J)"');
  });

  it('passes its twin, plain names printed as they are', () => {
    const run = podkit(['explain', '-'], () => hostile.replace(/"[^"\n]*\\[^"\n]*"/g, 'plain'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<stdin>:1:1: Pod/plain/plain (pod spec at spec)\n');
    expect(run.stdout).toContain('    containers[0] (plain): runAsUser=1 (spec.containers[0].securityContext)\n');
  });

  it('cuts a line at a fixed length, saying how much was left out', () => {
    const run = podkit(['explain', '-'], () => POD('a'.repeat(5000)));
    const [first] = run.stdout.split('\n');
    expect(first).toMatch(/^<stdin>:1:1: Pod\/a+… \(\d+ more characters\)$/);
    expect(first!.length).toBeLessThan(2 * MAX_MESSAGE_LENGTH);
  });

  it('fails with exit 2 and a clear message on a document too large to read', () => {
    const run = podkit(['explain', '-'], () => `${POD('a')}    args: [${'a,'.repeat(600_000)}a]\n`);
    expect(run).toStrictEqual({ code: 2, stdout: '', stderr: 'podkit: <stdin>:1:1: yaml: document too large: more than 1,000,000 YAML tokens (podkit reads documents of at most 16 MiB and 1,000,000 YAML tokens): split it into several documents, or raise the bounds (--max-document-tokens, --max-document-length)\n' });
  });

  it('reads a file larger than a chunk as lint does: the same objects at the same positions as from stdin', () => {
    const text = Array.from({ length: 400 }, (_, i) => POD(`p${i}`)).join('---\n');
    const file = join(repository({ 'pods.yaml': text }), 'pods.yaml');
    const [fromDisk, fromStdin] = [podkit(['explain', '--format', 'json', file]), podkit(['explain', '--format', 'json', '-'], () => text)];
    const objects = (run: Run) => (JSON.parse(run.stdout) as { objects: { file: string; line: number; object: unknown }[] }).objects.map((o) => [o.line, o.object]);
    expect(objects(fromDisk)).toHaveLength(400);
    expect(objects(fromDisk)).toStrictEqual(objects(fromStdin));
    expect(objects(fromDisk)[399]).toStrictEqual([399 * 9 + 1, { kind: 'Pod', name: 'p399' }]);
  });
});
