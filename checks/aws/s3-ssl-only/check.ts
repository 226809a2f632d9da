import type { PolicyStatement } from '../../../src/collectors/aws/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import {
  anyonePrincipal,
  itemFinding,
  itemName,
  policyStatements,
  policyValues,
  resourceCheck,
  sameWord,
  supplementary,
} from '../support.js';

/** A statement denying every S3 action to everyone over plain HTTP (`aws:SecureTransport` false). */
function deniesPlainHttp(statement: PolicyStatement): boolean {
  if (!sameWord(statement.Effect, 'Deny') || !anyonePrincipal(statement)) return false;
  if (!policyValues(statement.Action).some((a) => a === '*' || a.toLowerCase() === 's3:*')) return false;
  const bool = Object.entries((statement.Condition ?? {}) as Record<string, Record<string, unknown>>).find(
    ([operator]) => sameWord(operator, 'Bool'),
  )?.[1];
  const secure = Object.entries(bool ?? {}).find(([key]) => sameWord(key, 'aws:SecureTransport'))?.[1];
  return policyValues(secure).some((v) => sameWord(v, 'false'));
}

export default defineCheck({
  id: 'aws.s3-ssl-only',
  title: 'S3 buckets refuse plain HTTP',
  provider: 'aws',
  severity: 'medium',
  description:
    'Every S3 bucket policy (supplementaryConfiguration.BucketPolicy.policyText) denies all S3 actions (`s3:*`) to every principal when `aws:SecureTransport` is false.',
  risk: 'A bucket that accepts plain HTTP lets clients send credentials-signed requests and data unencrypted across networks.',
  remediation:
    'Add a statement `{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::NAME","arn:aws:s3:::NAME/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}` to the bucket policy.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(data['aws.config.resources'], 'AWS::S3::Bucket', 'S3 buckets', (item) => {
      const name = itemName(item, 'name');
      const policy =
        supplementary<{ policyText?: string | null }>(item, 'BucketPolicy')?.policyText ?? undefined;
      const ok = policyStatements(policy).some(deniesPlainHttp);
      return itemFinding(
        item,
        ok,
        ok
          ? `bucket ${name} denies requests over plain HTTP`
          : policy
            ? `bucket ${name} policy does not deny requests over plain HTTP (aws:SecureTransport false)`
            : `bucket ${name} has no bucket policy, so plain HTTP requests are allowed`,
        { hasBucketPolicy: Boolean(policy), sslOnly: ok },
      );
    });
  },
});
