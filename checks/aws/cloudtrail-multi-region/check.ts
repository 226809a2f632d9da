import type { ConfigItem } from '../../../src/collectors/aws/data.js';
import { managementEvents } from '../cloudtrail.js';
import { defineCheck } from '../../../src/engine/check.js';
import { notChecked } from '../../../src/engine/scope.js';
import type { FailureCause, Finding } from '../../../src/engine/types.js';
import { accountNotChecked, accountResource, config, itemResource, unrecordedScopes } from '../support.js';

export default defineCheck({
  id: 'aws.cloudtrail-multi-region',
  title: 'A multi-region CloudTrail trail with log file validation',
  provider: 'aws',
  severity: 'high',
  description:
    'Each scanned account is covered by at least one multi-region CloudTrail trail with log file validation enabled that logs read and write management events (cloudtrail:GetEventSelectors; a trail logging only data events does not count): its own, or an organization trail of the scanned organization. An organization trail covers other accounts only in an organization scan (providers.aws.organization), where every scanned account belongs to the organization; with an explicit account list, membership is unknown and each account needs its own trail or the organization trail found in its own items.',
  risk: 'Without an all-region trail, API activity in unused regions (a favorite of attackers) goes unrecorded; without validation, logs can be altered unnoticed; a trail that logs only data events records no console sign-in, IAM or configuration change at all.',
  remediation:
    'Create or update a trail: `aws cloudtrail create-trail --name org-trail --s3-bucket-name BUCKET --is-multi-region-trail --enable-log-file-validation [--is-organization-trail]`, then `start-logging`; make it log all management events (`aws cloudtrail put-event-selectors --trail-name org-trail --event-selectors \'[{"ReadWriteType":"All","IncludeManagementEvents":true}]\'`).',
  requires: ['aws.config.resources', 'aws.accounts', 'aws.cloudtrail.eventSelectors'],
  crossSegment: true,
  evaluate(data) {
    const resources = data['aws.config.resources'];
    const selectors = data['aws.cloudtrail.eventSelectors'];
    const organizationScan = data['aws.accounts'].mode === 'organization';
    const trails = resources.items.filter((i) => i.resourceType === 'AWS::CloudTrail::Trail');
    const name = (t: ConfigItem) => config<string>(t, 'name') ?? t.resourceName ?? t.resourceId;
    const shaped = (t: ConfigItem) =>
      config<boolean>(t, 'isMultiRegionTrail') === true &&
      config<boolean>(t, 'logFileValidationEnabled') === true;
    /** Whether a trail logs read and write management events, or why that is unknown. */
    const logs = (t: ConfigItem): { ok: boolean; gap?: string; cause?: FailureCause } => {
      const entry = selectors.find((s) => s.accountId === t.accountId && s.resourceId === t.resourceId);
      if (!entry) return { ok: false, cause: { kind: 'other', message: 'event selectors were not read' } };
      if (entry.status === 'error') return { ok: false, cause: entry.cause };
      const { reads, writes } = managementEvents(entry.value);
      if (reads && writes) return { ok: true };
      return {
        ok: false,
        gap: reads
          ? 'read management events only'
          : writes
            ? 'write management events only'
            : 'no management events',
      };
    };
    const good = trails.filter((t) => shaped(t) && logs(t).ok);
    const orgTrail = (list: ConfigItem[]) =>
      organizationScan ? list.find((t) => config<boolean>(t, 'isOrganizationTrail') === true) : undefined;
    const accounts = [...new Set(resources.coverage.map((c) => c.accountId))].sort();
    const findings: Finding[] = [];
    for (const accountId of accounts) {
      const own = good.find((t) => t.accountId === accountId);
      const covering = own ?? orgTrail(good);
      if (covering) {
        findings.push({
          resource: accountResource(accountId),
          status: 'pass',
          message: `${accountId} is covered by multi-region trail ${name(covering)} with log file validation, logging read and write management events${own ? '' : ` (organization trail of ${covering.accountId})`}`,
          details: { accountId, trail: covering.arn ?? covering.resourceId },
        });
        continue;
      }
      const mine = trails.filter((t) => t.accountId === accountId);
      // A trail that would cover the account but whose selectors could not be read: not checked.
      const candidates = [
        ...mine,
        ...(organizationScan ? trails.filter((t) => config<boolean>(t, 'isOrganizationTrail') === true) : []),
      ];
      const unknown = candidates.find((t) => shaped(t) && logs(t).cause);
      if (unknown) {
        findings.push(
          notChecked(
            accountResource(accountId),
            logs(unknown).cause!,
            `CloudTrail event selectors of ${name(unknown)}`,
            {
              accountId,
              trail: itemResource(unknown),
            },
          ),
        );
        continue;
      }
      const scopes = resources.coverage.filter((c) => c.accountId === accountId);
      // A trail is recorded in its home region only: with a region unreadable, "none found" proves nothing.
      const unreadable = scopes.find((c) => c.error || c.cause);
      if (unreadable) {
        findings.push(accountNotChecked(accountId, unreadable, 'CloudTrail'));
        continue;
      }
      const blind = unrecordedScopes(
        { ...resources, coverage: scopes },
        'AWS::CloudTrail::Trail',
        'CloudTrail trails',
      );
      const why = (t: ConfigItem) =>
        [
          config(t, 'isMultiRegionTrail') ? '' : ' single-region',
          config(t, 'logFileValidationEnabled') ? '' : ' no validation',
          logs(t).gap ? ` ${logs(t).gap}` : '',
        ].join('');
      findings.push({
        resource: accountResource(accountId),
        status: 'fail',
        message: mine.length
          ? `${accountId} has no multi-region trail with log file validation logging read and write management events (trails: ${mine.map((t) => `${name(t)}${why(t)}`).join(', ')})`
          : `${accountId} has no CloudTrail trail recorded by AWS Config${blind.length ? ` (not recorded in ${blind.map((b) => String(b.details?.region)).join(', ')})` : ''}`,
        details: { accountId, trails: mine.map((t) => t.configuration) },
      });
    }
    return findings.length
      ? findings
      : [{ resource: 'aws', status: 'fail', message: 'no AWS account was scanned for CloudTrail' }];
  },
});
