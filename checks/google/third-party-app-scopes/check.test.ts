import { describe, expect, it } from 'vitest';
import { describeCheck, runCheck } from '../../../test/harness/check-tester.js';
import { FORBIDDEN, grantsByUser, token, unread } from '../../../test/builders/google.js';
import type { FailureCause } from '../../../src/engine/types.js';
import check from './check.js';

const DRIVE = 'https://www.googleapis.com/auth/drive';
const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';
const GMAIL = 'https://mail.google.com/';
const ADMIN_USERS = 'https://www.googleapis.com/auth/admin.directory.user';
const CALENDAR = 'https://www.googleapis.com/auth/calendar.readonly';

const AUTH = 'https://www.googleapis.com/auth/';

describeCheck(check, [
  {
    // Scope names as Google lists them (https://developers.google.com/identity/protocols/oauth2/scopes#gmail,
    // #drive): the restricted Gmail and Drive scopes are families named after gmail / drive.
    name: 'matches the Gmail and Drive scope families, not only the exact full-access scopes',
    data: {
      'google.tokens': grantsByUser([
        token('a@example.com', 'Mail Reader', [`${AUTH}gmail.readonly`]),
        token('b@example.com', 'Mail Sorter', [`${AUTH}gmail.modify`]),
        token('c@example.com', 'Drive Indexer', [`${AUTH}drive.readonly`]),
        token('d@example.com', 'Picker', [`${AUTH}drive.file`, `${AUTH}drive.appdata`]),
        token('e@example.com', 'Labeler', [`${AUTH}gmail.labels`]),
        token('f@example.com', 'Driveby', [`${AUTH}driveactivity.readonly`]),
      ]),
    },
    status: 'fail',
    failing: [
      'a@example.com',
      'app:Drive Indexer (drive-indexer.apps.googleusercontent.com)',
      'app:Mail Reader (mail-reader.apps.googleusercontent.com)',
      'app:Mail Sorter (mail-sorter.apps.googleusercontent.com)',
      'b@example.com',
      'c@example.com',
    ],
  },
  {
    name: 'passes apps with narrow scopes, per app and per user',
    data: {
      'google.tokens': grantsByUser([
        token('a@example.com', 'Calendly', [CALENDAR]),
        token('b@example.com', 'Picker', [DRIVE_FILE]),
      ]),
    },
    status: 'pass',
    passing: ['a@example.com', 'app:Calendly (calendly.apps.googleusercontent.com)'],
  },
  {
    name: 'fails an app with full Drive and the users who granted it',
    data: {
      'google.tokens': grantsByUser([
        token('a@example.com', 'PDF Magic', [DRIVE, CALENDAR]),
        token('b@example.com', 'PDF Magic', [DRIVE]),
        token('c@example.com', 'Calendly', [CALENDAR]),
      ]),
    },
    status: 'fail',
    failing: ['app:PDF Magic (pdf-magic.apps.googleusercontent.com)', 'a@example.com', 'b@example.com'],
    message: /drive/,
  },
  {
    name: 'flags full Gmail and admin scopes (prefix match)',
    data: {
      'google.tokens': grantsByUser([
        token('a@example.com', 'Mailer', [GMAIL]),
        token('b@example.com', 'Sync Tool', [ADMIN_USERS]),
      ]),
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
    data: { 'google.tokens': grantsByUser([token('a@example.com', 'Backup', [DRIVE])]) },
    options: { allowedApps: ['backup.apps.googleusercontent.com'] },
    status: 'pass',
  },
  {
    name: 'uses a configured scope list',
    data: { 'google.tokens': grantsByUser([token('a@example.com', 'Calendly', [CALENDAR])]) },
    options: { highRiskScopes: ['https://www.googleapis.com/auth/calendar*'] },
    status: 'fail',
    failing: ['app:Calendly (calendly.apps.googleusercontent.com)', 'a@example.com'],
  },
  {
    name: 'passes on the organization with no grants',
    data: { 'google.tokens': grantsByUser([]) },
    status: 'pass',
    passing: ['Example Corp'],
  },
  {
    name: 'a user whose grants could not be read is not checked; the others are judged as usual',
    data: {
      'google.tokens': grantsByUser(
        [token('a@example.com', 'PDF Magic', [DRIVE]), token('c@example.com', 'Calendly', [CALENDAR])],
        { unread: [unread('b@example.com')] },
      ),
    },
    status: 'error',
    failing: ['app:PDF Magic (pdf-magic.apps.googleusercontent.com)', 'a@example.com'],
    passing: ['app:Calendly (calendly.apps.googleusercontent.com)', 'c@example.com'],
  },
  {
    name: 'no grants among the users read is not a pass for the organization when one was not read',
    data: {
      'google.tokens': grantsByUser([], { empty: ['a@example.com'], unread: [unread('b@example.com')] }),
    },
    status: 'error',
  },
]);

describe('google.third-party-app-scopes with users not read', () => {
  const NOT_FOUND: FailureCause = {
    kind: 'not_found',
    status: 404,
    code: 'notFound',
    message: 'Resource Not Found: userKey',
  };
  const grants = [
    token('a@example.com', 'PDF Magic', [DRIVE]),
    token('c@example.com', 'PDF Magic', [DRIVE]),
    token('c@example.com', 'Calendly', [CALENDAR]),
  ];
  const clean = runCheck(check, { 'google.tokens': grantsByUser(grants) });
  const partial = runCheck(check, {
    'google.tokens': grantsByUser(
      grants.filter((t) => t.user !== 'c@example.com'),
      { unread: [unread('b@example.com'), unread('c@example.com', NOT_FOUND)] },
    ),
  });

  it('gives each of them an error finding with its cause, never a pass or a fail', () => {
    expect(partial.findings.filter((f) => f.status === 'error')).toEqual([
      {
        resource: 'b@example.com',
        status: 'error',
        message:
          'Third-party app grants not checked for b@example.com: 403 forbidden: Not Authorized to access this resource/api',
        cause: FORBIDDEN,
      },
      {
        resource: 'c@example.com',
        status: 'error',
        message:
          'Third-party app grants not checked for c@example.com: 404 notFound: Resource Not Found: userKey',
        cause: NOT_FOUND,
      },
    ]);
    expect(partial.status).toBe('error');
  });

  it('judges every user read exactly as a run where all were read', () => {
    const of = (result: typeof clean, user: string) => result.findings.find((f) => f.resource === user);
    expect(of(partial, 'a@example.com')).toEqual(of(clean, 'a@example.com'));
  });

  it("counts an app's holders among the users read", () => {
    const app = partial.findings.find((f) => f.resource.startsWith('app:PDF Magic'));
    expect(app).toMatchObject({ status: 'fail', details: { users: ['a@example.com'] } });
  });
});

describe('domain-wide delegation', () => {
  it('says service accounts with domain-wide delegation are not in per-user grants', () => {
    const result = runCheck(check, { 'google.tokens': grantsByUser([], { empty: ['a@example.com'] }) });
    expect(result.findings.map((f) => f.message).join(' ')).toMatch(/domain-wide delegation/);
  });
});
