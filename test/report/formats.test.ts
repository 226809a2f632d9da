import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/csv.js';
import { reporters, textOf } from '../../src/report/index.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderOcsf } from '../../src/report/ocsf.js';
import { renderOscal } from '../../src/report/oscal.js';
import { findingFingerprint, renderSarif, catalogArtifact } from '../../src/report/sarif.js';
import { uuidV5 } from '../../src/report/uuid.js';
import { applyBaseline } from '../../src/core/baseline.js';
import { mergeResults } from '../../src/core/merge.js';
import { builtInCatalogDir, packageRoot } from '../../src/core/paths.js';
import { parseCsv } from '../../src/core/csv.js';
import { expectGolden } from '../fixtures/golden.js';
import { buildScanResult, fixtureCheck, fixtureControl, sampleResult } from '../fixtures/scan-result.js';
import { compile, oscalValidator, sarifValidator } from '../fixtures/schemas.js';
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
  it('is well-formed XML with one test case per check', () => {
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml.match(/<testcase /g)!.length).toBe(8);
    expect(xml).toContain(
      'NOT CHECKED aws-account/222222222222/eu-west-1: unavailable (503 ServiceUnavailable: Service Unavailable)',
    );
    expect(xml).toContain(
      '<testsuites name="SOC 2 readiness: Lumen Ledger, Inc." tests="8" failures="4" errors="2" skipped="1"',
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
  it('has an observation per check, findings per decided control and criterion, reviewed controls', () => {
    const r = doc['assessment-results'].results[0]!;
    expect(r.observations.length).toBe(8);
    expect(JSON.stringify(r.observations)).toContain('1 scope(s) not checked');
    expect(
      r['reviewed-controls']['control-selections'][0]!['include-controls'].map((c) => c['control-id']),
    ).toEqual(['AC-1', 'AC-2', 'DP-1', 'CM-1', 'GOV-1']);
    expect(r.findings.map((f) => [f.target['target-id'], f.target.status.state])).toEqual([
      ['CC6.1', 'not-satisfied'],
      ['CC6.2', 'not-satisfied'],
      ['C1.1', 'not-satisfied'],
      ['CC8.1', 'not-satisfied'],
      ['CC1.1', 'not-satisfied'],
      ['CC5.3', 'not-satisfied'],
    ]);
    expect(r.findings.every((f) => f.target.type === 'objective-id')).toBe(true);
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
  const schema = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ocsf-compliance-finding.schema.json'), 'utf8'),
  ) as object;
  it('every line is a valid Compliance Finding (class 2003)', () => {
    const validate = compile(schema);
    for (const e of events) expect(validate(e), JSON.stringify(validate.errors)).toBe(true);
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
      metadata: { version: '1.1.0', product: { name: 'soc2', version: '0.1.0' } },
    });
    const legacy = events.find((e) => String(e.resources?.[0]?.uid).endsWith('legacy-etl'))!;
    expect(legacy).toMatchObject({ status_id: 3, status: 'Suppressed' });
    const skipped = events.find((e) => e.unmapped.check_id === 'hr.offboarding')!;
    expect(skipped.compliance).toMatchObject({ status_id: 99, status_code: 'NOT_EVALUATED' });
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
