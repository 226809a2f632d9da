import type { GoogleMobileDevice } from '../../../src/collectors/google/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import type { Finding } from '../../../src/engine/types.js';
import { daysSince } from '../../../src/engine/days.js';

interface Options {
  requireEncryption: boolean;
  requirePassword: boolean;
  maxSyncAgeDays: number;
}

/** The API's strings are display text ("Compromise detected", "Not Encrypted", "Off"): compared ignoring case. */
const lower = (value: string | undefined) => (value ?? '').toLowerCase();

/**
 * The Directory reference documents no values for deviceCompromisedStatus ("The compromised device
 * status.", https://developers.google.com/workspace/admin/directory/reference/rest/v1/mobiledevices);
 * the console shows "Compromise detected" / "No compromise detected", and Alert Center's
 * DeviceCompromised names the same state "Compromised" / "Not Compromised"
 * (https://developers.google.com/admin-sdk/alertcenter/reference/rest/v1beta1/DeviceCompromised). Any
 * wording that says compromise without a negation counts.
 */
const compromised = (value: string | undefined) =>
  lower(value).includes('compromis') && !/\b(no|not)\b/.test(lower(value));

/**
 * Device states that hold no Workspace data to judge: blocked, or the device or only its work account
 * wiped (mobiledevices.action's block, admin_remote_wipe and admin_account_wipe,
 * https://developers.google.com/workspace/admin/directory/reference/rest/v1/mobiledevices/action). The
 * reference gives `status` no value list; the guide's example shows `APPROVED`.
 */
const NOT_JUDGED = new Set(['BLOCKED', 'WIPING', 'WIPED', 'ACCOUNT_WIPING', 'ACCOUNT_WIPED']);

function problems(d: GoogleMobileDevice, options: Options, now: Date): string[] {
  const out: string[] = [];
  if (compromised(d.deviceCompromisedStatus)) out.push('compromised (rooted or jailbroken)');
  if (options.requireEncryption && lower(d.encryptionStatus).startsWith('not encrypted'))
    out.push('not encrypted');
  if (options.requirePassword && lower(d.devicePasswordStatus) === 'off') out.push('no screen lock');
  if (d.lastSync && daysSince(d.lastSync, now) > options.maxSyncAgeDays)
    out.push(`not synced for ${daysSince(d.lastSync, now)} days`);
  return out;
}

export default defineCheck<'google.mobileDevices', Options>({
  id: 'google.mobile-devices',
  title: 'Mobile devices with Google Workspace data are encrypted, locked and not compromised',
  provider: 'google',
  severity: 'medium',
  description:
    'Reads the mobile devices synced with the organization (Directory API mobiledevices.list, FULL ' +
    'projection) and fails each approved device that is compromised (deviceCompromisedStatus), not ' +
    'encrypted (`requireEncryption`), without a screen lock (`requirePassword`), or not synced for more ' +
    'than `maxSyncAgeDays` (default 90; a lost or abandoned device still holding data). Blocked devices and ' +
    'devices whose data or work account was wiped are not judged. Attributes a device does not report are not judged.',
  risk: 'A lost, unlocked, unencrypted or rooted phone hands its mail, files and sessions to whoever holds it.',
  remediation:
    'Require advanced mobile management with encryption and a screen lock (Admin console > Devices > ' +
    'Mobile & endpoints > Settings), block or wipe compromised devices, and remove devices no longer used.',
  requires: ['google.mobileDevices'],
  options: {
    schema: {
      requireEncryption: { type: 'boolean' },
      requirePassword: { type: 'boolean' },
      maxSyncAgeDays: { type: 'integer', minimum: 1 },
    },
    defaults: { requireEncryption: true, requirePassword: true, maxSyncAgeDays: 90 },
  },
  evaluate({ 'google.mobileDevices': devices }, options, { now, organization }) {
    const judged = devices.filter((d) => !NOT_JUDGED.has((d.status ?? '').toUpperCase()));
    if (judged.length === 0)
      return [
        { resource: organization, status: 'pass', message: 'No mobile devices synced with the organization' },
      ];
    return judged.map((d): Finding => {
      const resource = `device:${d.email[0] ?? 'unknown'}/${d.model ?? d.type ?? 'device'} (${d.resourceId})`;
      const found = problems(d, options, now);
      const details = { ...d };
      return found.length > 0
        ? { resource, status: 'fail', message: `Mobile device ${found.join(', ')}`, details }
        : {
            resource,
            status: 'pass',
            message: 'Encrypted, locked, not compromised, synced recently',
            details,
          };
    });
  },
});
