import type { CheckResult, ControlResult, CriterionResult, ScanResult } from '../engine/result.js';
import { checkPassed } from '../engine/types.js';
import { causeText, CONTROL_STATUS_LABEL } from './labels.js';
import { markdownText, wellFormedJson } from './text.js';
import { uuidV5 } from './uuid.js';

export const OSCAL_VERSION = '1.0.6';
const NS = 'https://soc2.dev/ns/oscal';

/** OSCAL strings are non-empty with no leading or trailing whitespace. */
function str(text: string, fallback = '-'): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? fallback : trimmed;
}

/** A markup-line or markup-multiline field (OSCAL's Markdown): scanned text is escaped. */
function markup(text: string): string {
  return str(markdownText(text));
}

function prop(name: string, value: string | number) {
  return { name, ns: NS, value: str(String(value)) };
}

const OBSERVATION_STATE: Record<CheckResult['status'], string> = {
  pass: 'passed',
  pass_with_exceptions: 'passed-with-exceptions',
  fail: 'failed',
  error: 'error',
  skipped: 'skipped',
};

function observation(result: ScanResult, check: CheckResult) {
  const failing = check.findings.filter((f) => f.status === 'fail' && !f.exception);
  const excepted = check.findings.filter((f) => f.exception);
  const notChecked = check.findings.filter((f) => f.status === 'error');
  const lines = [
    ...failing.map((f) => `FAIL ${f.resource}: ${f.message}`),
    ...excepted.map((f) => `EXCEPTED ${f.resource}: ${f.message} (${f.exception!.reason})`),
    ...notChecked.map((f) => `NOT CHECKED ${f.resource}: ${causeText(f)}`),
  ].map(markdownText);
  // Each subject is a back-matter resource of the same uuid (see resourceOf).
  const subjects = [...failing, ...excepted].map((f) => ({
    'subject-uuid': resourceUuid(f.resource),
    type: 'resource',
    title: markup(f.resource),
  }));
  return {
    uuid: uuidV5(`soc2:observation:${result.organization}:${result.scan.evaluatedAt}:${check.id}`),
    title: markup(`${check.id}: ${check.title}`),
    description: str(
      checkPassed(check.status) || check.status === 'fail' || check.findings.length > 0
        ? `${check.description} ${check.counts.pass} passing, ${check.counts.fail} failing, ${check.counts.excepted} excepted resource(s)${check.counts.error > 0 ? `, ${check.counts.error} scope(s) not checked` : ''}.`
        : `${check.description} Not evaluated (${check.status}): ${markdownText(check.reason ?? '')}`,
    ),
    props: [
      prop('check-id', check.id),
      prop('check-status', OBSERVATION_STATE[check.status]),
      prop('severity', check.severity),
      prop('provider', check.provider),
    ],
    methods: ['TEST'],
    types: ['finding'],
    ...(subjects.length > 0 ? { subjects } : {}),
    collected: result.scan.evaluatedAt,
    ...(lines.length > 0 ? { remarks: lines.join('\n\n') } : {}),
  };
}

function controlWhy(result: ScanResult, control: ControlResult): string {
  const failing = result.checks.filter((c) => control.checks.includes(c.id) && c.status === 'fail');
  const outstanding = control.evidence.filter((e) => e.status !== 'satisfied').length;
  const parts = [
    ...(failing.length > 0
      ? [`failing checks ${failing.map((c) => `${c.id} (${c.counts.fail} resource(s))`).join(', ')}`]
      : []),
    ...(outstanding > 0 ? [`${outstanding} manual evidence item(s) outstanding`] : []),
  ];
  return `${control.id} ${control.title}: ${CONTROL_STATUS_LABEL[control.status]}${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`;
}

/**
 * One finding per criterion (objective), carrying the criterion's own rolled-up status: a GRC tool
 * that rolls findings up per objective sees a partial criterion (some controls pass, others fail or
 * wait on manual evidence) as not satisfied. Criteria no check or evidence could decide get none.
 */
function criterionFinding(
  result: ScanResult,
  criterion: CriterionResult,
  controls: Map<string, ControlResult>,
  observationIds: Map<string, string>,
) {
  const supporting = criterion.controls.flatMap((id) => controls.get(id) ?? []);
  const satisfied = criterion.status === 'pass';
  const related = [...new Set(supporting.flatMap((c) => c.checks))]
    .flatMap((id) => observationIds.get(id) ?? [])
    .map((u) => ({ 'observation-uuid': u }));
  return {
    uuid: uuidV5(`soc2:finding:${result.organization}:${result.scan.evaluatedAt}:${criterion.id}`),
    title: markup(`${criterion.id} ${criterion.title}`),
    description: markup(
      `${CONTROL_STATUS_LABEL[criterion.status]}. ${supporting.map((c) => controlWhy(result, c)).join('. ')}.`,
    ),
    props: [prop('criterion-status', criterion.status), ...supporting.map((c) => prop('control-id', c.id))],
    target: {
      type: 'objective-id',
      'target-id': criterion.id,
      title: markup(`Trust Services Criterion ${criterion.id}`),
      status: {
        state: satisfied ? 'satisfied' : 'not-satisfied',
        ...(satisfied ? {} : { reason: criterion.status === 'fail' ? 'fail' : 'other' }),
      },
    },
    ...(related.length > 0 ? { 'related-observations': related } : {}),
  };
}

/** A back-matter resource per assessed cloud or SaaS resource, so each subject-uuid resolves. */
function resourceUuid(resource: string): string {
  return uuidV5(`soc2:resource:${resource}`);
}

function resourceOf(resource: string) {
  return {
    uuid: resourceUuid(resource),
    title: markup(resource),
    props: [prop('resource-id', resource)],
  };
}

/**
 * NIST OSCAL 1.0.6 assessment-results: one result for the scan, an observation per check, and a
 * finding per criterion the scan could decide. Every reference resolves inside the document: subjects
 * and import-ap point at back-matter resources. UUIDs are name-based, so the same scan gives the same
 * document. Markup fields (titles, descriptions, remarks) escape scanned text.
 */
export function renderOscal(result: ScanResult): string {
  const observations = result.checks.map((c) => observation(result, c));
  const observationIds = new Map(result.checks.map((c, i) => [c.id, observations[i]!.uuid]));
  const controls = new Map(result.controls.map((c) => [c.id, c]));
  const findings = result.criteria
    .filter((c) => c.status !== 'not_evaluated')
    .map((c) => criterionFinding(result, c, controls, observationIds));
  const subjectResources = [
    ...new Set(
      result.checks.flatMap((c) =>
        c.findings.filter((f) => f.status === 'fail' || f.exception).map((f) => f.resource),
      ),
    ),
  ].map(resourceOf);
  const planUuid = uuidV5(`soc2:assessment-plan:${result.organization}:${result.scan.evaluatedAt}`);
  const document = {
    'assessment-results': {
      uuid: uuidV5(`soc2:assessment-results:${result.organization}:${result.scan.evaluatedAt}`),
      metadata: {
        title: markup(`SOC 2 readiness assessment results: ${result.organization}`),
        'last-modified': result.scan.finishedAt,
        version: str(`${result.tool.name}-${result.tool.version}-${result.scan.evaluatedAt}`),
        'oscal-version': OSCAL_VERSION,
        props: [
          prop('tool', `${result.tool.name} ${result.tool.version}`),
          prop('scan-mode', result.scan.mode),
        ],
        parties: [
          {
            uuid: uuidV5(`soc2:party:${result.organization}`),
            type: 'organization',
            name: str(result.organization),
          },
        ],
      },
      // A `#uuid` href points at a back-matter resource (OSCAL import-ap); soc2 writes no OSCAL plan,
      // so that resource describes the scan's configuration and links the scan's report.json.
      'import-ap': {
        href: `#${planUuid}`,
        remarks:
          'soc2 does not write an OSCAL assessment plan; the back-matter resource this points at describes what the scan assessed, and reviewed-controls lists the controls and criteria.',
      },
      results: [
        {
          uuid: uuidV5(`soc2:result:${result.organization}:${result.scan.evaluatedAt}`),
          title: markup(`soc2 scan of ${result.organization}`),
          description: str(
            `Automated SOC 2 readiness scan against the AICPA 2017 Trust Services Criteria. Readiness ${result.summary.readiness}% of ${result.summary.controls.total} controls; ${result.summary.checks.fail} of ${result.summary.checks.total} checks failing.${result.scan.complete ? '' : ' Incomplete: some checks could not be evaluated.'}`,
          ),
          start: result.scan.startedAt,
          end: result.scan.finishedAt,
          props: [
            prop('readiness', result.summary.readiness),
            prop('complete', String(result.scan.complete)),
            prop('evaluated-at', result.scan.evaluatedAt),
          ],
          'reviewed-controls': {
            description: 'The soc2 controls in scope of this scan, each mapped to Trust Services Criteria.',
            'control-selections': [
              result.controls.length > 0
                ? { 'include-controls': result.controls.map((c) => ({ 'control-id': c.id })) }
                : { 'include-all': {} },
            ],
            ...(result.criteria.length > 0
              ? {
                  'control-objective-selections': [
                    { 'include-objectives': result.criteria.map((c) => ({ 'objective-id': c.id })) },
                  ],
                }
              : {}),
          },
          ...(observations.length > 0 ? { observations } : {}),
          ...(findings.length > 0 ? { findings } : {}),
        },
      ],
      'back-matter': {
        resources: [
          {
            uuid: planUuid,
            title: markup(`soc2 scan of ${result.organization}: what was assessed`),
            description: markup(
              `A ${result.scan.mode} scan by ${result.tool.name} ${result.tool.version} of ${result.summary.controls.total} controls and ${result.summary.checks.total} automated checks, data as of ${result.scan.evaluatedAt}. report.json beside this file records the selection, every check and every finding.`,
            ),
            rlinks: [{ href: 'report.json', 'media-type': 'application/json' }],
          },
          ...subjectResources,
        ],
      },
    },
  };
  return `${wellFormedJson(document, 2)}\n`;
}
