import type { ProviderRuntime } from '../../engine/collector.js';
import { accountsCollector } from './accounts.js';
import { eventSelectorsCollector } from './cloudtrail.js';
import {
  aggregatorCoverageCollector,
  complianceCollector,
  recordersCollector,
  resourcesCollector,
} from './config.js';
import {
  accountSummaryCollector,
  authorizationDetailsCollector,
  credentialReportCollector,
  passwordPolicyCollector,
  virtualMfaDevicesCollector,
} from './iam.js';
import { AwsSession, resolveSettings } from './session.js';

/** The heavy half of the AWS provider: SDK clients, one collector per data key. */
export const runtime: ProviderRuntime<AwsSession> = {
  async createSession(config, env) {
    return new AwsSession(await resolveSettings(config, env));
  },
  collectors: [
    accountsCollector,
    credentialReportCollector,
    accountSummaryCollector,
    passwordPolicyCollector,
    authorizationDetailsCollector,
    virtualMfaDevicesCollector,
    recordersCollector,
    complianceCollector,
    resourcesCollector,
    aggregatorCoverageCollector,
    eventSelectorsCollector,
  ],
  stats: (session) => session.stats(),
  source: (session) => session.source(),
};
