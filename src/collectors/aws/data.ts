import type { FailureCause } from '../../engine/types.js';

/**
 * Shapes of the AWS data keys. Every value is a list keyed by account (and region for AWS Config), so a
 * single account and a whole AWS Organization look the same to checks. A scope that could not be read
 * (role not assumable, call denied in that account) is kept with its error: checks report it as not
 * checked instead of passing by finding nothing.
 */

export type ScopeResult<T, S extends object = { accountId: string }> =
  | (S & { status: 'ok'; value: T })
  /** `error` says what failed in words; `cause` classifies it (see FailureCause). */
  | (S & { status: 'error'; error: string; cause: FailureCause });

export type AccountResult<T> = ScopeResult<T>;
export type RegionResult<T> = ScopeResult<T, { accountId: string; region: string }>;

export interface AwsAccount {
  id: string;
  name?: string;
  /** How the scanner reached the account: the caller's own credentials or an assumed role. */
  access: 'caller' | 'assumed-role';
  roleArn?: string;
  /** Set when the role could not be assumed; the account is then reported as not checked. */
  error?: string;
  cause?: FailureCause;
  /** Scanned opt-in regions this account has not enabled: out of scope for it, never reported. */
  disabledRegions?: string[];
  /** Why the account's region opt-in status could not be read (account:ListRegions); all regions scanned. */
  regionOptInCause?: FailureCause;
}

export interface AwsAccounts {
  mode: 'single' | 'organization';
  callerAccount: string;
  partition: string;
  regions: string[];
  accounts: AwsAccount[];
  /** Accounts and regions the config's `scope:` left out, not collected: `account/<id>` or `region/<name>`. */
  outOfScope?: { scope: string; rule: string }[];
}

/** One row of the IAM credential report, columns exactly as AWS names them. */
export interface CredentialReportRow {
  user: string;
  arn: string;
  user_creation_time: string;
  password_enabled: string;
  password_last_used: string;
  password_last_changed: string;
  password_next_rotation: string;
  mfa_active: string;
  access_key_1_active: string;
  access_key_1_last_rotated: string;
  access_key_1_last_used_date: string;
  access_key_1_last_used_region: string;
  access_key_1_last_used_service: string;
  access_key_2_active: string;
  access_key_2_last_rotated: string;
  access_key_2_last_used_date: string;
  access_key_2_last_used_region: string;
  access_key_2_last_used_service: string;
  cert_1_active: string;
  cert_1_last_rotated: string;
  cert_2_active: string;
  cert_2_last_rotated: string;
  [column: string]: string;
}

export interface CredentialReport {
  generatedAt?: string;
  rows: CredentialReportRow[];
}

/** GetAccountSummary's SummaryMap, e.g. AccountMFAEnabled, AccountAccessKeysPresent, Users. */
export type AccountSummary = Record<string, number>;

/**
 * One assigned virtual MFA device (IAM ListVirtualMFADevices, AssignmentStatus=Assigned): its serial
 * number (the device ARN) and the ARN of the user it is assigned to, `arn:<partition>:iam::<account>:root`
 * for the root user. The seed and QR code fields of the API's VirtualMFADevice are never kept.
 */
export interface VirtualMfaDevice {
  serialNumber: string;
  userArn?: string;
  enableDate?: string;
}

/** GetAccountPasswordPolicy; `null` when the account has no password policy (NoSuchEntity). */
export interface PasswordPolicy {
  MinimumPasswordLength?: number;
  RequireSymbols?: boolean;
  RequireNumbers?: boolean;
  RequireUppercaseCharacters?: boolean;
  RequireLowercaseCharacters?: boolean;
  AllowUsersToChangePassword?: boolean;
  ExpirePasswords?: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}

export interface PolicyStatement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: unknown;
  Principal?: unknown;
  Sid?: string;
}
export interface PolicyDocument {
  Version?: string;
  Statement?: PolicyStatement | PolicyStatement[];
}

export interface AttachedPolicy {
  name: string;
  arn: string;
}
export interface InlinePolicy {
  name: string;
  /** Decoded from the URL-encoded JSON IAM returns. */
  document: PolicyDocument;
}

export interface IamUser {
  name: string;
  arn: string;
  createDate?: string;
  groups: string[];
  attachedPolicies: AttachedPolicy[];
  inlinePolicies: InlinePolicy[];
  tags: Record<string, string>;
}
export interface IamGroup {
  name: string;
  arn: string;
  attachedPolicies: AttachedPolicy[];
  inlinePolicies: InlinePolicy[];
}
export interface IamRole {
  name: string;
  arn: string;
  path: string;
  attachedPolicies: AttachedPolicy[];
  inlinePolicies: InlinePolicy[];
  assumeRolePolicy?: PolicyDocument;
  lastUsed?: string;
}
export interface ManagedPolicy {
  name: string;
  arn: string;
  attachmentCount: number;
  /** The default version's document. */
  document?: PolicyDocument;
}

/** GetAccountAuthorizationDetails for users, groups, roles and customer managed policies. */
export interface AuthorizationDetails {
  users: IamUser[];
  groups: IamGroup[];
  roles: IamRole[];
  policies: ManagedPolicy[];
}

export interface ConfigRecorder {
  name: string;
  roleArn?: string;
  allSupported: boolean;
  includeGlobalResourceTypes: boolean;
  resourceTypes: string[];
  exclusionResourceTypes: string[];
  recordingStrategy?: string;
  recording: boolean;
  lastStatus?: string;
  lastErrorCode?: string;
  lastStartTime?: string;
  lastStopTime?: string;
}
export interface DeliveryChannel {
  name: string;
  s3BucketName?: string;
  snsTopicARN?: string;
  snapshotFrequency?: string;
  /** lastStatus of config history delivery: SUCCESS | FAILURE | NOT_APPLICABLE. */
  historyStatus?: string;
  snapshotStatus?: string;
  streamStatus?: string;
  lastErrorCode?: string;
}
export interface ConfigRecorders {
  recorders: ConfigRecorder[];
  deliveryChannels: DeliveryChannel[];
}

export interface NonCompliantResource {
  resourceType: string;
  resourceId: string;
  annotation?: string;
}
export interface ConfigRuleCompliance {
  rule: string;
  compliance: string;
  nonCompliant: NonCompliantResource[];
  /** True when AWS capped the count (CappedCount) or the list was cut at the page limit. */
  truncated?: boolean;
}

/** A configuration item as returned by an advanced query. */
export interface ConfigItem {
  accountId: string;
  awsRegion: string;
  resourceType: string;
  resourceId: string;
  resourceName?: string;
  arn?: string;
  configuration: Record<string, unknown>;
  supplementaryConfiguration: Record<string, unknown>;
  tags?: { key: string; value: string }[];
}

/** Whether Config records a region (and which types), so checks can tell "none found" from "not recorded". */
export interface ConfigCoverage {
  accountId: string;
  region: string;
  recording: boolean;
  /** 'all' or the recorded resource types; excluded types are listed in `excluded`. */
  resourceTypes: 'all' | string[];
  excluded?: string[];
  /** Why nothing could be read here (role not assumed, query denied...). */
  error?: string;
  cause?: FailureCause;
}

export interface ConfigResources {
  source: 'account' | 'aggregator';
  aggregator?: string;
  coverage: ConfigCoverage[];
  items: ConfigItem[];
}

/** A trail, asked about in the account that recorded it and its home region. */
export interface TrailScope {
  accountId: string;
  region: string;
  /** The trail's ARN (its name where the item has no ARN). */
  trail: string;
  /** The configuration item's resourceId, which the checks know the trail by. */
  resourceId: string;
}

/** GetEventSelectors: basic selectors or advanced ones (a trail has one kind or the other). */
export interface TrailSelectors {
  eventSelectors: {
    readWriteType?: string;
    includeManagementEvents?: boolean;
    excludeManagementEventSources: string[];
    /** The DataResources types (AWS::S3::Object, AWS::Lambda::Function...): data events, not management. */
    dataResourceTypes: string[];
  }[];
  advancedEventSelectors: {
    name?: string;
    fieldSelectors: {
      field: string;
      equals?: string[];
      notEquals?: string[];
      startsWith?: string[];
      notStartsWith?: string[];
      endsWith?: string[];
      notEndsWith?: string[];
    }[];
  }[];
}

declare module '../../engine/data-map.js' {
  interface DataMap {
    'aws.accounts': AwsAccounts;
    'aws.iam.credentialReport': AccountResult<CredentialReport>[];
    'aws.iam.accountSummary': AccountResult<AccountSummary>[];
    'aws.iam.passwordPolicy': AccountResult<PasswordPolicy | null>[];
    'aws.iam.authorizationDetails': AccountResult<AuthorizationDetails>[];
    /** Supplementary: a denied listing stays a per-account error (see ScopeOptions.supplementary). */
    'aws.iam.virtualMfaDevices': AccountResult<VirtualMfaDevice[]>[];
    'aws.config.recorders': RegionResult<ConfigRecorders>[];
    'aws.config.compliance': RegionResult<ConfigRuleCompliance[]>[];
    'aws.config.resources': ConfigResources;
    /**
     * Through an aggregator: the resources it holds per scanned account and region; an account-region
     * whose source last update FAILED or is OUTDATED is an error entry (not current, not checked).
     */
    'aws.config.aggregatorCoverage': RegionResult<number>[];
    'aws.cloudtrail.eventSelectors': ScopeResult<TrailSelectors, TrailScope>[];
  }
}
