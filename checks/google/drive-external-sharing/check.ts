import { defineCheck } from '../../../src/engine/check.js';
import { judgePolicies } from '../helpers.js';

interface Options {
  allowedModes: string[];
}

export default defineCheck<'google.policies', Options>({
  id: 'google.drive-external-sharing',
  title: 'Google Drive sharing outside the organization is restricted',
  provider: 'google',
  severity: 'medium',
  description:
    'Reads the Cloud Identity policies of setting drive_and_docs.external_sharing and fails each org unit ' +
    'or group whose externalSharingMode is not in `allowedModes` (default DISALLOWED and ' +
    'ALLOWLISTED_DOMAINS; ALLOWED lets users share with anyone). When sharing is allowed, the finding also ' +
    "says whether users are warned. No policy returned means Google's default (ALLOWED).",
  risk:
    'Unrestricted external sharing lets any user hand confidential files to any outside account or to ' +
    'anyone with the link, without review.',
  remediation:
    'Admin console > Apps > Google Workspace > Drive and Docs > Sharing settings: turn sharing outside the ' +
    'organization off or limit it to allowlisted domains for the listed org units; if it must stay on, ' +
    'warn users and add ALLOWED to allowedModes with the business reason.',
  requires: ['google.policies'],
  options: {
    schema: {
      allowedModes: {
        type: 'array',
        items: { enum: ['ALLOWED', 'DISALLOWED', 'ALLOWLISTED_DOMAINS'] },
      },
    },
    defaults: { allowedModes: ['DISALLOWED', 'ALLOWLISTED_DOMAINS'] },
  },
  evaluate({ 'google.policies': policies }, { allowedModes }) {
    return judgePolicies(
      policies,
      'drive_and_docs.external_sharing',
      { externalSharingMode: 'ALLOWED' },
      (value) => {
        const mode = String(value.externalSharingMode ?? 'ALLOWED').toUpperCase();
        const warned =
          mode === 'ALLOWED'
            ? value.warnForExternalSharing === true
              ? ', users warned'
              : ', users not warned'
            : '';
        return allowedModes.includes(mode)
          ? { pass: true, message: `External sharing ${mode}${warned}` }
          : {
              pass: false,
              message: `External sharing ${mode}${warned} (allowed: ${allowedModes.join(', ')})`,
            };
      },
    );
  },
});
