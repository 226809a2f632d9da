import { ListRegionsCommand } from '@aws-sdk/client-account';
import type { AwsAccount } from './data.js';
import { awsCause, call } from './errors.js';
import { paginate, type AwsContext } from './scope.js';

/**
 * The commercial regions launched before 20 March 2019: enabled in every account, they cannot be
 * disabled. Every later region is opt-in ("Regions introduced after March 20, 2019 are disabled by
 * default", https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html); GovCloud
 * and China regions have no opt-in.
 */
const ALWAYS_ENABLED = new Set([
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-south-1',
  'sa-east-1',
]);

const mayBeDisabled = (region: string) =>
  !ALWAYS_ENABLED.has(region) && !region.startsWith('us-gov-') && !region.startsWith('cn-');

/**
 * The scanned regions an account has not opted into (RegionOptStatus DISABLED or DISABLING), which are
 * out of scope for it, from account:ListRegions in the account itself
 * (https://docs.aws.amazon.com/accounts/latest/reference/API_ListRegions.html). Asked only when a scanned
 * region is opt-in. If it cannot be read, every region stays in scope and the cause is kept: a disabled
 * region then fails to answer and is reported as not checked, as before.
 */
export async function withRegionOptIn(
  context: AwsContext,
  account: AwsAccount,
  regions: readonly string[],
): Promise<AwsAccount> {
  if (account.error || !regions.some(mayBeDisabled)) return account;
  const client = context.session.account(account.id);
  try {
    const disabled = await context.limit(() =>
      paginate(
        (NextToken) =>
          call('account:ListRegions', () =>
            client.send(
              new ListRegionsCommand({
                RegionOptStatusContains: ['DISABLED', 'DISABLING'],
                MaxResults: 50,
                NextToken,
              }),
              { abortSignal: context.signal },
            ),
          ),
        (page) => page.NextToken,
        (page) => page.Regions,
      ),
    );
    const names = new Set(disabled.map((r) => r.RegionName));
    const outOfScope = regions.filter((region) => mayBeDisabled(region) && names.has(region));
    return outOfScope.length ? { ...account, disabledRegions: outOfScope } : account;
  } catch (error) {
    if (context.signal.aborted) throw error;
    context.progress(`AWS ${account.id}: opt-in regions unknown (${(error as Error).message})`);
    return { ...account, regionOptInCause: awsCause(error) };
  }
}
