import { describe, expect, it } from 'vitest';
import { SkipError } from '../../src/engine/errors.js';
import { runScan } from '../../src/engine/scan.js';
import {
  causeOf,
  failureKind,
  notChecked,
  perScope,
  skipIfAllDenied,
  type ScopeResult,
} from '../../src/engine/scope.js';
import type { Finding } from '../../src/engine/types.js';
import { catalogOf, configWith, control, fakeCheck, fakeProvider } from '../fixtures/engine.js';

const denied = { kind: 'permission' as const, status: 403, code: 'AccessDenied', message: 'not allowed' };
const unavailable = {
  kind: 'unavailable' as const,
  status: 503,
  code: 'ServiceUnavailable',
  message: 'try later',
};

/** One check over a list of scopes: each readable scope passes or fails by its value. */
const scopesCheck = fakeCheck('aws.scoped', ['aws.scopes'], (data) =>
  perScope(data['aws.scopes'] as ScopeResult<boolean>[], 'setting', (ok, scope) => [
    { resource: scope, status: ok ? 'pass' : 'fail', message: ok ? 'on' : 'off' },
  ]),
);

const scanOf = (scopes: ScopeResult<boolean>[]) =>
  runScan({
    config: configWith(),
    catalog: catalogOf(control('CTL-01', ['CC6.1'], ['aws.scoped'])),
    checks: [scopesCheck],
    providers: [fakeProvider('aws', { 'aws.scopes': async () => scopes })],
  });

describe('one model for scopes that could not be read', () => {
  it('gives the unreadable scope an error finding with its cause and evaluates the others as usual', async () => {
    const { result } = await scanOf([
      { scope: 'a', status: 'ok', value: true },
      { scope: 'b', status: 'error', cause: unavailable },
      { scope: 'c', status: 'ok', value: false },
    ]);
    const check = result.checks[0]!;
    expect(check.status).toBe('error');
    expect(check.findings.map((f) => [f.resource, f.status])).toEqual([
      ['a', 'pass'],
      ['b', 'error'],
      ['c', 'fail'],
    ]);
    expect(check.findings[1]!.cause).toEqual(unavailable);
    expect(check.counts).toEqual({ pass: 1, fail: 1, excepted: 0, error: 1 });
    expect(check.reason).toBe('1 scope(s) not checked: 503 ServiceUnavailable: try later (b)');
    expect(result.summary.findings.error).toBe(1);
    // The failing scope still fails the control; the missing one makes the scan incomplete (3 over 1).
    expect(result.controls[0]!.status).toBe('fail');
    expect(result.scan.complete).toBe(false);
    expect(result.summary.exitCode).toBe(3);
  });

  it('a check whose scopes were all read is pass or fail as before', async () => {
    const { result } = await scanOf([{ scope: 'a', status: 'ok', value: true }]);
    expect(result.checks[0]!.status).toBe('pass');
    expect(result.summary.exitCode).toBe(0);
  });

  it('an error finding without a cause is a malformed finding', async () => {
    const bare = fakeCheck('aws.bare', ['aws.scopes'], () => [
      { resource: 'x', status: 'error', message: 'no cause' } as Finding,
    ]);
    const { result } = await runScan({
      config: configWith(),
      catalog: catalogOf(control('CTL-01', ['CC6.1'], ['aws.bare'])),
      checks: [bare],
      providers: [fakeProvider('aws', { 'aws.scopes': async () => [] })],
    });
    expect(result.checks[0]).toMatchObject({ status: 'error', reason: 'check returned a malformed finding' });
  });

  it('names the data key a dependent failure came from, with its structured cause', async () => {
    const failure = Object.assign(new Error('Service Unavailable'), { $metadata: { httpStatusCode: 503 } });
    const provider = fakeProvider('aws', {
      'aws.accounts': async () => {
        throw failure;
      },
      'aws.scopes': async (need) => {
        await need('aws.accounts');
        return [];
      },
    });
    const { result } = await runScan({
      config: configWith(),
      catalog: catalogOf(control('CTL-01', ['CC6.1'], ['aws.scoped'])),
      checks: [scopesCheck],
      providers: [provider],
    });
    expect(result.checks[0]!.rootCause).toEqual({ key: 'aws.accounts', message: '503: Service Unavailable' });
  });
});

describe('failure classification reads structured fields only', () => {
  it.each([
    [{ status: 403 }, 'permission'],
    [{ $metadata: { httpStatusCode: 403 }, name: 'ThrottlingException' }, 'throttled'],
    [{ response: { status: 404 } }, 'not_found'],
    [{ statusCode: 429 }, 'throttled'],
    [{ status: 503 }, 'unavailable'],
    [{ code: 'ECONNRESET' }, 'network'],
    [{ status: 400, code: 'rateLimitExceeded' }, 'throttled'],
    [{ status: 400 }, 'invalid'],
  ])('%j is %s', (fields, kind) => {
    expect(causeOf(Object.assign(new Error('whatever the text says: 403 Forbidden'), fields)).kind).toBe(
      kind,
    );
  });

  it('never reads the message', () => {
    expect(causeOf(new Error('403 Forbidden: Access denied')).kind).toBe('other');
    expect(failureKind(undefined)).toBe('other');
  });
});

describe('skipIfAllDenied', () => {
  it('skips with the real cause when every scope was denied', () => {
    expect(() =>
      skipIfAllDenied(
        [
          { status: 'error', cause: denied },
          { status: 'error', cause: denied },
        ],
        'branch protection',
      ),
    ).toThrow(
      new SkipError('branch protection: every one of 2 scope(s) was denied (403 AccessDenied: not allowed)'),
    );
  });

  it('does not skip when one scope was read or a failure is not a denial', () => {
    expect(() => skipIfAllDenied([{ status: 'ok' }, { status: 'error', cause: denied }], 'x')).not.toThrow();
    expect(() =>
      skipIfAllDenied(
        [
          { status: 'error', cause: denied },
          { status: 'error', cause: unavailable },
        ],
        'x',
      ),
    ).not.toThrow();
  });

  it('notChecked says what was not checked where, and why', () => {
    expect(notChecked('github/repo-3', denied, 'branch protection')).toEqual({
      resource: 'github/repo-3',
      status: 'error',
      message: 'branch protection not checked for github/repo-3: 403 AccessDenied: not allowed',
      cause: denied,
    });
  });
});

describe('no green without evidence', () => {
  it('a provider the config asks for but that cannot run ends its checks in error, not skipped', async () => {
    const asked = {
      ...fakeProvider('aws', { 'aws.scopes': async () => [] }),
      detect: () => ({ configured: false as const, requested: true, reason: 'no credentials: set X' }),
    };
    const { result } = await runScan({
      config: configWith(),
      catalog: catalogOf(control('CTL-01', ['CC6.1'], ['aws.scoped'])),
      checks: [scopesCheck],
      providers: [asked],
    });
    expect(result.checks[0]).toMatchObject({
      status: 'error',
      rootCause: { message: 'no credentials: set X' },
    });
    expect(result.providers).toMatchObject([{ id: 'aws', status: 'error', reason: 'no credentials: set X' }]);
    expect(result.summary.exitCode).toBe(3);
  });

  it('every check skipped is exit 4: nothing was checked', async () => {
    const absent = fakeProvider('aws', { 'aws.scopes': async () => [] }, { configured: false });
    const { result } = await runScan({
      config: configWith(),
      catalog: catalogOf(control('CTL-01', ['CC6.1'], ['aws.scoped'])),
      checks: [scopesCheck],
      providers: [absent],
    });
    expect(result.checks[0]!.status).toBe('skipped');
    expect(result.summary.exitCode).toBe(4);
  });
});

describe('--provider', () => {
  it('contacts only the selected providers: a check joining another provider’s data is skipped', async () => {
    const aws = fakeProvider('aws', { 'aws.users': async () => ['alice'] });
    const hr = fakeProvider('hr', { 'hr.roster': async () => ['alice'] }, { local: true });
    const join = fakeCheck('hr.join', ['hr.roster', 'aws.users'], () => [
      { resource: 'alice', status: 'pass', message: 'ok' },
    ]);
    const own = fakeCheck('hr.own', ['hr.roster'], () => [
      { resource: 'alice', status: 'pass', message: 'ok' },
    ]);
    const { result } = await runScan({
      config: configWith(),
      catalog: catalogOf(control('CTL-01', ['CC6.1'], ['hr.join', 'hr.own'])),
      checks: [join, own],
      providers: [aws, hr],
      selection: { providers: ['hr'] },
    });
    expect(aws.calls.get('aws.users')).toBeUndefined();
    expect(result.checks.find((c) => c.id === 'hr.join')).toMatchObject({
      status: 'skipped',
      reason: 'aws.users needs aws, which is not selected (--provider hr)',
    });
    expect(result.checks.find((c) => c.id === 'hr.own')!.status).toBe('pass');
  });
});

it('--provider still reads local files (a roster, policies) that a selected check or control needs', async () => {
  const aws = fakeProvider('aws', { 'aws.users': async () => ['alice'] });
  const hr = fakeProvider('hr', { 'hr.roster': async () => ['alice'] }, { local: true });
  const join = fakeCheck('aws.join', ['aws.users', 'hr.roster'], () => [
    { resource: 'alice', status: 'pass', message: 'ok' },
  ]);
  const { result } = await runScan({
    config: configWith(),
    catalog: catalogOf(control('CTL-01', ['CC6.1'], ['aws.join'])),
    checks: [join],
    providers: [aws, hr],
    selection: { providers: ['aws'] },
  });
  expect(hr.calls.get('hr.roster')).toBe(1);
  expect(result.checks[0]!.status).toBe('pass');
});
