import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { accountNotChecked, accountResource, config, unrecordedScopes } from '../support.js';

export default defineCheck({
  id: 'aws.cloudtrail-multi-region',
  title: 'A multi-region CloudTrail trail with log file validation',
  provider: 'aws',
  severity: 'high',
  description:
    'Each scanned account is covered by at least one multi-region CloudTrail trail with log file validation enabled: its own, or an organization trail of the scanned organization. An organization trail covers other accounts only in an organization scan (providers.aws.organization), where every scanned account belongs to the organization; with an explicit account list, membership is unknown and each account needs its own trail or the organization trail found in its own items.',
  risk: 'Without an all-region trail, API activity in unused regions (a favorite of attackers) goes unrecorded; without validation, logs can be altered unnoticed.',
  remediation:
    'Create or update a trail: `aws cloudtrail create-trail --name org-trail --s3-bucket-name BUCKET --is-multi-region-trail --enable-log-file-validation [--is-organization-trail]`, then `start-logging`.',
  requires: ['aws.config.resources', 'aws.accounts'],
  evaluate(data) {
    const resources = data['aws.config.resources'];
    const organizationScan = data['aws.accounts'].mode === 'organization';
    const trails = resources.items.filter((i) => i.resourceType === 'AWS::CloudTrail::Trail');
    const good = trails.filter(
      (t) =>
        config<boolean>(t, 'isMultiRegionTrail') === true &&
        config<boolean>(t, 'logFileValidationEnabled') === true,
    );
    const orgTrail = organizationScan
      ? good.find((t) => config<boolean>(t, 'isOrganizationTrail') === true)
      : undefined;
    const accounts = [...new Set(resources.coverage.map((c) => c.accountId))].sort();
    const findings: Finding[] = [];
    for (const accountId of accounts) {
      const own = good.find((t) => t.accountId === accountId);
      const covering = own ?? orgTrail;
      if (covering) {
        findings.push({
          resource: accountResource(accountId),
          status: 'pass',
          message: `${accountId} is covered by multi-region trail ${config<string>(covering, 'name') ?? covering.resourceName} with log file validation${own ? '' : ` (organization trail of ${covering.accountId})`}`,
          details: { accountId, trail: covering.arn ?? covering.resourceId },
        });
        continue;
      }
      const mine = trails.filter((t) => t.accountId === accountId);
      const scopes = resources.coverage.filter((c) => c.accountId === accountId);
      // A trail is recorded in its home region only: with a region unreadable, "none found" proves nothing.
      const unreadable = scopes.find((c) => c.error || c.cause);
      if (unreadable) {
        findings.push(accountNotChecked(accountId, unreadable, 'CloudTrail'));
        continue;
      }
      const blind = unrecordedScopes(
        { ...resources, coverage: resources.coverage.filter((c) => c.accountId === accountId) },
        'AWS::CloudTrail::Trail',
        'CloudTrail trails',
      );
      findings.push({
        resource: accountResource(accountId),
        status: 'fail',
        message: mine.length
          ? `${accountId} has no multi-region trail with log file validation (trails: ${mine.map((t) => `${config<string>(t, 'name') ?? t.resourceId}${config(t, 'isMultiRegionTrail') ? '' : ' single-region'}${config(t, 'logFileValidationEnabled') ? '' : ' no validation'}`).join(', ')})`
          : `${accountId} has no CloudTrail trail recorded by AWS Config${blind.length ? ` (not recorded in ${blind.map((b) => String(b.details?.region)).join(', ')})` : ''}`,
        details: { accountId, trails: mine.map((t) => t.configuration) },
      });
    }
    return findings.length
      ? findings
      : [{ resource: 'aws', status: 'fail', message: 'no AWS account was scanned for CloudTrail' }];
  },
});
