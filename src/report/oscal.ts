import type { CheckResult, ControlResult, ScanResult } from '../engine/result.js';
import { checkPassed } from '../engine/types.js';
import { causeText } from './labels.js';
import { uuidV5 } from './uuid.js';

export const OSCAL_VERSION = '1.0.6';
const NS = 'https://soc2.dev/ns/oscal';

/** OSCAL strings are non-empty with no leading or trailing whitespace. */
function str(text: string, fallback = '-'): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? fallback : trimmed;
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
  ];
  const subjects = [...failing, ...excepted].map((f) => ({
    'subject-uuid': uuidV5(`soc2:resource:${f.resource}`),
    type: 'resource',
    title: str(f.resource),
  }));
  return {
    uuid: uuidV5(`soc2:observation:${result.organization}:${result.scan.evaluatedAt}:${check.id}`),
    title: str(`${check.id}: ${check.title}`),
    description: str(
      checkPassed(check.status) || check.status === 'fail' || check.findings.length > 0
        ? `${check.description} ${check.counts.pass} passing, ${check.counts.fail} failing, ${check.counts.excepted} excepted resource(s)${check.counts.error > 0 ? `, ${check.counts.error} scope(s) not checked` : ''}.`
        : `${check.description} Not evaluated (${check.status}): ${check.reason ?? ''}`,
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
    ...(lines.length > 0 ? { remarks: lines.join('\n') } : {}),
  };
}

function findingsFor(result: ScanResult, control: ControlResult, observationIds: Map<string, string>) {
  if (control.status !== 'pass' && control.status !== 'fail' && control.status !== 'partial') return [];
  const satisfied = control.status === 'pass';
  const related = control.checks
    .map((id) => observationIds.get(id))
    .filter((u): u is string => Boolean(u))
    .map((u) => ({ 'observation-uuid': u }));
  const failingChecks = result.checks.filter((c) => control.checks.includes(c.id) && c.status === 'fail');
  const why = satisfied
    ? 'Every automated check passes and all requested evidence is current.'
    : failingChecks.length > 0
      ? `Failing checks: ${failingChecks.map((c) => `${c.id} (${c.counts.fail} resource(s))`).join(', ')}.`
      : 'Some checks pass, but other checks or manual evidence are outstanding.';
  return control.criteria.map((criterion) => ({
    uuid: uuidV5(`soc2:finding:${result.organization}:${result.scan.evaluatedAt}:${control.id}:${criterion}`),
    title: str(`${control.id} ${control.title} - ${criterion}`),
    description: str(`${control.description} ${why}`),
    props: [prop('control-id', control.id), prop('control-status', control.status)],
    target: {
      type: 'objective-id',
      'target-id': criterion,
      title: str(`Trust Services Criterion ${criterion}`),
      description: str(control.rationale[criterion] ?? `${control.id} supports ${criterion}`),
      status: {
        state: satisfied ? 'satisfied' : 'not-satisfied',
        ...(satisfied ? {} : { reason: control.status === 'fail' ? 'fail' : 'other' }),
      },
    },
    ...(related.length > 0 ? { 'related-observations': related } : {}),
  }));
}

/**
 * NIST OSCAL 1.0.6 assessment-results: one result for the scan, an observation per check, and a
 * finding per (control, criterion) the scan could decide. UUIDs are name-based, so the same scan gives
 * the same document. soc2 has no assessment plan, so import-ap points at a placeholder.
 */
export function renderOscal(result: ScanResult): string {
  const observations = result.checks.map((c) => observation(result, c));
  const observationIds = new Map(result.checks.map((c, i) => [c.id, observations[i]!.uuid]));
  const findings = result.controls.flatMap((c) => findingsFor(result, c, observationIds));
  const document = {
    'assessment-results': {
      uuid: uuidV5(`soc2:assessment-results:${result.organization}:${result.scan.evaluatedAt}`),
      metadata: {
        title: str(`SOC 2 readiness assessment results: ${result.organization}`),
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
      'import-ap': {
        href: '#soc2-assessment-plan',
        remarks:
          'soc2 does not write an OSCAL assessment plan; the assessed controls and criteria are listed in reviewed-controls.',
      },
      results: [
        {
          uuid: uuidV5(`soc2:result:${result.organization}:${result.scan.evaluatedAt}`),
          title: str(`soc2 scan of ${result.organization}`),
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
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
