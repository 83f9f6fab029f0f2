import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES, REFERENCE, REFERENCE_PAGES, docsUrl, docsUrlEn, englishDocsUrl, type PageSlug } from './docs';
import { RULE_AREAS } from './rules/areas';
import { checkResources } from './rules/resources';
import { podPolicyRules } from './rules/pod-policies';
import { portRules } from './rules/ports';
import { defineRule, formatViolation, type Rule } from './violation';

const TASKS = 'https://kubernetes.io/ja/docs/tasks/configure-pod-container/';
const TASKS_EN = 'https://kubernetes.io/docs/tasks/configure-pod-container/';
const RULES = Object.values(RULE_AREAS).flatMap((table) => Object.values(table) as Rule<string, never>[]);

/** The anchors Hugo gives the headings of a vendored Japanese page: an explicit `{#id}`, else the heading text, GitHub style. */
function headingAnchors(page: PageSlug): Set<string> {
  const text = fs.readFileSync(path.join(__dirname, '..', 'snapshots', 'reference', 'docs-ja', `${page}.md`), 'utf8');
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{2,6} +(.*)$/.exec(line);
    if (!heading) continue;
    const explicit = /\{#([^}]+)\}\s*$/.exec(heading[1]!);
    anchors.add(explicit ? explicit[1]! : heading[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
  }
  return anchors;
}

/** A rule's docs link split into the task page and the decoded anchor, when it is a page of the section. */
function taskLink(url: string): { page: PageSlug; anchor?: string } | undefined {
  if (!url.startsWith(TASKS)) return undefined;
  const [page = '', anchor] = url.slice(TASKS.length).split('#', 2);
  return { page: page.replace(/\/$/, '') as PageSlug, ...(anchor === undefined ? {} : { anchor: decodeURIComponent(anchor) }) };
}

describe('every rule links the page that states it, in Japanese and English', () => {
  it.each(RULES.map((r) => [r.id, r] as const))('%s links kubernetes.io in both editions', (_id, rule) => {
    expect(rule.docs).toMatch(/^https:\/\/kubernetes\.io\/(ja\/)?docs\//);
    expect(rule.docsEn).toMatch(/^https:\/\/kubernetes\.io\/docs\/[\x21-\x7e]*$/);
    expect(rule.docsEn).toBe(englishDocsUrl(rule.docs));
  });

  const taskRules = RULES.flatMap((r) => {
    const link = taskLink(r.docs);
    return link ? [[r.id, r, link] as const] : [];
  });

  it.each(taskRules)('%s: the Japanese anchor is a heading of the page, and the English link is the same task and section', (_id, rule, link) => {
    expect(Object.keys(PAGES)).toContain(link.page);
    if (link.anchor !== undefined) expect([...headingAnchors(link.page)]).toContain(link.anchor);
    const english = rule.docsEn.split('#');
    expect(english[0]).toBe(`${TASKS_EN}${link.page}/`);
    // a section link stays a section link in English: no anchor is dropped for want of a translation
    expect(english.length).toBe(link.anchor === undefined ? 1 : 2);
  });

  it('links a page of the section, or else one of the reference pages that state what the section does not', () => {
    expect(taskRules.length).toBeGreaterThan(0);
    const elsewhere = RULES.filter((r) => !taskLink(r.docs));
    for (const rule of elsewhere) expect(Object.values(REFERENCE).some((url) => rule.docs.startsWith(url.split('#')[0]!))).toBe(true);
  });

  it('keeps one English page per Japanese reference page, so the English link is never ambiguous', () => {
    const byJa = new Map<string, string>();
    for (const page of Object.values(REFERENCE_PAGES) as { ja?: string; en: string }[]) {
      const key = page.ja ?? page.en;
      expect(byJa.get(key) ?? page.en, key).toBe(page.en);
      byJa.set(key, page.en);
    }
  });
});

describe('links that fit the rule', () => {
  const pod = (resources: Record<string, unknown>) => ({ spec: { containers: [{ name: 'c', image: 'nginx', resources }] } });

  it('fails when a cpu request exceeds its limit with the CPU page, and a memory one with the memory page', () => {
    const [memory] = checkResources(pod({ requests: { memory: '300Mi' }, limits: { memory: '200Mi' } }));
    const [cpu] = checkResources(pod({ requests: { cpu: '2' }, limits: { cpu: '1' } }));
    const [storage] = checkResources(pod({ requests: { 'ephemeral-storage': '2Gi' }, limits: { 'ephemeral-storage': '1Gi' } }));
    expect([memory?.rule, memory?.path, memory?.docs, memory?.docsEn]).toEqual([
      'resources/request-exceeds-limit', 'spec.containers[0].resources.requests',
      docsUrl('assign-memory-resource', 'メモリーの要求と制限を指定する'), `${TASKS_EN}assign-memory-resource/#specify-a-memory-request-and-a-memory-limit`,
    ]);
    expect([cpu?.rule, cpu?.path, cpu?.docs, cpu?.docsEn]).toEqual([
      'resources/request-exceeds-limit', 'spec.containers[0].resources.requests',
      docsUrl('assign-cpu-resource', 'cpuの要求と制限を指定する'), `${TASKS_EN}assign-cpu-resource/#specify-a-cpu-request-and-a-cpu-limit`,
    ]);
    expect([storage?.rule, storage?.path, storage?.docs]).toEqual([
      'resources/request-exceeds-limit', 'spec.containers[0].resources.requests',
      'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#requests-and-limits',
    ]);
  });

  it('links the container ports rules to the API reference, not to the probes page', () => {
    for (const rule of Object.values(portRules)) {
      expect(rule.docs).toBe('https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container');
      expect(rule.docs).not.toContain('configure-liveness-readiness-startup-probes');
    }
  });

  it('links the DNS policy rules to the DNS concept page, not to the init container page', () => {
    for (const rule of [podPolicyRules.dnsPolicyUnsupported, podPolicyRules.dnsConfigRequired]) {
      expect(rule.docs).toBe('https://kubernetes.io/ja/docs/concepts/services-networking/dns-pod-service/');
      expect(rule.docsEn).toBe('https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy');
    }
  });
});

describe('englishDocsUrl', () => {
  it.each([
    [docsUrl('quality-service-pod', 'qosクラス'), `${TASKS_EN}quality-service-pod/#quality-of-service-classes`],
    [docsUrl('configure-liveness-readiness-startup-probes', 'use-a-named-port'), `${TASKS_EN}configure-liveness-readiness-startup-probes/#use-a-named-port`],
    [docsUrl('static-pod'), `${TASKS_EN}static-pod/`],
    [REFERENCE.names, 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/'],
    [`${REFERENCE.podSecurityStandards}#baseline`, 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    ['https://kubernetes.io/ja/docs/concepts/workloads/controllers/deployment/', 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/'],
    ['https://kubernetes.io/docs/concepts/windows/intro/#compatibility-v1-pod', 'https://kubernetes.io/docs/concepts/windows/intro/#compatibility-v1-pod'],
  ])('maps %s to %s', (ja, en) => {
    expect(englishDocsUrl(ja)).toBe(en);
  });

  it('drops a Japanese anchor it has no English one for, keeping the English page', () => {
    expect(docsUrlEn('static-pod', 'static-podの動的な追加と削除')).toBe(`${TASKS_EN}static-pod/`);
    expect(englishDocsUrl('https://kubernetes.io/ja/docs/concepts/storage/volumes/#ボリュームの種類')).toBe('https://kubernetes.io/docs/concepts/storage/volumes/');
  });
});

describe('formatViolation', () => {
  const ja = defineRule('demo/ja', docsUrl('assign-cpu-resource', 'cpuの単位'), (v: string) => `Invalid value: "${v}"`);
  const en = defineRule('demo/en', REFERENCE.container, () => 'Required value');

  it('prints the Japanese page, then the English page of the same task', () => {
    expect(formatViolation(ja.at('spec.x', '1u'))).toBe(
      `spec.x: Invalid value: "1u" [demo/ja] ${TASKS}assign-cpu-resource/#cpuの単位 (English: ${TASKS_EN}assign-cpu-resource/#cpu-units)`,
    );
  });

  it('prints a link once when the page is English only', () => {
    expect(formatViolation(en.at('spec.containers[0].name'))).toBe(
      'spec.containers[0].name: Required value [demo/en] https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container',
    );
  });
});
