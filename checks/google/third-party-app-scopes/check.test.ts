import { describeCheck } from '../../../test/harness/check-tester.js';
import { token } from '../../../test/builders/google.js';
import check from './check.js';

const DRIVE = 'https://www.googleapis.com/auth/drive';
const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';
const GMAIL = 'https://mail.google.com/';
const ADMIN_USERS = 'https://www.googleapis.com/auth/admin.directory.user';
const CALENDAR = 'https://www.googleapis.com/auth/calendar.readonly';

describeCheck(check, [
  {
    name: 'passes apps with narrow scopes, per app and per user',
    data: {
      'google.tokens': [
        token('a@example.com', 'Calendly', [CALENDAR]),
        token('b@example.com', 'Picker', [DRIVE_FILE]),
      ],
    },
    status: 'pass',
    passing: ['a@example.com', 'app:Calendly (calendly.apps.googleusercontent.com)'],
  },
  {
    name: 'fails an app with full Drive and the users who granted it',
    data: {
      'google.tokens': [
        token('a@example.com', 'PDF Magic', [DRIVE, CALENDAR]),
        token('b@example.com', 'PDF Magic', [DRIVE]),
        token('c@example.com', 'Calendly', [CALENDAR]),
      ],
    },
    status: 'fail',
    failing: ['app:PDF Magic (pdf-magic.apps.googleusercontent.com)', 'a@example.com', 'b@example.com'],
    message: /drive/,
  },
  {
    name: 'flags full Gmail and admin scopes (prefix match)',
    data: {
      'google.tokens': [
        token('a@example.com', 'Mailer', [GMAIL]),
        token('b@example.com', 'Sync Tool', [ADMIN_USERS]),
      ],
    },
    status: 'fail',
    failing: [
      'app:Mailer (mailer.apps.googleusercontent.com)',
      'app:Sync Tool (sync-tool.apps.googleusercontent.com)',
      'a@example.com',
      'b@example.com',
    ],
  },
  {
    name: 'passes an approved app by client ID',
    data: { 'google.tokens': [token('a@example.com', 'Backup', [DRIVE])] },
    options: { allowedApps: ['backup.apps.googleusercontent.com'] },
    status: 'pass',
  },
  {
    name: 'uses a configured scope list',
    data: { 'google.tokens': [token('a@example.com', 'Calendly', [CALENDAR])] },
    options: { highRiskScopes: ['https://www.googleapis.com/auth/calendar*'] },
    status: 'fail',
    failing: ['app:Calendly (calendly.apps.googleusercontent.com)', 'a@example.com'],
  },
  {
    name: 'passes on the organization with no grants',
    data: { 'google.tokens': [] },
    status: 'pass',
    passing: ['Example Corp'],
  },
]);
