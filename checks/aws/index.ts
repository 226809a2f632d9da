import type { AnyCheck } from '../../src/engine/check.js';
import cloudtrailMultiRegion from './cloudtrail-multi-region/check.js';
import configRecording from './config-recording/check.js';
import configRuleCompliance from './config-rule-compliance/check.js';
import dynamodbPitr from './dynamodb-pitr/check.js';
import ebsEncryption from './ebs-encryption/check.js';
import ec2OpenAdminPorts from './ec2-open-admin-ports/check.js';
import iamAccessKeyRotation from './iam-access-key-rotation/check.js';
import iamAdminAccess from './iam-admin-access/check.js';
import iamConsoleMfa from './iam-console-mfa/check.js';
import iamPasswordPolicy from './iam-password-policy/check.js';
import iamRootAccessKeys from './iam-root-access-keys/check.js';
import iamRootMfa from './iam-root-mfa/check.js';
import iamRootRecentUse from './iam-root-recent-use/check.js';
import iamUnusedCredentials from './iam-unused-credentials/check.js';
import iamUserAttachedPolicies from './iam-user-attached-policies/check.js';
import kmsKeyRotation from './kms-key-rotation/check.js';
import rdsBackupRetention from './rds-backup-retention/check.js';
import rdsEncryption from './rds-encryption/check.js';
import rdsMultiAz from './rds-multi-az/check.js';
import rdsPublicAccess from './rds-public-access/check.js';
import s3Encryption from './s3-encryption/check.js';
import s3PublicAccessBlock from './s3-public-access-block/check.js';
import s3Versioning from './s3-versioning/check.js';

export const awsChecks: AnyCheck[] = [
  cloudtrailMultiRegion,
  configRecording,
  configRuleCompliance,
  dynamodbPitr,
  ebsEncryption,
  ec2OpenAdminPorts,
  iamAccessKeyRotation,
  iamAdminAccess,
  iamConsoleMfa,
  iamPasswordPolicy,
  iamRootAccessKeys,
  iamRootMfa,
  iamRootRecentUse,
  iamUnusedCredentials,
  iamUserAttachedPolicies,
  kmsKeyRotation,
  rdsBackupRetention,
  rdsEncryption,
  rdsMultiAz,
  rdsPublicAccess,
  s3Encryption,
  s3PublicAccessBlock,
  s3Versioning,
];
