import { describe, expect, it } from 'vitest';
import { InterruptedError, SkipError } from '../src/engine/errors.js';
import { makePlan } from '../src/engine/plan.js';
import type { AnyCollector, Provider } from '../src/engine/collector.js';
import { runScan, type EvidenceEntry, type EvidenceItem, type ScanOptions } from '../src/engine/scan.js';
import type { Snapshot } from '../src/core/snapshot.js';
import { REDACTED } from '../src/engine/redact.js';
import { catalogOf, configWith, control, fakeCheck, fakeProvider, tick } from './fixtures/engine.js';

const pass = (resource = 'acct') => [{ resource, status: 'pass' as const, message: 'ok' }];
const fail = (resource = 'acct') => [{ resource, status: 'fail' as const, message: 'bad' }];

/** An AWS provider whose collectors get the whole collect context (itemReady included). */
const awsWith = (...collectors: AnyCollector[]): Provider => ({
  ...fakeProvider('aws', {}),
  load: async () => ({ createSession: async () => ({}), collectors }),
});

/** A scan of one check reading 'aws.list' from `aws`. */
const scanOfList = (aws: Provider, options: Pick<ScanOptions, 'onEvidence' | 'onEvidenceItem'>) =>
  runScan({
    config: configWith(),
    catalog: catalogOf(control('CTL-01', ['CC6.1'], ['aws.l'])),
    checks: [fakeCheck('aws.l', ['aws.list'], () => pass())],
    providers: [aws],
    ...options,
  });

describe('collect', () => {
  it('runs each collector once even when several checks and collectors need its key', async () => {
    const aws = fakeProvider('aws', {
      'aws.users': async () => {
        await tick();
        return ['alice', 'bob'];
      },
      'aws.keys': async (need) => ((await need('aws.users')) as string[]).map((u) => `${u}-key`),
    });
    const checks = [
      fakeCheck('aws.a', ['aws.users'], () => pass()),
      fakeCheck('aws.b', ['aws.users', 'aws.keys'], (d) =>
        (d['aws.keys'] as string[]).map((k) => ({ resource: k, status: 'pass', message: 'ok' })),
      ),
    ];
    const { result } = await runScan({
      config: configWith(),
      catalog: catalogOf(control('CTL-01', ['CC6.1'], ['aws.a', 'aws.b'])),
      checks,
      providers: [aws],
    });
    expect(aws.calls.get('aws.users')).toBe(1);
    expect(aws.calls.get('aws.keys')).toBe(1);
    expect(result.checks.find((c) => c.id === 'aws.b')!.findings.map((f) => f.resource)).toEqual([
      'alice-key',
      'bob-key',
    ]);
  });

  it('bounds concurrency per provider', async () => {
    const collectors = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [
        `aws.k${i}`,
        async () => {
          await tick(10);
          return i;
        },
      ]),
    );
    const aws = fakeProvider('aws', collectors, { concurrency: 2 });
    const checks = Object.keys(collectors).map((key) =>
      fakeCheck(`aws.c-${key.slice(4)}`, [key], () => pass()),
    );
    await runScan({
      config: configWith(),
      catalog: catalogOf(
        control(
          'CTL-01',
          ['CC6.1'],
          checks.map((c) => c.id),
        ),
      ),
      checks,
      providers: [aws],
    });
    expect(aws.maxInFlight()).toBe(2);
  });

  it('marks checks of a failed collector as error with the cause, leaves others alone, exit 3', async () => {
    const aws = fakeProvider('aws', {
      'aws.broken': async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:9');
      },
      'aws.fine': async () => 1,
    });
    const checks = [
      fakeCheck('aws.x', ['aws.broken'], () => pass()),
      fakeCheck('aws.y', ['aws.fine'], () => fail()),
    ];
    const { result } = await runScan({
      config: configWith(),
      catalog: catalogOf(control('CTL-01', ['CC6.1'], ['aws.x', 'aws.y'])),
      checks,
      providers: [aws],
    });
    const x = result.checks.find((c) => c.id === 'aws.x')!;
    expect(x.status).toBe('error');
    expect(x.reason).toContain('ECONNREFUSED');
    expect(result.checks.find((c) => c.id === 'aws.y')!.status).toBe('fail');
    expect(result.scan.complete).toBe(false);
    expect(result.summary.exitCode).toBe(3);
  });

  it('propagates a failed dependency into the dependent key, and a skipped one as skipped', async () => {
    const github = fakeProvider('github', {
      'github.repos': async () => {
        throw new SkipError('needs the "metadata: read" permission');
      },
      'github.protection': async (need) => need('github.repos'),
    });
    const checks = [fakeCheck('github.p', ['github.protection'], () => pass())];
    const { result, snapshot } = await runScan({
      config: configWith(),
      catalog: catalogOf(control('CTL-01', ['CC8.1'], ['github.p'])),
      checks,
      providers: [github],
    });
    expect(snapshot.data['github.protection']).toMatchObject({ status: 'skipped' });
    expect(result.checks[0]!.status).toBe('skipped');
    expect(result.checks[0]!.reason).toContain('metadata: read');
    // Nothing was checked: never green.
    expect(result.summary.exitCode).toBe(4);
  });

  it('skips every check of an unconfigured provider with a reason that says how to configure it', async () => {
    const google = fakeProvider('google', { 'google.users': async () => [] }, { configured: false });
    const checks = [fakeCheck('google.u', ['google.users'], () => pass())];
    const { result } = await runScan({
      config: configWith(),
      catalog: catalogOf(control('CTL-01', ['CC6.1'], ['google.u'])),
      checks,
      providers: [google],
    });
    expect(google.calls.size).toBe(0);
    expect(result.checks[0]).toMatchObject({
      status: 'skipped',
      reason: 'google is not configured: add providers.google',
    });
    expect(result.providers).toEqual([expect.objectContaining({ id: 'google', status: 'skipped' })]);
  });

  it('never calls a cloud provider while replaying a snapshot, but still reads local providers', async () => {
    const aws = fakeProvider('aws', { 'aws.users': async () => ['live'] });
    const hr = fakeProvider('hr', { 'hr.roster': async () => ['person'] }, { local: true });
    const snapshot: Snapshot = {
      format: 'soc2-snapshot',
      version: 1,
      tool: { name: 'soc2', version: '0' },
      organization: 'Fixture',
      collectedAt: '2026-01-02T03:04:05.000Z',
      data: {},
    };
    const checks = [
      fakeCheck('aws.u', ['aws.users'], () => pass()),
      fakeCheck('hr.r', ['hr.roster'], () => pass()),
    ];
    const { result } = await runScan({
      config: configWith(),
      catalog: catalogOf(control('CTL-01', ['CC6.1'], ['aws.u', 'hr.r'])),
      checks,
      providers: [aws, hr],
      snapshot,
    });
    expect(aws.calls.size).toBe(0);
    expect(hr.calls.get('hr.roster')).toBe(1);
    expect(result.checks.find((c) => c.id === 'aws.u')).toMatchObject({ status: 'skipped' });
    expect(result.checks.find((c) => c.id === 'hr.r')).toMatchObject({ status: 'pass' });
    expect(result.scan.evaluatedAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('hands over each used key for evidence as soon as it is collected, with the checks using it', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const seen: { key: string; usedBy: string[]; status: string; whileSlowPending: boolean }[] = [];
    let slowDone = false;
    const aws = fakeProvider('aws', {
      'aws.fast': async () => ({ password: 'hunter2-Secret!', n: 1 }),
      'aws.slow': async () => {
        await slow;
        slowDone = true;
        return 2;
      },
    });
    const checks = [
      fakeCheck('aws.a', ['aws.fast'], () => pass()),
      fakeCheck('aws.b', ['aws.fast', 'aws.slow'], () => pass()),
    ];
    const scan = runScan({
      config: configWith(),
      catalog: catalogOf(control('CTL-01', ['CC6.1'], ['aws.a', 'aws.b'])),
      checks,
      providers: [aws],
      onEvidence: ({ key, entry, usedBy }) => {
        seen.push({ key, usedBy, status: entry.status, whileSlowPending: !slowDone });
        if (key === 'aws.fast') {
          expect(entry).toMatchObject({ status: 'ok', value: { password: '[REDACTED]', n: 1 } });
          release();
        }
      },
    });
    await scan;
    expect(seen).toEqual([
      { key: 'aws.fast', usedBy: ['aws.a', 'aws.b'], status: 'ok', whileSlowPending: true },
      { key: 'aws.slow', usedBy: ['aws.b'], status: 'ok', whileSlowPending: false },
    ]);
  });

  it('hands over list items as collectors finish them, redacted, and keeps those copies in the value', async () => {
    const raw = [
      { accountId: '1', token: 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB' },
      { accountId: '2', note: 'fine' },
    ];
    const aws = awsWith(
      {
        key: 'aws.list',
        collect: async (ctx) => {
          await ctx.need('aws.unused' as never);
          ctx.itemReady(1, raw[1]);
          ctx.itemReady(0, raw[0]);
          return raw;
        },
      },
      {
        key: 'aws.unused',
        collect: async (ctx) => {
          ctx.itemReady(0, 'nobody reads me');
          return ['nobody reads me'];
        },
      },
    );
    const items: EvidenceItem[] = [];
    const entries: EvidenceEntry[] = [];
    const { snapshot } = await scanOfList(aws, {
      onEvidenceItem: (item) => items.push(item),
      onEvidence: (entry) => entries.push(entry),
    });
    const entry = snapshot.data['aws.list'] as { status: 'ok'; value: unknown[]; collectedAt: string };
    // A key no check reads is evidence too (it defines scope), with no check using it.
    expect(items.map((i) => [i.key, i.index, i.usedBy, i.collectedAt])).toEqual([
      ['aws.unused', 0, [], expect.any(String)],
      ['aws.list', 1, ['aws.l'], entry.collectedAt],
      ['aws.list', 0, ['aws.l'], entry.collectedAt],
    ]);
    expect(items[2]!.value).toEqual({ accountId: '1', token: REDACTED });
    expect(entry.value[0]).toBe(items[2]!.value);
    expect(entry.value[1]).toBe(items[1]!.value);
    expect(Object.keys(snapshot.data).sort()).toEqual(['aws.list', 'aws.unused']);
    expect(entries.map((e) => [e.key, e.usedBy])).toEqual([
      ['aws.unused', []],
      ['aws.list', ['aws.l']],
    ]);
  });

  it("drops items that a failed collector's leftover tasks hand over after the key is done", async () => {
    let late!: () => void;
    const lateItem = new Promise<void>((resolve) => (late = resolve));
    const aws = awsWith({
      key: 'aws.list',
      collect: async (ctx) => {
        ctx.itemReady(0, 'first repository');
        setTimeout(() => {
          ctx.itemReady(1, 'second repository, answered after the 403');
          late();
        }, 5);
        throw new SkipError('cannot read webhooks of third (403): needs admin');
      },
    });
    const seen: string[] = [];
    await scanOfList(aws, {
      onEvidenceItem: (item) => seen.push(`item ${item.index}`),
      onEvidence: ({ entry }) => seen.push(`entry ${entry.status}`),
    });
    await lateItem;
    expect(seen).toEqual(['item 0', 'entry skipped']);
  });

  it('fails the scan, not the collector, when an item cannot be taken', async () => {
    const aws = awsWith({
      key: 'aws.list',
      collect: async (ctx) => {
        ctx.itemReady(0, 'first');
        return ['first'];
      },
    });
    const scan = scanOfList(aws, {
      onEvidenceItem: () => {
        throw new Error('ENOSPC: no space left on device, write');
      },
    });
    await expect(scan).rejects.toThrow('ENOSPC');
  });

  it('stops promptly with InterruptedError when aborted', async () => {
    const aws = fakeProvider('aws', {
      'aws.slow': (_need, signal) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    const controller = new AbortController();
    const scan = runScan({
      config: configWith(),
      catalog: catalogOf(control('CTL-01', ['CC6.1'], ['aws.s'])),
      checks: [fakeCheck('aws.s', ['aws.slow'], () => pass())],
      providers: [aws],
      signal: controller.signal,
    });
    setTimeout(() => controller.abort('SIGINT'), 20);
    await expect(scan).rejects.toBeInstanceOf(InterruptedError);
  });
});

describe('evaluate', () => {
  const aws = () =>
    fakeProvider('aws', { 'aws.users': async () => [{ name: 'alice' }], 'aws.other': async () => 1 });
  const scanWith = (check: ReturnType<typeof fakeCheck>) =>
    runScan({
      config: configWith(),
      catalog: catalogOf(control('CTL-01', ['CC6.1'], [check.id])),
      checks: [check],
      providers: [aws()],
    });

  it('turns a throwing check into error with the message', async () => {
    const { result } = await scanWith(
      fakeCheck('aws.t', ['aws.users'], () => {
        throw new TypeError('boom');
      }),
    );
    expect(result.checks[0]).toMatchObject({ status: 'error', reason: 'check threw: boom' });
  });

  it('turns an empty list of findings into error', async () => {
    const { result } = await scanWith(fakeCheck('aws.e', ['aws.users'], () => []));
    expect(result.checks[0]).toMatchObject({ status: 'error', reason: 'check returned no findings' });
  });

  it('lets a check read only what it declared', async () => {
    const { result } = await scanWith(
      fakeCheck('aws.r', ['aws.users'], (d) => (d as Record<string, unknown>)['aws.other'] as never),
    );
    expect(result.checks[0]!.status).toBe('error');
    expect(result.checks[0]!.reason).toContain("read 'aws.other'");
  });

  it('hands checks frozen data', async () => {
    const { result } = await scanWith(
      fakeCheck('aws.m', ['aws.users'], (d) => {
        (d['aws.users'] as { name: string }[])[0]!.name = 'mallory';
        return pass();
      }),
    );
    expect(result.checks[0]!.status).toBe('error');
  });
});

describe('roll up and exit codes', () => {
  const provider = () =>
    fakeProvider('aws', {
      'aws.ok': async () => 1,
      'aws.bad': async () => {
        throw new Error('down');
      },
    });
  const checks = [
    fakeCheck('aws.pass', ['aws.ok'], () => pass()),
    fakeCheck('aws.fail-high', ['aws.ok'], () => fail('alice'), 'high'),
    fakeCheck('aws.fail-low', ['aws.ok'], () => fail('bob'), 'low'),
    fakeCheck('aws.err', ['aws.bad'], () => pass()),
  ];

  it('derives control and criterion statuses', async () => {
    const catalog = catalogOf(
      control('PASS-01', ['CC1.1'], ['aws.pass']),
      control('FAIL-01', ['CC1.1', 'CC2.1'], ['aws.pass', 'aws.fail-high']),
      control('PART-01', ['CC3.1'], ['aws.pass'], 1),
      control('MAN-01', ['CC4.1'], [], 2),
      control('NONE-01', ['CC5.1'], ['aws.err']),
    );
    const { result } = await runScan({ config: configWith(), catalog, checks, providers: [provider()] });
    const status = Object.fromEntries(result.controls.map((c) => [c.id, c.status]));
    expect(status).toEqual({
      'PASS-01': 'pass',
      'FAIL-01': 'fail',
      'PART-01': 'partial',
      'MAN-01': 'manual',
      'NONE-01': 'not_evaluated',
    });
    const criteria = Object.fromEntries(result.criteria.map((c) => [c.id, c.status]));
    expect(criteria).toEqual({
      'CC1.1': 'fail',
      'CC2.1': 'fail',
      'CC3.1': 'partial',
      'CC4.1': 'manual',
      'CC5.1': 'not_evaluated',
    });
    expect(result.summary.criteria).toMatchObject({
      fail: 2,
      partial: 1,
      manual: 1,
      not_evaluated: 1,
      total: 5,
    });
  });

  it('exits 1 only for failures at or above --fail-on, and 3 outranks 1', async () => {
    const run = async (ids: string[], failOn: 'high' | 'critical' | 'low') =>
      (
        await runScan({
          config: configWith(),
          catalog: catalogOf(control('C-01', ['CC6.1'], ids)),
          checks,
          providers: [provider()],
          failOn,
        })
      ).result.summary.exitCode;
    expect(await run(['aws.pass', 'aws.fail-low'], 'high')).toBe(0);
    expect(await run(['aws.pass', 'aws.fail-low'], 'low')).toBe(1);
    expect(await run(['aws.fail-high'], 'critical')).toBe(0);
    expect(await run(['aws.fail-high'], 'high')).toBe(1);
    expect(await run(['aws.fail-high', 'aws.err'], 'high')).toBe(3);
  });

  it('keeps excepted findings visible without failing, and reports expired exceptions', async () => {
    const config = configWith({
      exceptions: [
        {
          check: 'aws.fail-high',
          resource: 'ali*',
          reason: 'accepted risk',
          approved_by: 'cto',
          approved_at: '2026-11-01',
          expires: '2027-04-30',
        },
        {
          check: 'aws.fail-low',
          resource: 'bob',
          reason: 'old',
          approved_by: 'cto',
          approved_at: '2019-06-01',
          expires: '2020-01-01',
        },
      ],
    });
    const { result } = await runScan({
      config,
      catalog: catalogOf(control('C-01', ['CC6.1'], ['aws.fail-high', 'aws.fail-low'])),
      checks,
      providers: [provider()],
      clock: () => new Date('2026-12-04T00:00:00Z'),
    });
    const high = result.checks.find((c) => c.id === 'aws.fail-high')!;
    expect(high.status).toBe('pass_with_exceptions');
    expect(high.findings[0]!.exception).toEqual({
      reason: 'accepted risk',
      approved_by: 'cto',
      approved_at: '2026-11-01',
      expires: '2027-04-30',
    });
    expect(high.counts).toEqual({ pass: 0, fail: 0, excepted: 1, error: 0 });
    expect(result.checks.find((c) => c.id === 'aws.fail-low')!.status).toBe('fail');
    expect(result.exceptions).toEqual({
      applied: 1,
      allowLists: [],
      expired: [{ check: 'aws.fail-low', resource: 'bob', expires: '2020-01-01', reason: 'old' }],
    });
  });
});

describe('plan', () => {
  const checks = [
    fakeCheck('aws.a', ['aws.x'], () => pass()),
    fakeCheck('github.b', ['github.y'], () => pass()),
  ];
  const catalog = catalogOf(
    control('ACC-01', ['CC6.1', 'CC6.2'], ['aws.a', 'github.b']),
    control('CHG-01', ['CC8.1'], ['github.b']),
    control('PRV-01', ['P1.1'], [], 1),
  );

  it('selects by criteria prefix, provider, control and check', () => {
    expect(makePlan(catalog, checks, { criteria: ['CC6'] }).controls.map((c) => c.id)).toEqual(['ACC-01']);
    expect(makePlan(catalog, checks, { criteria: ['privacy'] }).criteria.map((c) => c.id)).toEqual(['P1.1']);
    const byProvider = makePlan(catalog, checks, { providers: ['aws'] });
    expect(byProvider.checks.map((c) => c.id)).toEqual(['aws.a']);
    expect(byProvider.keys).toEqual(['aws.x']);
    expect(makePlan(catalog, checks, { checks: ['github.b'] }).controls.map((c) => c.id)).toEqual([
      'ACC-01',
      'CHG-01',
    ]);
    expect(makePlan(catalog, checks, { controls: ['CHG-01'] }).keys).toEqual(['github.y']);
  });

  it('rejects unknown names as bad input, all at once', () => {
    expect(() =>
      makePlan(catalog, checks, { providers: ['azure'], checks: ['nope'], criteria: ['CC9.9'] }),
    ).toThrowError(/azure[\s\S]*nope[\s\S]*CC9\.9/);
  });

  it('takes the criteria from the catalog it is given, reading nothing itself', () => {
    const retitled = {
      ...catalog,
      criteria: catalog.criteria.map((c) => (c.id === 'CC8.1' ? { ...c, title: 'Changes, as given' } : c)),
    };
    expect(makePlan(retitled, checks, { controls: ['CHG-01'] }).criteria).toEqual([
      expect.objectContaining({ id: 'CC8.1', title: 'Changes, as given' }),
    ]);
    const withoutPrivacy = { ...catalog, criteria: catalog.criteria.filter((c) => c.category !== 'privacy') };
    expect(() => makePlan(withoutPrivacy, checks, { criteria: ['P1'] })).toThrowError(
      "--criteria: 'P1' matches no 2017 Trust Services Criterion",
    );
  });
});
