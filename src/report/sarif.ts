import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../core/paths.js';
import type { CheckResult, FindingResult, ScanResult } from '../engine/result.js';
import { severityRank, type Severity } from '../engine/types.js';
import { sha256 } from '../core/sha256.js';
import { wellFormedJson } from './text.js';

/**
 * GitHub code scanning accepts up to 25,000 results per run but includes "only the top 5,000 results
 * ..., prioritized by severity" (docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit).
 * Past 5,000 it would drop results by its own ordering and alerts could flap, so soc2 keeps the 5,000
 * most severe by its own deterministic order.
 */
export const SARIF_MAX_RESULTS = 5_000;

/** Tags per rule: GitHub includes only 10 (20 is the hard limit), same page as above. */
const MAX_TAGS = 10;

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Base id for catalog files shipped with soc2 (controls/*.yaml inside the package). */
export const CATALOG_BASE_ID = 'SOC2ROOT';

type Level = 'error' | 'warning' | 'note';

export const SARIF_LEVEL: Record<Severity, Level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/**
 * GitHub's bands: over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. `info` has no
 * security severity, so GitHub shows it by level (note) only.
 */
export const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  info: undefined,
};

const PROBLEM_SEVERITY: Record<Severity, string> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'recommendation',
  info: 'recommendation',
};

/** The control catalog file a check's results point at: built-in ones relative to the package. */
export function catalogArtifact(file: string): { uri: string; uriBaseId?: string } {
  if (!isAbsolute(file)) return { uri: file.split(sep).join('/'), uriBaseId: CATALOG_BASE_ID };
  const inPackage = relative(packageRoot, file);
  if (!inPackage.startsWith('..') && !isAbsolute(inPackage)) {
    return { uri: inPackage.split(sep).join('/'), uriBaseId: CATALOG_BASE_ID };
  }
  // A user's own catalog: an absolute file URI, which upload-sarif makes relative to the checkout.
  return { uri: pathToFileURL(file).href };
}

/** Stable across runs: the same check failing on the same resource is the same alert. */
export function findingFingerprint(checkId: string, resource: string): string {
  return sha256(`${checkId}\u0000${resource}`);
}

/**
 * GitHub code scanning matches alerts across runs by `primaryLocationLineHash` only (and would compute
 * it from the file's text when absent, which here would merge every resource of a check at one catalog
 * line into one alert); so it carries the check+resource hash, in GitHub's `<hash>:<occurrence>` shape.
 */
function fingerprints(checkId: string, resource: string): Record<string, string> {
  const hash = findingFingerprint(checkId, resource);
  return { primaryLocationLineHash: `${hash.slice(0, 16)}:1`, 'soc2CheckResource/v1': hash };
}

/** The control's first line; GitHub wants start and end line and column. */
function regionAt(line: number) {
  return { startLine: line, startColumn: 1, endLine: line, endColumn: 2 };
}

function ruleName(id: string): string {
  return id
    .split(/[.\-_/]/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function rule(check: CheckResult) {
  const severity = SECURITY_SEVERITY[check.severity];
  // `security` first: GitHub reads security-severity only on rules tagged so. Controls are also in properties.
  const tags = [
    'security',
    'soc2',
    'compliance',
    check.provider,
    ...check.criteria.map((c) => `soc2/${c}`),
    ...check.controls.map((c) => `control/${c}`),
  ].slice(0, MAX_TAGS);
  return {
    id: check.id,
    name: ruleName(check.id),
    shortDescription: { text: check.title },
    fullDescription: { text: check.description || check.title },
    help: {
      text: `${check.remediation}\n\nRisk: ${check.risk}\nControls: ${check.controls.join(', ')}\nCriteria: ${check.criteria.join(', ')}`,
      markdown: `**Remediation:** ${check.remediation}\n\n**Risk:** ${check.risk}\n\nControls: ${check.controls.join(', ')} · Trust Services Criteria: ${check.criteria.join(', ')}`,
    },
    defaultConfiguration: { level: SARIF_LEVEL[check.severity] },
    properties: {
      tags,
      precision: 'very-high',
      'problem.severity': PROBLEM_SEVERITY[check.severity],
      ...(severity ? { 'security-severity': severity } : {}),
      severity: check.severity,
      controls: check.controls,
      criteria: check.criteria,
    },
  };
}

interface Candidate {
  check: CheckResult;
  ruleIndex: number;
  finding: FindingResult;
  /** A baseline failure whose scope could not be read now: carried forward so its alert stays open. */
  carried?: boolean;
}

/** Most severe first, active before excepted, then by check and resource: the same input truncates the same way. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    severityRank(b.check.severity) - severityRank(a.check.severity) ||
    Number(Boolean(a.finding.exception)) - Number(Boolean(b.finding.exception)) ||
    (a.check.id < b.check.id ? -1 : a.check.id > b.check.id ? 1 : 0) ||
    (a.finding.resource < b.finding.resource ? -1 : a.finding.resource > b.finding.resource ? 1 : 0)
  );
}

/**
 * Failures from the --baseline report that this scan could not re-check (their scope could not be
 * read): code scanning closes an alert absent from a run as fixed, so they stay in, marked.
 */
function carriedForward(result: ScanResult): Candidate[] {
  const ruleIndexOf = new Map(result.checks.map((c, i) => [c.id, i]));
  return (result.baseline?.notRechecked ?? []).flatMap((f) => {
    const ruleIndex = ruleIndexOf.get(f.check);
    if (ruleIndex === undefined) return [];
    const finding: FindingResult = {
      resource: f.resource,
      status: 'fail',
      message: f.message,
      baseline: 'unchanged',
    };
    return [{ check: result.checks[ruleIndex]!, ruleIndex, finding, carried: true }];
  });
}

export interface SarifOptions {
  maxResults?: number;
  /**
   * The code-scanning category, written as `runAutomationDetails.id` (`<category>/`, plus `shard-i/`
   * for a shard). Default `soc2`. An empty string writes no id, so the upload action's `category`
   * input decides: upload-sarif uses its input only when the file has no id.
   */
  category?: string;
}

function automationId(result: ScanResult, category: string): string | undefined {
  if (category === '') return undefined;
  return `${category.replace(/\/+$/, '')}/${result.scan.shard ? `shard-${result.scan.shard.index}/` : ''}`;
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per check, one result per failing finding (excepted
 * ones carry an accepted external suppression), each located at the catalog file of the check's first
 * control with the cloud resource as a logical location.
 */
export function renderSarif(result: ScanResult, options: SarifOptions = {}): string {
  const maxResults = options.maxResults ?? SARIF_MAX_RESULTS;
  const automation = automationId(result, options.category ?? result.tool.name);
  const controls = new Map(result.controls.map((c) => [c.id, c]));
  const checks = result.checks;
  const candidates: Candidate[] = [
    ...checks.flatMap((check, ruleIndex) =>
      check.findings.filter((f) => f.status === 'fail').map((finding) => ({ check, ruleIndex, finding })),
    ),
    ...carriedForward(result),
  ];
  candidates.sort(compareCandidates);
  const kept = candidates.slice(0, maxResults);
  // A check lists at most FINDINGS_KEPT findings; its counts are over all of them.
  const carried = candidates.filter((c) => c.carried);
  const failing =
    checks.reduce((n, c) => n + c.counts.fail, 0) + carried.filter((c) => !c.finding.exception).length;
  const total =
    failing +
    checks.reduce((n, c) => n + c.counts.excepted, 0) +
    carried.filter((c) => c.finding.exception).length;
  const truncated = total > kept.length;

  const results = kept.map(({ check, ruleIndex, finding, carried }) => {
    const control = check.controls.map((id) => controls.get(id)).find(Boolean);
    const artifactLocation = control
      ? catalogArtifact(control.source.file)
      : { uri: 'soc2.config.yaml', uriBaseId: '%SRCROOT%' };
    return {
      ruleId: check.id,
      ruleIndex,
      kind: 'fail',
      level: SARIF_LEVEL[check.severity],
      message: {
        text: carried
          ? `${finding.resource}: ${finding.message} (failing at the baseline; not re-checked in this scan: ${check.reason ?? 'could not be read'})`
          : `${finding.resource}: ${finding.message}`,
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation,
            region: regionAt(control?.source.line ?? 1),
          },
          logicalLocations: [
            { name: finding.resource, fullyQualifiedName: finding.resource, kind: 'resource' },
          ],
          ...(control ? { message: { text: `Control ${control.id}: ${control.title}` } } : {}),
        },
      ],
      partialFingerprints: fingerprints(check.id, finding.resource),
      ...(finding.baseline ? { baselineState: finding.baseline } : {}),
      ...(finding.exception
        ? {
            suppressions: [
              {
                kind: 'external',
                status: 'accepted',
                justification: [
                  finding.exception.reason,
                  `approved by ${finding.exception.approved_by} on ${finding.exception.approved_at}`,
                  `expires ${finding.exception.expires}`,
                ]
                  .filter(Boolean)
                  .join('; '),
              },
            ],
          }
        : {}),
      properties: {
        resource: finding.resource,
        severity: check.severity,
        controls: check.controls,
        criteria: check.criteria,
        ...(carried ? { notRechecked: true } : {}),
      },
    };
  });

  const notifications = [
    ...checks
      .filter((c) => c.status === 'error' || c.status === 'skipped')
      .map((c) => ({
        level: c.status === 'error' ? 'error' : 'note',
        message: {
          text: `${c.id} ${c.status === 'error' ? 'could not be evaluated' : 'was skipped'}: ${c.reason ?? ''}`,
        },
        descriptor: { id: c.id },
        associatedRule: { id: c.id, index: checks.indexOf(c) },
      })),
    ...(!result.scan.complete && !result.baseline
      ? [
          {
            level: 'warning',
            message: {
              text: 'The scan is incomplete and has no --baseline: alerts for resources that could not be read are absent from this run, and code scanning would close them as fixed. Scan with --baseline PREVIOUS/report.json to carry them forward.',
            },
            descriptor: { id: 'soc2/incomplete-without-baseline' },
          },
        ]
      : []),
    ...(truncated
      ? [
          {
            level: 'warning',
            message: {
              text: `${total} results (failing and excepted findings); only the ${kept.length} most severe are in this SARIF run (GitHub code scanning keeps at most ${SARIF_MAX_RESULTS} results per run, prioritized by severity). The CSV and OCSF formats list all of them.`,
            },
            descriptor: { id: 'soc2/results-truncated' },
          },
        ]
      : []),
  ];

  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            semanticVersion: result.tool.version,
            rules: checks.map(rule),
          },
        },
        ...(automation ? { automationDetails: { id: automation } } : {}),
        originalUriBaseIds: {
          [CATALOG_BASE_ID]: {
            description: {
              text: 'The soc2 package folder, holding the built-in control catalog (controls/*.yaml).',
            },
          },
          '%SRCROOT%': { description: { text: 'The repository the scan ran from.' } },
        },
        invocations: [
          {
            executionSuccessful: result.scan.complete,
            startTimeUtc: result.scan.startedAt,
            endTimeUtc: result.scan.finishedAt,
            toolExecutionNotifications: notifications,
          },
        ],
        results,
        properties: {
          organization: result.organization,
          evaluatedAt: result.scan.evaluatedAt,
          readiness: result.summary.readiness,
          failingFindings: failing,
          exceptedFindings: total - failing,
          reportedResults: kept.length,
          maxResults,
          truncated,
          ...(truncated
            ? {
                truncation: `kept the ${kept.length} most severe of ${total} results (GitHub code scanning keeps at most ${SARIF_MAX_RESULTS} per run)`,
              }
            : {}),
        },
      },
    ],
  };
  return `${wellFormedJson(sarif, 2)}\n`;
}
