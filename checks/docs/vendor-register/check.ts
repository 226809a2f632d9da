import type { Vendor } from '../../../src/collectors/docs/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { daysSince } from '../../../src/engine/days.js';

const RANK = { low: 1, medium: 2, high: 3, critical: 4 } as const;

export default defineCheck({
  id: 'docs.vendor-register',
  title: 'Critical vendors have a current SOC 2 report or security review',
  provider: 'docs',
  severity: 'medium',
  description:
    'The vendor register (vendors.yaml) exists and was reviewed within maxAgeDays, and every vendor at or above minCriticality has a SOC 2 report whose period ended within maxReportAgeDays, or a security review within maxAgeDays (CC9.2).',
  risk: 'Critical vendors run part of the service and hold customer data; without current assurance the company does not know whether their controls still work.',
  remediation:
    "Request the vendor's latest SOC 2 type 2 report (and a bridge letter), review it including the complementary user entity controls, and record soc2_report.period_end; where no report exists, perform and date a security review (last_reviewed_at).",
  requires: ['docs.vendors'],
  options: {
    schema: {
      maxAgeDays: {
        type: 'integer',
        minimum: 1,
        description: 'Register and vendor reviews must be this recent.',
      },
      maxReportAgeDays: {
        type: 'integer',
        minimum: 1,
        description: 'A SOC 2 report whose period ended longer ago is expired.',
      },
      minCriticality: {
        enum: ['critical', 'high', 'medium', 'low'],
        description: 'Lowest criticality that needs assurance.',
      },
    },
    defaults: { maxAgeDays: 365, maxReportAgeDays: 365, minCriticality: 'critical' as Vendor['criticality'] },
  },
  evaluate(data, options, { now }) {
    const register = data['docs.vendors'];
    if (!register.exists) {
      return [
        {
          resource: 'vendors:register',
          status: 'fail',
          message: `vendor register not found at ${register.file}`,
        },
      ];
    }
    const findings: Finding[] = [];
    const age = register.reviewedAt ? daysSince(register.reviewedAt, now) : undefined;
    findings.push(
      age !== undefined && age <= options.maxAgeDays
        ? {
            resource: 'vendors:register',
            status: 'pass',
            message: `${register.vendors.length} vendors, reviewed on ${register.reviewedAt}`,
          }
        : {
            resource: 'vendors:register',
            status: 'fail',
            message: register.reviewedAt
              ? `the vendor register was last reviewed on ${register.reviewedAt}, ${age} days ago (max ${options.maxAgeDays})`
              : 'the vendor register has no reviewed_at date',
          },
    );
    if (register.vendors.length === 0) {
      findings.push({
        resource: 'vendors:register',
        status: 'fail',
        message:
          'the vendor register lists no vendors: every company relies on some (hosting, email, payroll)',
      });
    }
    for (const vendor of register.vendors) {
      if (RANK[vendor.criticality] < RANK[options.minCriticality]) continue;
      const resource = `vendor:${vendor.name}`;
      const reportAge = vendor.soc2?.periodEnd ? daysSince(vendor.soc2.periodEnd, now) : undefined;
      const reviewAge = vendor.lastReviewedAt ? daysSince(vendor.lastReviewedAt, now) : undefined;
      const details = {
        criticality: vendor.criticality,
        soc2PeriodEnd: vendor.soc2?.periodEnd ?? null,
        lastReviewedAt: vendor.lastReviewedAt ?? null,
        line: vendor.line,
      };
      if (reportAge !== undefined && reportAge <= options.maxReportAgeDays) {
        findings.push({
          resource,
          status: 'pass',
          message: `${vendor.name}: SOC 2 ${vendor.soc2?.type === 'type1' ? 'type 1' : 'type 2'} report for the period ending ${vendor.soc2!.periodEnd}`,
          details,
        });
      } else if (reviewAge !== undefined && reviewAge <= options.maxAgeDays) {
        findings.push({
          resource,
          status: 'pass',
          message: `${vendor.name}: security review on ${vendor.lastReviewedAt}`,
          details,
        });
      } else {
        const reasons = [
          reportAge !== undefined
            ? `SOC 2 report period ended ${vendor.soc2!.periodEnd} (${reportAge} days ago)`
            : 'no SOC 2 report',
          reviewAge !== undefined
            ? `last review ${vendor.lastReviewedAt} (${reviewAge} days ago)`
            : 'no security review',
        ];
        findings.push({
          resource,
          status: 'fail',
          message: `${vendor.name} (${vendor.criticality}): ${reasons.join(', ')}`,
          details,
        });
      }
    }
    return findings;
  },
});
