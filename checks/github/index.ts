import type { AnyCheck } from '../../src/engine/check.js';
import actionsToken from './actions-token/check.js';
import basePermission from './base-permission/check.js';
import branchProtection from './branch-protection/check.js';
import codeScanningAlertSla from './code-scanning-alert-sla/check.js';
import codeScanning from './code-scanning/check.js';
import codeowners from './codeowners/check.js';
import dependabotAlertSla from './dependabot-alert-sla/check.js';
import dependabotAlerts from './dependabot-alerts/check.js';
import deployKeys from './deploy-keys/check.js';
import members2fa from './members-2fa/check.js';
import org2faRequired from './org-2fa-required/check.js';
import orgWebhooks from './org-webhooks/check.js';
import outsideCollaborators from './outside-collaborators/check.js';
import ownerCount from './owner-count/check.js';
import publicRepoCreation from './public-repo-creation/check.js';
import publicRepos from './public-repos/check.js';
import secretScanningAlerts from './secret-scanning-alerts/check.js';
import secretScanning from './secret-scanning/check.js';
import webhooks from './webhooks/check.js';

export const githubChecks: AnyCheck[] = [
  org2faRequired,
  members2fa,
  ownerCount,
  basePermission,
  publicRepoCreation,
  branchProtection,
  secretScanning,
  secretScanningAlerts,
  dependabotAlerts,
  dependabotAlertSla,
  codeScanning,
  codeScanningAlertSla,
  outsideCollaborators,
  deployKeys,
  webhooks,
  orgWebhooks,
  codeowners,
  actionsToken,
  publicRepos,
];
