import { recorded } from '../../engine/calls.js';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { AccountClient } from '@aws-sdk/client-account';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { Config } from '../../core/config.js';
import { isTimeout, TimeoutBreaker } from '../../core/breaker.js';
import { requestTimeoutMs } from '../../core/request-timeout.js';

export const DEFAULT_ASSUME_ROLE = 'soc2-audit';
export const DEFAULT_REGION = 'us-east-1';
const DEFAULT_MAX_ATTEMPTS = 8;

export interface AwsSettings {
  profile?: string;
  /** Regions scanned for AWS Config; IAM, STS and Organizations are global. */
  regions: string[];
  organization: boolean;
  assumeRole: string;
  externalId?: string;
  accounts?: string[];
  configAggregator?: string;
  maxAttempts: number;
  /** Fixed exponential backoff base (ms) instead of the SDK's adaptive mode; tests set it small. */
  retryBaseMs?: number;
  /** Wait between credential report polls. */
  pollMs: number;
  /** Per HTTP request (connection and each wait for data); a timed-out request is retried by the SDK. */
  requestTimeoutMs: number;
}

export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

type Service = 'iam' | 'config' | 'sts' | 'organizations' | 'cloudtrail' | 'account';
interface SdkClient {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { commandName?: string; soc2Input?: Record<string, unknown> },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize' | 'deserialize'; name: string },
    ): void;
  };
}

const RENEW_BEFORE_MS = 5 * 60_000;

/** SDK clients per account and region, the credentials of assumed roles, and request counts. */
export class AwsSession {
  /** HTTP attempts per `service:Operation` (retries included). */
  readonly requests = new Map<string, number>();
  /** Operations started per `service:Operation` (one per SDK send, whatever its retries). */
  readonly operations = new Map<string, number>();
  private readonly credentials = new Map<string, () => Promise<AwsCredentialIdentity>>();
  private readonly clients = new Map<string, unknown>();
  /** One per service endpoint: IAM's global one, and Config's, STS's, Organizations' per region. */
  private readonly breakers = new Map<string, TimeoutBreaker>();
  /**
   * One connection pool for every client: the clients differ per account and region, but many reach
   * the same endpoint (IAM's is global), and a connection (a TLS handshake on real AWS) can serve any
   * account, since each request carries its own signature.
   */
  private readonly agents = {
    httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 50 }),
    httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 50 }),
  };

  constructor(readonly settings: AwsSettings) {}

  /**
   * Accounts reached by an assumed role use its credentials; the caller's own account uses the default
   * chain. Assumed-role credentials last an hour: `renew` assumes the role again once they are within
   * five minutes of expiring, so a long scan never signs with expired credentials.
   */
  useCredentials(
    accountId: string,
    credentials: AwsCredentialIdentity,
    renew: () => Promise<AwsCredentialIdentity>,
    now: () => number = Date.now,
  ): void {
    let current = credentials;
    let renewing: Promise<AwsCredentialIdentity> | undefined;
    this.credentials.set(accountId, async () => {
      const expires = current.expiration?.getTime();
      if (expires === undefined || expires - now() > RENEW_BEFORE_MS) return current;
      renewing ??= renew().finally(() => (renewing = undefined));
      current = await renewing;
      return current;
    });
  }

  /** The credentials an account's clients sign with (undefined: the default chain). */
  credentialsOf(accountId: string): (() => Promise<AwsCredentialIdentity>) | undefined {
    return this.credentials.get(accountId);
  }

  iam(accountId?: string): IAMClient {
    return this.client('iam', accountId, this.settings.regions[0]!, (c) => new IAMClient(c));
  }
  config(accountId: string | undefined, region: string): ConfigServiceClient {
    return this.client('config', accountId, region, (c) => new ConfigServiceClient(c));
  }
  cloudtrail(accountId: string | undefined, region: string): CloudTrailClient {
    return this.client('cloudtrail', accountId, region, (c) => new CloudTrailClient(c));
  }
  /** AWS Account Management (region opt-in status); a global service like IAM. */
  account(accountId?: string): AccountClient {
    return this.client('account', accountId, this.settings.regions[0]!, (c) => new AccountClient(c));
  }
  sts(): STSClient {
    return this.client('sts', undefined, this.settings.regions[0]!, (c) => new STSClient(c));
  }
  organizations(): OrganizationsClient {
    return this.client(
      'organizations',
      undefined,
      this.settings.regions[0]!,
      (c) => new OrganizationsClient(c),
    );
  }

  /** The accounts whose roles were used (the caller's own account is named by aws.accounts). */
  readonly accountsRead = new Set<string>();

  source(): Record<string, string | string[]> {
    return { awsAccounts: [...this.accountsRead].sort(), awsRegions: [...this.settings.regions] };
  }

  stats(): Record<string, number | string> {
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const out: Record<string, number | string> = {
      requests: sum(this.requests),
      retries: sum(this.requests) - sum(this.operations),
    };
    for (const [op, n] of [...this.requests].sort()) out[`requests.${op}`] = n;
    return out;
  }

  private client<T>(
    service: Service,
    accountId: string | undefined,
    region: string,
    make: (config: Record<string, unknown>) => T,
  ): T {
    const cacheKey = `${service}/${accountId ?? '-'}/${region}`;
    const cached = this.clients.get(cacheKey) as T | undefined;
    if (cached) return cached;
    const { maxAttempts, retryBaseMs, profile, requestTimeoutMs } = this.settings;
    const credentials = accountId ? this.credentials.get(accountId) : undefined;
    // No `endpoint` here: the SDK's AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> overrides must keep working.
    const client = make({
      region,
      maxAttempts,
      // This SDK version only warns on a request timeout unless told to throw.
      requestHandler: {
        connectionTimeout: requestTimeoutMs,
        requestTimeout: requestTimeoutMs,
        throwOnRequestTimeout: true,
        ...this.agents,
      },
      ...(retryBaseMs !== undefined
        ? { retryStrategy: new ConfiguredRetryStrategy(maxAttempts, (attempt) => retryBaseMs * 2 ** attempt) }
        : { retryMode: 'adaptive' }),
      ...(credentials ? { credentials } : profile ? { profile } : {}),
    });
    const count = (map: Map<string, number>) => (name: string) => map.set(name, (map.get(name) ?? 0) + 1);
    const countOperation = count(this.operations);
    const countRequest = count(this.requests);
    const stack = (client as unknown as SdkClient).middlewareStack;
    const scope = { ...(accountId ? { account: accountId } : {}), region };
    stack.add(
      (next, context) => (args) => {
        countOperation(`${service}:${context.commandName?.replace(/Command$/, '')}`);
        context.soc2Input = (args as { input?: Record<string, unknown> }).input;
        return next(args);
      },
      { step: 'initialize', name: 'soc2CountOperations' },
    );
    stack.add(
      (next, context) => (args) => {
        const operation = `${service}:${context.commandName?.replace(/Command$/, '')}`;
        countRequest(operation);
        if (accountId) this.accountsRead.add(accountId);
        return recorded(operation, { ...scope, ...context.soc2Input }, () => next(args));
      },
      { step: 'deserialize', name: 'soc2CountRequests' },
    );
    const endpoint = `AWS ${service} endpoint in ${region}`;
    let breaker = this.breakers.get(endpoint);
    if (!breaker) this.breakers.set(endpoint, (breaker = new TimeoutBreaker(endpoint, requestTimeoutMs)));
    const watched = breaker;
    stack.add(
      (next) => async (args) => {
        watched.check();
        try {
          const out = await next(args);
          watched.answered();
          return out;
        } catch (error) {
          if (isTimeout(error)) watched.timedOut();
          else if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode)
            watched.answered();
          throw error;
        }
      },
      { step: 'deserialize', name: 'soc2TimeoutBreaker' },
    );
    this.clients.set(cacheKey, client);
    return client;
  }
}

function nonNegative(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Regions: `providers.aws.regions`, else the SDK's region (AWS_REGION, the profile's region), else us-east-1. */
export async function resolveSettings(config: Config, env: NodeJS.ProcessEnv): Promise<AwsSettings> {
  const aws = config.providers.aws ?? {};
  let regions = aws.regions;
  if (!regions || regions.length === 0) {
    const fromEnv = env.AWS_REGION || env.AWS_DEFAULT_REGION;
    let region = fromEnv;
    if (!region) {
      try {
        region = await new STSClient(aws.profile ? { profile: aws.profile } : {}).config.region();
      } catch {
        region = undefined;
      }
    }
    regions = [region || DEFAULT_REGION];
  }
  return {
    profile: aws.profile,
    regions: [...new Set(regions)],
    organization: aws.organization ?? false,
    assumeRole: aws.assumeRole ?? DEFAULT_ASSUME_ROLE,
    externalId: aws.externalId,
    accounts: aws.accounts,
    configAggregator: aws.configAggregator,
    maxAttempts: nonNegative(env.SOC2_AWS_MAX_ATTEMPTS) || DEFAULT_MAX_ATTEMPTS,
    retryBaseMs: nonNegative(env.SOC2_AWS_RETRY_BASE_MS),
    pollMs: nonNegative(env.SOC2_AWS_POLL_MS) ?? 2000,
    requestTimeoutMs: requestTimeoutMs(env),
  };
}
