import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

// GitHub REST, get a repository: security_and_analysis.dependabot_security_updates.status is
// "enabled" or "disabled"; the whole object is returned only to admins, owners and security managers.
const repo = (name: string, sa: object | null) => ({
  repo: `acme/${name}`,
  visibility: 'private',
  security_and_analysis: sa,
});

describeCheck(check, [
  {
    name: 'passes when enabled',
    data: {
      'github.securityAnalysis': [repo('api', { dependabot_security_updates: { status: 'enabled' } })],
    },
    status: 'pass',
    passing: ['acme/api'],
  },
  {
    name: 'fails when disabled',
    data: {
      'github.securityAnalysis': [
        repo('api', { dependabot_security_updates: { status: 'enabled' } }),
        repo('web', { dependabot_security_updates: { status: 'disabled' } }),
      ],
    },
    status: 'fail',
    failing: ['acme/web'],
    passing: ['acme/api'],
    message: /disabled/,
  },
  {
    name: 'fails when the setting is absent from the settings GitHub shows',
    data: { 'github.securityAnalysis': [repo('web', { secret_scanning: { status: 'enabled' } })] },
    status: 'fail',
    failing: ['acme/web'],
  },
  {
    name: 'a repository whose settings are hidden from the token is not checked',
    data: { 'github.securityAnalysis': [repo('web', null)] },
    status: 'error',
    notChecked: ['acme/web'],
  },
  { name: 'no repositories passes on scope', data: { 'github.securityAnalysis': [] }, status: 'pass' },
]);
