import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDINGS_KEPT } from '../../src/engine/check-tally.js';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/csv.js';
import { reporters, scanReporters, textOf } from '../../src/report/index.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderOcsf } from '../../src/report/ocsf.js';
import { renderOscal } from '../../src/report/oscal.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { controlReadme } from '../../src/evidence/bundle/docs.js';
import { findingFingerprint, renderSarif, catalogArtifact } from '../../src/report/sarif.js';
import { uuidV5 } from '../../src/report/uuid.js';
import { applyBaseline } from '../../src/core/baseline.js';
import { mergeResults } from '../../src/core/merge.js';
import { builtInCatalogDir, packageRoot } from '../../src/core/paths.js';
import { parseCsv } from '../../src/core/csv.js';
import { expectGolden } from '../fixtures/golden.js';
import { buildScanResult, fixtureCheck, fixtureControl, sampleResult } from '../fixtures/scan-result.js';
import { ocsfClassSchema } from '../fixtures/ocsf-schema.js';
import { compile, oscalValidator, sarifValidator, xsdProblems } from '../fixtures/schemas.js';
import { xmlProblems } from '../fixtures/xml-check.js';

const goldenDir = join(import.meta.dirname, '..', 'golden', 'reports');

interface Sarif {
  runs: {
    tool: {
      driver: { rules: { id: string; properties: Record<string, unknown>; help: { text: string } }[] };
    };
    results: {
      ruleId: string;
      level: string;
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region: { startLine: number };
        };
        logicalLocations: { name: string }[];
      }[];
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; status: string; justification: string }[];
      baselineState?: string;
      message: { text: string };
      properties: Record<string, unknown>;
    }[];
    invocations: {
      toolExecutionNotifications: { level: string; message: { text: string }; descriptor?: { id: string } }[];
    }[];
    properties: Record<string, unknown>;
  }[];
}

describe('golden files (fixed ScanResult fixture)', () => {
  const result = sampleResult();
  for (const reporter of reporters) {
    it(`${reporter.format} -> ${reporter.file}`, () => {
      expectGolden(join(goldenDir, reporter.file), textOf(reporter.render(result)));
    });
  }
  it('renders the same bytes twice (deterministic ids and order)', () => {
    for (const reporter of reporters)
      expect(textOf(reporter.render(sampleResult()))).toBe(textOf(reporter.render(result)));
  });
});

describe('report.json (schemas/report.schema.json)', () => {
  const validate = compile(
    JSON.parse(readFileSync(join(packageRoot, 'schemas', 'report.schema.json'), 'utf8')) as object,
  );
  it('the fixture is valid, and so are baseline, shard and merge fields', () => {
    const result = sampleResult();
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    const marked = applyBaseline(
      { ...result, scan: { ...result.scan, failOn: 'new' } },
      result,
      'old/report.json',
    );
    expect(marked.checks[0]!.findings[0]!.baseline).toBe('unchanged');
    expect(validate(marked), JSON.stringify(validate.errors)).toBe(true);
    const merged = mergeResults(
      [{ ...result, scan: { ...result.scan, shard: { index: 1, count: 2 } } }],
      ['a'],
      { partial: true },
    );
    expect(merged.scan.missingShards).toEqual([2]);
    expect(validate(merged), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...result, scan: { ...result.scan, failOn: 'sometimes' } })).toBe(false);
  });
});

describe('sarif', () => {
  const result = sampleResult();
  const sarif = JSON.parse(renderSarif(result)) as Sarif;
  const run = sarif.runs[0]!;

  it('is valid against the SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the schema validator rejects a result without a message', () => {
    const broken = structuredClone(sarif) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0]!.results[0]!.message;
    expect(sarifValidator()(broken)).toBe(false);
  });

  it('gives every result the physical location GitHub requires, at the control in the catalog', () => {
    // Failing findings only: the not-checked EBS region is no result (it is neither pass nor fail).
    expect(run.results.length).toBe(7);
    expect(run.results.some((r) => r.message.text.includes('eu-west-1'))).toBe(false);
    for (const r of run.results) {
      const loc = r.locations[0]!;
      expect(loc.physicalLocation.artifactLocation.uri).toMatch(/^controls\/\w+\.yaml$/);
      expect(loc.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.logicalLocations[0]!.name).not.toBe('');
    }
    const root = run.results.find((r) => r.ruleId === 'aws.iam-root-mfa')!;
    expect(root.locations[0]!.physicalLocation.artifactLocation).toEqual({
      uri: 'controls/access.yaml',
      uriBaseId: 'SOC2ROOT',
    });
    expect(root.locations[0]!.logicalLocations[0]!.name).toBe('arn:aws:iam::111111111111:root');
  });

  it('maps severities to levels and GitHub security-severity bands', () => {
    const rules = new Map(run.tool.driver.rules.map((r) => [r.id, r]));
    expect(rules.get('aws.iam-root-mfa')!.properties['security-severity']).toBe('9.5');
    expect(rules.get('aws.iam-access-key-rotation')!.properties['security-severity']).toBe('8.0');
    expect(rules.get('github.branch-protection')!.properties['security-severity']).toBe('5.5');
    expect(rules.get('github.secret-scanning')!.properties['security-severity']).toBe('2.0');
    expect(rules.get('docs.policy-review')!.properties['security-severity']).toBeUndefined();
    const level = (id: string) => run.results.find((r) => r.ruleId === id)!.level;
    expect(level('aws.iam-root-mfa')).toBe('error');
    expect(level('aws.iam-access-key-rotation')).toBe('error');
    expect(level('github.branch-protection')).toBe('warning');
    expect(level('docs.policy-review')).toBe('note');
    expect(rules.get('aws.iam-root-mfa')!.help.text).toContain('Fix aws.iam-root-mfa');
    expect(rules.get('aws.iam-root-mfa')!.properties.tags).toContain('soc2/CC6.1');
  });

  it('fingerprints check + resource, stable across runs and scan times', () => {
    const later = buildScanResult({ ...sampleSpecAt('2026-11-09T09:00:00.000Z') });
    const again = JSON.parse(renderSarif(later)) as Sarif;
    expect(again.runs[0]!.results.map((r) => r.partialFingerprints)).toEqual(
      run.results.map((r) => r.partialFingerprints),
    );
    const root = run.results.find((r) => r.ruleId === 'aws.iam-root-mfa')!;
    const hash = findingFingerprint('aws.iam-root-mfa', 'arn:aws:iam::111111111111:root');
    expect(root.partialFingerprints).toEqual({
      primaryLocationLineHash: `${hash.slice(0, 16)}:1`,
      'soc2CheckResource/v1': hash,
    });
    expect(new Set(run.results.map((r) => r.partialFingerprints.primaryLocationLineHash)).size).toBe(7);
  });

  it('keeps excepted findings as accepted external suppressions', () => {
    const legacy = run.results.find((r) => r.locations[0]!.logicalLocations[0]!.name.endsWith('legacy-etl'))!;
    expect(legacy.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification:
          'Legacy ETL retired in Q1; key rotation would break the nightly job; approved by cto@lumenledger.example on 2026-07-01; expires 2026-12-31',
      },
    ]);
    expect(run.results.filter((r) => r.suppressions).length).toBe(1);
  });

  it('reports checks that errored or were skipped as tool notifications', () => {
    const notes = run.invocations[0]!.toolExecutionNotifications;
    expect(notes.map((n) => n.level)).toEqual(['error', 'note', 'error', 'warning']);
    expect(notes[0]!.message.text).toContain('google.admin-2sv could not be evaluated');
    expect(notes[2]!.message.text).toContain(
      'aws.ebs-encryption could not be evaluated: 1 scope(s) not checked',
    );
    // Incomplete without --baseline: the run says its absent alerts are not fixed.
    expect(notes[3]!.descriptor!.id).toBe('soc2/incomplete-without-baseline');
  });

  it('carries baseline failures it could not re-check forward, so code scanning keeps their alerts open', () => {
    const before = buildScanResult({
      checks: [
        fixtureCheck('aws.ebs-encryption', 'medium', [
          { resource: 'vol-us', status: 'fail', message: 'vol-us is not encrypted' },
          { resource: 'vol-eu', status: 'fail', message: 'vol-eu is not encrypted' },
          { resource: 'vol-ap', status: 'fail', message: 'vol-ap is not encrypted' },
        ]),
      ],
      controls: [
        fixtureControl('DP-1', 'controls/confidentiality.yaml', 3, ['C1.1'], ['aws.ebs-encryption']),
      ],
    });
    const cause = { kind: 'unavailable' as const, status: 503, code: 'ServiceUnavailable', message: 'down' };
    const now = buildScanResult({
      checks: [
        fixtureCheck('aws.ebs-encryption', 'medium', [
          { resource: 'vol-us', status: 'fail', message: 'vol-us is not encrypted' },
          { resource: 'vol-ap', status: 'pass', message: 'vol-ap is encrypted' },
          { resource: 'aws-account/1/eu-west-1', status: 'error', message: 'not checked', cause },
        ]),
      ],
      controls: [
        fixtureControl('DP-1', 'controls/confidentiality.yaml', 3, ['C1.1'], ['aws.ebs-encryption']),
      ],
    });
    const compared = applyBaseline(now, before, 'old/report.json');
    expect(compared.baseline!.fixed.map((f) => f.resource)).toEqual(['vol-ap']);
    expect(compared.baseline!.notRechecked.map((f) => f.resource)).toEqual(['vol-eu']);
    const carried = JSON.parse(renderSarif(compared)) as Sarif;
    const results = carried.runs[0]!.results;
    expect(results.map((r) => [r.properties.resource, r.baselineState, r.properties.notRechecked])).toEqual([
      ['vol-eu', 'unchanged', true],
      ['vol-us', 'unchanged', undefined],
    ]);
    expect(results[0]!.message.text).toContain('not re-checked in this scan');
    // The same alert identity as when it was found failing.
    const original = (JSON.parse(renderSarif(before)) as Sarif).runs[0]!.results.find(
      (r) => r.properties.resource === 'vol-eu',
    )!;
    expect(results[0]!.partialFingerprints).toEqual(original.partialFingerprints);
    expect(sarifValidator()(carried)).toBe(true);
  });

  it('truncates deterministically to the most severe results and says so', () => {
    const many = buildScanResult({
      checks: [
        fixtureCheck(
          'github.low-thing',
          'low',
          Array.from({ length: 30 }, (_, i) => ({
            resource: `repo-${i}`,
            status: 'fail' as const,
            message: 'x',
          })),
        ),
        fixtureCheck(
          'aws.high-thing',
          'high',
          Array.from({ length: 20 }, (_, i) => ({
            resource: `user-${i}`,
            status: 'fail' as const,
            message: 'y',
          })),
        ),
      ],
      controls: [
        fixtureControl('X-1', 'controls/x.yaml', 1, ['CC6.1'], ['github.low-thing', 'aws.high-thing']),
      ],
    });
    const out = JSON.parse(renderSarif(many, { maxResults: 25 })) as Sarif;
    const r = out.runs[0]!;
    expect(r.results.length).toBe(25);
    expect(r.results.slice(0, 20).every((x) => x.ruleId === 'aws.high-thing')).toBe(true);
    expect(r.results.slice(20).map((x) => x.locations[0]!.logicalLocations[0]!.name)).toEqual([
      'repo-0',
      'repo-1',
      'repo-10',
      'repo-11',
      'repo-12',
    ]);
    expect(r.properties).toMatchObject({ truncated: true, failingFindings: 50, reportedResults: 25 });
    expect(r.invocations[0]!.toolExecutionNotifications.at(-1)!.message.text).toContain(
      'only the 25 most severe',
    );
    expect(sarifValidator()(out)).toBe(true);
    expect(renderSarif(many, { maxResults: 25 })).toBe(renderSarif(many, { maxResults: 25 }));
  });

  it('keeps at most the 5,000 results GitHub keeps, the most severe first, and says so in the run', () => {
    const failing = (id: string, severity: 'critical' | 'low', n: number) =>
      fixtureCheck(
        id,
        severity,
        Array.from({ length: n }, (_, i) => ({
          resource: `${id}-${i}`,
          status: 'fail' as const,
          message: 'x',
        })),
      );
    // A check lists at most FINDINGS_KEPT findings; its counts are over all of them.
    const lows = Array.from({ length: 11 }, (_, i) => failing(`github.low-thing-${i}`, 'low', FINDINGS_KEPT));
    const big = buildScanResult({
      checks: [...lows, failing('aws.critical-thing', 'critical', 40), failing('github.huge', 'low', 1_500)],
      controls: [
        fixtureControl(
          'X-1',
          'controls/x.yaml',
          1,
          ['CC6.1'],
          [...lows.map((c) => c.id), 'aws.critical-thing', 'github.huge'],
        ),
      ],
    });
    const r = (JSON.parse(renderSarif(big)) as Sarif).runs[0]!;
    expect(r.results.length).toBe(5_000);
    expect(r.results.slice(0, 40).every((x) => x.ruleId === 'aws.critical-thing')).toBe(true);
    expect(r.properties).toMatchObject({
      truncated: true,
      failingFindings: 11 * FINDINGS_KEPT + 40 + 1_500,
      reportedResults: 5_000,
      maxResults: 5_000,
    });
    expect(String(r.properties.truncation)).toContain('GitHub code scanning keeps at most 5000');
  });

  it('writes the configured code-scanning category as automationDetails.id, or none so upload-sarif decides', () => {
    type Run = { automationDetails?: { id: string } };
    const run = (options: Parameters<typeof renderSarif>[1], shard?: { index: number; count: number }) => {
      const r = sampleResult();
      const input = shard ? { ...r, scan: { ...r.scan, shard } } : r;
      const out = JSON.parse(renderSarif(input, options)) as { runs: Run[] };
      expect(sarifValidator()(out)).toBe(true);
      return out.runs[0]!.automationDetails;
    };
    expect(run({})).toEqual({ id: 'soc2/' });
    expect(run({ category: 'soc2-prod' })).toEqual({ id: 'soc2-prod/' });
    expect(run({ category: 'soc2-prod' }, { index: 2, count: 4 })).toEqual({ id: 'soc2-prod/shard-2/' });
    expect(run({ category: '' })).toBeUndefined();
    const viaReporters = scanReporters(['sarif'], '--format', { sarifCategory: 'staging' }).find(
      (x) => x.format === 'sarif',
    )!;
    expect(
      (JSON.parse(textOf(viaReporters.render(sampleResult()))) as { runs: Run[] }).runs[0]!.automationDetails,
    ).toEqual({ id: 'staging/' });
  });

  it('gives GitHub at most 10 tags per rule, security first; counts excepted results apart', () => {
    const many = buildScanResult({
      checks: [
        fixtureCheck('aws.x', 'high', [
          { resource: 'a', status: 'fail', message: 'm' },
          { resource: 'legacy-1', status: 'fail', message: 'm' },
        ]),
      ],
      controls: Array.from({ length: 8 }, (_, i) =>
        fixtureControl(`C-${i}`, 'controls/x.yaml', i + 1, ['CC6.1', 'CC6.2', 'CC7.1'], ['aws.x']),
      ),
      exceptions: [
        {
          check: 'aws.x',
          resource: 'legacy-*',
          reason: 'retiring',
          approved_by: 'cto',
          approved_at: '2026-10-01',
          expires: '2026-12-31',
        },
      ],
    });
    const r = (JSON.parse(renderSarif(many)) as Sarif).runs[0]!;
    const tags = r.tool.driver.rules[0]!.properties.tags as string[];
    expect(tags.length).toBe(10);
    expect(tags[0]).toBe('security');
    expect(r.properties).toMatchObject({ failingFindings: 1, exceptedFindings: 1, reportedResults: 2 });
  });

  it('writes lone surrogates as U+FFFD, so jq and other strict JSON parsers accept the file', () => {
    const r = buildScanResult({
      checks: [
        fixtureCheck('github.x', 'low', [{ resource: 'a\ud800b', status: 'fail', message: 'm\udc00' }]),
      ],
      controls: [fixtureControl('X-1', 'controls/x.yaml', 1, ['CC6.1'], ['github.x'])],
    });
    const text = renderSarif(r);
    expect(text).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
    expect(text).toContain('a\ufffdb');
  });

  it('carries forward the failures of a check that errored as a whole, so GitHub does not close them', () => {
    const check = (evaluation: Parameters<typeof fixtureCheck>[2]) =>
      buildScanResult({
        checks: [fixtureCheck('aws.iam-console-mfa', 'high', evaluation)],
        controls: [fixtureControl('AC-1', 'controls/access.yaml', 3, ['CC6.1'], ['aws.iam-console-mfa'])],
      });
    const before = check([{ resource: 'alice', status: 'fail', message: 'no MFA' }]);
    const now = check({ status: 'error', reason: 'iam: 429 Throttling', findings: [] });
    const results = (JSON.parse(renderSarif(applyBaseline(now, before, 'old/report.json'))) as Sarif).runs[0]!
      .results;
    expect(results.map((x) => [x.properties.resource, x.baselineState])).toEqual([['alice', 'unchanged']]);
  });

  it('locates built-in catalog files relative to the package, others as file URIs', () => {
    expect(catalogArtifact(join(builtInCatalogDir, 'access.yaml'))).toEqual({
      uri: 'controls/access.yaml',
      uriBaseId: 'SOC2ROOT',
    });
    expect(catalogArtifact('/home/me/repo/my-controls/extra.yaml')).toEqual({
      uri: 'file:///home/me/repo/my-controls/extra.yaml',
    });
  });
});

function sampleSpecAt(evaluatedAt: string) {
  return { ...sampleSpecFresh(), evaluatedAt };
}
import { sampleSpec as sampleSpecFresh } from '../fixtures/scan-result.js';

describe('junit', () => {
  const xml = textOf(renderJunit(sampleResult()));
  it("is valid against the Jenkins xUnit plugin's junit-10.xsd", async () => {
    expect(await xsdProblems(xml, 'junit/junit-10.xsd')).toEqual([]);
  });
  it('the XSD validator rejects what the xUnit plugin would skip', async () => {
    const broken = xml.replace('<testsuites ', '<testsuites timestamp="2026-11-02T09:00:00Z" ');
    expect((await xsdProblems(broken, 'junit/junit-10.xsd')).join('\n')).toContain("attribute 'timestamp'");
  });
  it('is well-formed XML with one test case per check', () => {
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml.match(/<testcase /g)!.length).toBe(8);
    expect(xml).toContain(
      'NOT CHECKED aws-account/222222222222/eu-west-1: unavailable (503 ServiceUnavailable: Service Unavailable)',
    );
    expect(xml).toContain(
      '<testsuites name="SOC 2 readiness: Lumen Ledger, Inc." tests="8" failures="4" errors="2" time="0">',
    );
  });
  it('lists failing resources, escapes markup, marks skipped and error', () => {
    expect(xml).toContain(
      'lumen-ledger/api: Default branch &quot;main&quot; allows force pushes &amp; has &lt;no&gt; required reviews',
    );
    expect(xml).toMatch(/<error message="google.users: 403 Not Authorized[^"]*" type="error"\/>/);
    expect(xml).toContain('<skipped message="hr is not configured (no providers.hr.roster)"/>');
    expect(xml).toContain('EXCEPTED arn:aws:iam::111111111111:user/legacy-etl');
  });
  it('keeps the XML valid when messages carry control characters', () => {
    const result = buildScanResult({
      checks: [
        fixtureCheck('github.x', 'low', [
          { resource: 'a\u0001b', status: 'fail', message: 'bell\u0007 & <tag>' },
        ]),
      ],
      controls: [fixtureControl('X-1', 'controls/x.yaml', 1, ['CC6.1'], ['github.x'])],
    });
    expect(xmlProblems(textOf(renderJunit(result)))).toEqual([]);
  });
});

describe('oscal', () => {
  const doc = JSON.parse(renderOscal(sampleResult())) as {
    'assessment-results': {
      uuid: string;
      results: {
        observations: { uuid: string; title: string }[];
        findings: { target: { type: string; 'target-id': string; status: { state: string } } }[];
        'reviewed-controls': { 'control-selections': { 'include-controls': { 'control-id': string }[] }[] };
      }[];
    };
  };
  it('is valid against the OSCAL 1.0.6 assessment-results schema', () => {
    const validate = oscalValidator();
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
  });
  it('the schema validator rejects a non-v4/v5 uuid', () => {
    const broken = structuredClone(doc);
    broken['assessment-results'].uuid = 'not-a-uuid';
    expect(oscalValidator()(broken)).toBe(false);
  });
  it('has an observation per check, one finding per decided criterion with its rolled-up status', () => {
    const r = doc['assessment-results'].results[0]!;
    expect(r.observations.length).toBe(8);
    expect(JSON.stringify(r.observations)).toContain('1 scope(s) not checked');
    expect(
      r['reviewed-controls']['control-selections'][0]!['include-controls'].map((c) => c['control-id']),
    ).toEqual(['AC-1', 'AC-2', 'DP-1', 'CM-1', 'GOV-1']);
    const result = sampleResult();
    const decided = result.criteria.filter((c) => c.status !== 'not_evaluated');
    expect(r.findings.map((f) => f.target['target-id'])).toEqual(decided.map((c) => c.id));
    for (const [i, f] of r.findings.entries())
      expect(f.target.status.state).toBe(decided[i]!.status === 'pass' ? 'satisfied' : 'not-satisfied');
    expect(r.findings.every((f) => f.target.type === 'objective-id')).toBe(true);
  });
  it('rolls a partial criterion up as not satisfied, never as its passing controls', () => {
    const partial = buildScanResult({
      checks: [
        fixtureCheck('github.x', 'low', [{ resource: 'r', status: 'pass', message: 'ok' }]),
        fixtureCheck('aws.y', 'high', [{ resource: 'u', status: 'fail', message: 'bad' }]),
      ],
      controls: [
        fixtureControl('IR-01', 'controls/x.yaml', 1, ['CC7.4'], ['github.x']),
        fixtureControl('IR-02', 'controls/x.yaml', 9, ['CC7.4'], ['aws.y']),
      ],
    });
    const criterion = partial.criteria.find((c) => c.id === 'CC7.4')!;
    expect(criterion.status).not.toBe('pass');
    const out = JSON.parse(renderOscal(partial)) as typeof doc;
    const findings = out['assessment-results'].results[0]!.findings.filter(
      (f) => f.target['target-id'] === 'CC7.4',
    );
    expect(findings.map((f) => f.target.status.state)).toEqual(['not-satisfied']);
  });
  it('every reference resolves inside the document: subjects, import-ap, related observations', () => {
    const ar = (doc as unknown as { 'assessment-results': Record<string, any> })['assessment-results']; // eslint-disable-line @typescript-eslint/no-explicit-any
    const backMatter = new Set<string>(ar['back-matter'].resources.map((x: { uuid: string }) => x.uuid));
    expect(ar['import-ap'].href).toMatch(/^#/);
    expect(backMatter.has(ar['import-ap'].href.slice(1))).toBe(true);
    const r = ar.results[0];
    const subjects = r.observations.flatMap(
      (o: { subjects?: { 'subject-uuid': string }[] }) => o.subjects ?? [],
    );
    expect(subjects.length).toBe(7);
    for (const s of subjects) expect(backMatter.has(s['subject-uuid'])).toBe(true);
    const observationIds = new Set(r.observations.map((o: { uuid: string }) => o.uuid));
    for (const f of r.findings)
      for (const o of f['related-observations'] ?? [])
        expect(observationIds.has(o['observation-uuid'])).toBe(true);
    const all = JSON.stringify(doc).match(/"uuid": ?"[^"]+"/g)!;
    expect(new Set(all).size).toBe(all.length);
  });
  it('uses name-based v5 UUIDs', () => {
    expect(uuidV5('hello')).toBe(uuidV5('hello'));
    expect(uuidV5('hello')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Cross-checked with Python: uuid.uuid5(uuid.NAMESPACE_URL, ...) and uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
    expect(uuidV5('https://www.python.org/')).toBe('5406f80d-92e9-51cd-a176-77445955e733');
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });
});

describe('ocsf', () => {
  const lines = textOf(renderOcsf(sampleResult())).trimEnd().split('\n');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form OCSF events
  const events = lines.map((l) => JSON.parse(l) as Record<string, any>);
  it('every line is a valid Compliance Finding of the OCSF version it declares (vendored ocsf-schema)', () => {
    const versions = new Set(events.map((e) => String(e.metadata.version)));
    expect([...versions]).toEqual(['1.3.0']);
    const validate = compile(ocsfClassSchema([...versions][0]!, 'compliance_finding'));
    for (const e of events) expect(validate(e), JSON.stringify(validate.errors)).toBe(true);
  });
  it('the compiled schema rejects what ocsf-server rejects', () => {
    const validate = compile(ocsfClassSchema('1.3.0', 'compliance_finding'));
    const root = structuredClone(events.find((e) => e.compliance.status_id === 3)!);
    expect(validate(root)).toBe(true);
    expect(validate({ ...root, status: 'Resolved' })).toBe(false); // caption differs from status_id 1
    expect(validate({ ...root, resource_type: 'x' })).toBe(false); // not an attribute of the class
    expect(validate({ ...root, compliance: { ...root.compliance, status_id: 7 } })).toBe(false);
    const { finding_info: _, ...noFindingInfo } = root;
    expect(validate(noFindingInfo)).toBe(false);
    expect(validate({ ...root, resources: [{ uid: 'a', type: 3 }] })).toBe(false);
  });
  it('passing findings are Resolved and Informational, so no alert rule fires on them', () => {
    const passing = events.filter((e) => e.compliance.status_id === 1);
    expect(passing.length).toBeGreaterThan(0);
    for (const e of passing) expect([e.status_id, e.severity_id]).toEqual([4, 1]);
    const rootPass = events.find(
      (e) => e.compliance.status_id === 1 && e.unmapped.check_severity === 'critical',
    );
    expect(rootPass ?? events.find((e) => e.compliance.status_id === 1)).toMatchObject({
      status: 'Resolved',
    });
  });
  it('one event per finding, plus one per check not evaluated', () => {
    expect(events.length).toBe(2 + 3 + 3 + 1 + 1 + 1 + 3 + 1);
    const notChecked = events.find((e) => e.resources?.[0]?.uid === 'aws-account/222222222222/eu-west-1')!;
    expect(notChecked.compliance).toMatchObject({
      status_id: 2,
      status: 'Warning',
      status_code: 'NOT_CHECKED',
    });
    expect(notChecked.unmapped.cause).toMatchObject({ kind: 'unavailable', status: 503 });
    const root = events.find((e) => e.resources?.[0]?.uid === 'arn:aws:iam::111111111111:root')!;
    expect(root).toMatchObject({
      class_uid: 2003,
      category_uid: 2,
      type_uid: 200301,
      severity_id: 5,
      status_id: 1,
      time: Date.parse('2026-11-02T09:00:00.000Z'),
      compliance: {
        standards: ['SOC 2'],
        requirements: ['CC6.1', 'CC6.2'],
        control: 'AC-1',
        status: 'Fail',
        status_id: 3,
      },
      metadata: { version: '1.3.0', product: { name: 'soc2', version: '0.1.0' } },
    });
    const legacy = events.find((e) => String(e.resources?.[0]?.uid).endsWith('legacy-etl'))!;
    expect(legacy).toMatchObject({ status_id: 3, status: 'Suppressed' });
    const skipped = events.find((e) => e.unmapped.check_id === 'hr.offboarding')!;
    expect(skipped.compliance).toMatchObject({
      status_id: 2,
      status: 'Warning',
      status_code: 'NOT_EVALUATED',
    });
  });
  it('finding uids are stable across scans (same check and resource)', () => {
    const later = textOf(renderOcsf(buildScanResult(sampleSpecAt('2026-12-01T00:00:00.000Z'))))
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { finding_info: { uid: string } }).finding_info.uid);
    expect(later).toEqual(events.map((e) => e.finding_info.uid));
  });
});

describe('csv', () => {
  const rows = parseCsv(textOf(renderCsv(sampleResult()))).records.map((r) => r.fields);
  it('has a header and one row per finding (and per check not evaluated)', () => {
    expect(rows[0]).toEqual([
      'check_id',
      'check_title',
      'provider',
      'severity',
      'controls',
      'criteria',
      'resource',
      'status',
      'message',
      'excepted',
      'exception_reason',
      'exception_approved_by',
      'exception_expires',
      'baseline',
      'cause',
      'exception_approved_at',
      'check_status',
    ]);
    expect(rows.length).toBe(1 + 15);
    expect(rows.every((r) => r.length === 17)).toBe(true);
    const notChecked = rows.find((r) => r[6] === 'aws-account/222222222222/eu-west-1')!;
    expect([notChecked[7], notChecked[14]]).toEqual([
      'error',
      'unavailable (503 ServiceUnavailable: Service Unavailable)',
    ]);
  });
  it('quotes per RFC 4180 and guards formula injection', () => {
    const api = rows.find((r) => r[6] === 'lumen-ledger/api')!;
    expect(api[8]).toBe('Default branch "main" allows force pushes & has <no> required reviews');
    const evil = rows.find((r) => r[6]?.includes('cmd'))!;
    expect(evil[8]).toBe(`'=HYPERLINK("http://evil.example") branch unprotected, ok?`);
    const legacy = rows.find((r) => r[6]!.endsWith('legacy-etl'))!;
    expect([...legacy.slice(9, 13), ...legacy.slice(15)]).toEqual([
      'true',
      'Legacy ETL retired in Q1; key rotation would break the nightly job',
      'cto@lumenledger.example',
      '2026-12-31',
      '2026-07-01',
      'fail', // its check has another, unexcepted failure
    ]);
    for (const prefix of ['=', '+', '-', '@']) {
      const r = buildScanResult({
        checks: [
          fixtureCheck('github.x', 'low', [{ resource: `${prefix}1+1`, status: 'fail', message: 'm' }]),
        ],
        controls: [fixtureControl('X-1', 'controls/x.yaml', 1, ['CC6.1'], ['github.x'])],
      });
      expect(parseCsv(textOf(renderCsv(r))).records[1]!.fields[6]).toBe(`'${prefix}1+1`);
    }
  });
  it('uses CRLF record separators', () => {
    expect(textOf(renderCsv(sampleResult())).split('\r\n').length).toBe(17);
  });
});

function markupFields(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(markupFields);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    ['title', 'description', 'remarks'].includes(k) && typeof v === 'string' ? [v] : markupFields(v),
  );
}

describe('Markdown outputs escape scanned strings (report.md, bundle control READMEs, OSCAL markup)', () => {
  const login = '<img src=x onerror=alert(document.domain)>';
  const hostile = buildScanResult({
    organization: 'Evil <b>Org</b>',
    checks: [
      fixtureCheck('github.x', 'high', [
        { resource: login, status: 'fail', message: `${login} is unknown \u0001\u001b[31m\r\nnew line` },
        { resource: 'jules`tick`|pipe*bold*[x](http://evil.example)', status: 'fail', message: 'm' },
        { resource: 'ok-user', status: 'pass', message: `${login} passes` },
      ]),
    ],
    controls: [fixtureControl('ACC-02', 'controls/access.yaml', 1, ['CC6.1'], ['github.x'])],
  });
  const layoutEntry = {
    control: hostile.controls[0]!,
    folder: 'controls/ACC-02',
    automated: [],
    manual: [],
    registers: [],
  };
  const outputs = {
    'report.md': textOf(renderMarkdown(hostile)),
    'controls/ACC-02/README.md': controlReadme(layoutEntry, hostile),
    // OSCAL's markup-line and markup-multiline fields; plain strings (prop values, party names) stay raw.
    'oscal-assessment-results.json': JSON.stringify(markupFields(JSON.parse(renderOscal(hostile)))),
  };
  for (const [file, text] of Object.entries(outputs)) {
    it(`${file}: no raw HTML, control character or line break from a scanned string`, () => {
      expect(text).not.toContain('<img');
      expect(text).not.toContain('<b>');
      expect(text).toContain('&lt;img src=x onerror=alert(document.domain)&gt;');
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\u0001\u001b]/);
      expect(text).not.toMatch(/\\u0001|\\u001b/);
      const name = 'jules\\`tick\\`\\|pipe\\*bold\\*\\[x\\](http://evil.example)';
      expect(text).toContain(file.endsWith('.json') ? JSON.stringify(name).slice(1, -1) : name);
    });
  }
  it('report.md keeps each finding on its own list item', () => {
    const item = outputs['report.md'].split('\n').find((l) => l.startsWith('- &lt;img'))!;
    expect(item).toContain('new line');
  });
});
