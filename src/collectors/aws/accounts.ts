import { ListAccountsCommand } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { defineCollector } from '../../engine/collector.js';
import { SkipError } from '../../engine/errors.js';
import type { AwsAccount, AwsAccounts } from './data.js';
import { AwsCallError, call, hasAwsCode, awsCause } from './errors.js';
import { paginate, type AwsContext } from './scope.js';
import type { AwsCredentialIdentity, AwsSession } from './session.js';
import { inShard } from '../../core/shard.js';
import { patternRule } from '../../engine/audit-scope.js';
import { withRegionOptIn } from './regions.js';

/**
 * Who we are (sts:GetCallerIdentity) and which accounts are in scope: the caller's account, the
 * configured `accounts`, or every active account of the organization (organizations:ListAccounts).
 * Other accounts are reached by assuming `assumeRole`; one that cannot be assumed keeps its error.
 */
export const accountsCollector = defineCollector<'aws.accounts', AwsSession>({
  key: 'aws.accounts',
  // Assuming a role in each account is what lets the other collectors read it.
  resumable: false,
  async collect(context: AwsContext): Promise<AwsAccounts> {
    const { session, signal } = context;
    const settings = session.settings;
    const sts = session.sts();
    const identity = await call('sts:GetCallerIdentity', () =>
      sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal }),
    ).catch((error: unknown) => {
      if (hasAwsCode((error as AwsCallError).cause, 'CredentialsProviderError')) {
        throw new Error(
          'no AWS credentials found: set AWS_PROFILE (run `aws sso login` for SSO profiles), ' +
            '`providers.aws.profile`, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY',
        );
      }
      throw error;
    });
    const callerAccount = identity.Account ?? '';
    if (callerAccount) session.accountsRead.add(callerAccount);
    const partition = identity.Arn?.split(':')[1] ?? 'aws';

    let targets: { id: string; name?: string }[];
    if (settings.organization) {
      const orgs = session.organizations();
      let listed;
      try {
        listed = await paginate(
          (NextToken) =>
            call('organizations:ListAccounts', () =>
              orgs.send(new ListAccountsCommand({ NextToken, MaxResults: 20 }), { abortSignal: signal }),
            ),
          (page) => page.NextToken,
          (page) => page.Accounts,
        );
      } catch (error) {
        if (error instanceof AwsCallError && error.denied) {
          throw new SkipError(
            `${error.message} (organization: true needs the management or a delegated administrator account)`,
          );
        }
        throw error;
      }
      targets = listed
        .filter((a) => (a.State ?? a.Status ?? 'ACTIVE') === 'ACTIVE')
        .map((a) => ({ id: a.Id ?? '', name: a.Name }))
        .filter((a) => !settings.accounts || settings.accounts.includes(a.id));
      context.progress(`AWS Organization: ${targets.length} active accounts`);
    } else if (settings.accounts && settings.accounts.length > 0) {
      targets = settings.accounts.map((id) => ({ id }));
    } else {
      targets = [{ id: callerAccount }];
    }

    const scope = context.config.scope?.aws;
    const outOfScope = [
      ...targets.map((t) => ({
        scope: `account/${t.id}`,
        rule: patternRule(scope?.accounts, [t.id], 'scope.aws.accounts'),
      })),
      ...settings.regions.map((r) => ({
        scope: `region/${r}`,
        rule: patternRule(scope?.regions, [r], 'scope.aws.regions'),
      })),
    ].filter((e): e is { scope: string; rule: string } => e.rule !== undefined);
    const excluded = new Set(outOfScope.map((e) => e.scope));
    const regions = settings.regions.filter((r) => !excluded.has(`region/${r}`));
    const reached = await Promise.all(
      targets
        .filter((target) => !excluded.has(`account/${target.id}`))
        .filter((target) => inShard(context.config.shard, target.id))
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map(async (target): Promise<AwsAccount> => {
          if (target.id === callerAccount) return { ...target, access: 'caller' };
          const roleArn = `arn:${partition}:iam::${target.id}:role/${settings.assumeRole}`;
          const assume = async (): Promise<AwsCredentialIdentity> => {
            const assumed = await context.limit(() =>
              call('sts:AssumeRole', () =>
                sts.send(
                  new AssumeRoleCommand({
                    RoleArn: roleArn,
                    RoleSessionName: 'soc2-scan',
                    DurationSeconds: 3600,
                    ...(settings.externalId ? { ExternalId: settings.externalId } : {}),
                  }),
                  { abortSignal: signal },
                ),
              ),
            );
            const c = assumed.Credentials;
            if (!c?.AccessKeyId || !c.SecretAccessKey)
              throw new Error('sts:AssumeRole returned no credentials');
            return {
              accessKeyId: c.AccessKeyId,
              secretAccessKey: c.SecretAccessKey,
              sessionToken: c.SessionToken,
              expiration: c.Expiration,
            };
          };
          try {
            session.useCredentials(target.id, await assume(), assume);
            return { ...target, access: 'assumed-role', roleArn };
          } catch (error) {
            if (signal.aborted) throw error;
            const reason = error instanceof Error ? error.message : String(error);
            return {
              ...target,
              access: 'assumed-role',
              roleArn,
              error: `cannot assume ${roleArn}: ${reason}`,
              cause: { ...awsCause(error), message: `cannot assume ${roleArn}: ${reason}` },
            };
          }
        }),
    );
    const accounts = await Promise.all(reached.map((account) => withRegionOptIn(context, account, regions)));
    return {
      mode: settings.organization ? 'organization' : 'single',
      callerAccount,
      partition,
      regions,
      accounts,
      ...(outOfScope.length > 0 ? { outOfScope } : {}),
    };
  },
});
