// MobileDevice fields as documented (https://developers.google.com/workspace/admin/directory/reference/rest/v1/mobiledevices):
// status APPROVED / BLOCKED / WIPED…, display strings for deviceCompromisedStatus, encryptionStatus and
// devicePasswordStatus, lastSync as RFC 3339.
import { describeCheck } from '../../../test/harness/check-tester.js';
import type { GoogleMobileDevice } from '../../../src/collectors/google/data.js';
import check from './check.js';

const device = (id: string, overrides: Partial<GoogleMobileDevice> = {}): GoogleMobileDevice => ({
  resourceId: id,
  email: ['a@example.com'],
  model: 'Pixel 8',
  os: 'Android 15',
  type: 'ANDROID',
  status: 'APPROVED',
  lastSync: '2026-06-28T10:00:00.000Z',
  encryptionStatus: 'Encrypted',
  devicePasswordStatus: 'On',
  deviceCompromisedStatus: 'No compromise detected',
  ...overrides,
});
const resource = (id: string) => `device:a@example.com/Pixel 8 (${id})`;

describeCheck(check, [
  {
    name: 'passes an encrypted, locked, recently synced device',
    data: { 'google.mobileDevices': [device('AFiQxQ1')] },
    status: 'pass',
    passing: [resource('AFiQxQ1')],
  },
  {
    name: 'fails compromised, unencrypted, unlocked and stale devices, each with what is wrong',
    data: {
      'google.mobileDevices': [
        device('d1', { deviceCompromisedStatus: 'Compromise detected' }),
        device('d2', { encryptionStatus: 'Not Encrypted' }),
        device('d3', { devicePasswordStatus: 'Off' }),
        device('d4', { lastSync: '2026-01-01T10:00:00.000Z' }),
        device('d5'),
      ],
    },
    status: 'fail',
    failing: [resource('d1'), resource('d2'), resource('d3'), resource('d4')],
    passing: [resource('d5')],
  },
  {
    name: "reads Alert Center's wording of a compromise too, and never a negated one",
    data: {
      'google.mobileDevices': [
        device('d1', { deviceCompromisedStatus: 'Compromised' }),
        device('d2', { deviceCompromisedStatus: 'Not Compromised' }),
        device('d3', { deviceCompromisedStatus: 'No compromise detected' }),
      ],
    },
    status: 'fail',
    failing: [resource('d1')],
    passing: [resource('d2'), resource('d3')],
  },
  {
    name: 'does not judge a device whose work account was wiped',
    data: {
      'google.mobileDevices': [device('d1', { status: 'ACCOUNT_WIPED', encryptionStatus: 'Not Encrypted' })],
    },
    status: 'pass',
    passing: ['Example Corp'],
  },
  {
    name: 'does not judge blocked or wiped devices',
    data: { 'google.mobileDevices': [device('d1', { status: 'WIPED', encryptionStatus: 'Not Encrypted' })] },
    status: 'pass',
    passing: ['Example Corp'],
  },
  {
    name: 'options turn encryption and screen lock requirements off',
    options: { requireEncryption: false, requirePassword: false },
    data: {
      'google.mobileDevices': [
        device('d2', { encryptionStatus: 'Not Encrypted', devicePasswordStatus: 'Off' }),
      ],
    },
    status: 'pass',
    passing: [resource('d2')],
  },
]);
