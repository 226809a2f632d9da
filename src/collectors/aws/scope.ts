import type { CollectContext } from '../../engine/collector.js';
import type { AccountResult, AwsAccount, RegionResult } from './data.js';
import { awsCause, failWhenNothingCollected } from './errors.js';
import type { FailureCause } from '../../engine/types.js';
import type { AwsSession } from './session.js';
import { errorMessage } from '../../engine/errors.js';

export type AwsContext = CollectContext<AwsSession>;

export function notChecked(account: AwsAccount): string {
  return `account not checked: ${account.error ?? 'unreachable'}`;
}

export interface ScopeOptions {
  /**
   * The key only refines a verdict another key decides (the kind of MFA device beside whether there is
   * one): every failure stays a per-scope error, never a key-level skip or error, so the checks that read
   * it still run and judge each scope with what could be read.
   */
  supplementary?: boolean;
}

/**
 * Runs `work` once per scope (an account, an account-region, a trail...) of a reachable account, bounded
 * by the provider's limit; an unreachable account's scopes and failed scopes keep their error and cause.
 */
export async function forEachScope<T, S extends object>(
  context: AwsContext,
  scopes: { scope: S; account: AwsAccount }[],
  work: (scope: S, account: AwsAccount) => Promise<T>,
  options: ScopeOptions = {},
): Promise<(S & ({ status: 'ok'; value: T } | { status: 'error'; error: string; cause: FailureCause }))[]> {
  const causes: unknown[] = [];
  const results = await Promise.all(
    scopes.map(async ({ scope, account }, index) => {
      const result = await settleOne(context, scope, account, work, (error) => (causes[index] = error));
      context.itemReady(index, result);
      return result;
    }),
  );
  if (!options.supplementary)
    failWhenNothingCollected(
      results,
      scopes.map((_, i) => causes[i]),
    );
  return results;
}

async function settleOne<T, S extends object>(
  context: AwsContext,
  scope: S,
  account: AwsAccount,
  work: (scope: S, account: AwsAccount) => Promise<T>,
  failed: (cause: unknown) => void,
): Promise<S & ({ status: 'ok'; value: T } | { status: 'error'; error: string; cause: FailureCause })> {
  if (account.error)
    return {
      ...scope,
      status: 'error' as const,
      error: notChecked(account),
      cause: account.cause ?? { kind: 'other', message: account.error },
    };
  try {
    const value = await context.limit(() => work(scope, account));
    return { ...scope, status: 'ok' as const, value };
  } catch (error) {
    if (context.signal.aborted) throw error;
    failed(error);
    return { ...scope, status: 'error' as const, error: errorMessage(error), cause: awsCause(error) };
  }
}

/** Runs `work` once per account in scope (bounded by the provider's limit); failures stay per account. */
export async function forEachAccount<T>(
  context: AwsContext,
  work: (account: AwsAccount) => Promise<T>,
  options: ScopeOptions = {},
): Promise<AccountResult<T>[]> {
  const { accounts } = await context.need('aws.accounts');
  return forEachScope(
    context,
    accounts.map((account) => ({ scope: { accountId: account.id }, account })),
    (_scope, account) => work(account),
    options,
  );
}

/** The scanned regions in scope for an account: all but the opt-in regions it has not enabled. */
export const regionsOf = (account: AwsAccount, regions: readonly string[]) =>
  regions.filter((region) => !account.disabledRegions?.includes(region));

/** Runs `work` once per account and scanned region (opt-in regions the account has not enabled are skipped). */
export async function forEachRegion<T>(
  context: AwsContext,
  work: (account: AwsAccount, region: string) => Promise<T>,
): Promise<RegionResult<T>[]> {
  const { accounts, regions } = await context.need('aws.accounts');
  return forEachScope(
    context,
    accounts.flatMap((account) =>
      regionsOf(account, regions).map((region) => ({ scope: { accountId: account.id, region }, account })),
    ),
    (scope, account) => work(account, scope.region),
  );
}

/** Follows a token until the service stops returning one. */
export async function paginate<P, I>(
  fetch: (token: string | undefined) => Promise<P>,
  next: (page: P) => string | undefined,
  items: (page: P) => I[] | undefined,
): Promise<I[]> {
  const out: I[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    out.push(...(items(page) ?? []));
    token = next(page);
  } while (token);
  return out;
}
