// The configuration items the demo records are checked against the official AWS Config resource
// schema (awslabs/aws-config-resource-schema, Apache-2.0), vendored in
// test/fixtures/vendor-schemas/aws-config: every property path of an item must be one AWS Config
// documents for its resource type, so the checks read the names real items carry.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES } from '../../src/collectors/aws/config.js';
import { packageRoot } from '../../src/core/paths.js';

const SCHEMAS = join(packageRoot, 'test/fixtures/vendor-schemas/aws-config');
const fileOf = (type: string) => `${type.replace(/::/g, '_')}.properties.json`;
const schema = (type: string) =>
  Object.keys(JSON.parse(readFileSync(join(SCHEMAS, fileOf(type)), 'utf8')) as Record<string, string>);

/**
 * Paths the schema does not list (it lists the properties advanced queries can select), documented
 * elsewhere: the bucket policy and the Lambda function policy as JSON text (the items the
 * s3-bucket-ssl-requests-only and lambda-function-public-access-prohibited managed rules evaluate), and
 * the tag-based parts of a backup selection
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupSelection.html).
 */
const DOCUMENTED_ELSEWHERE = [
  // The bucket owner, in the example S3 item of
  // https://docs.aws.amazon.com/config/latest/developerguide/example-configuration-item.html
  /^configuration\.owner\.(displayName|id)$/,
  /^supplementaryConfiguration\.BucketPolicy\.policyText$/,
  /^supplementaryConfiguration\.Policy$/,
  /^configuration\.BackupSelection\.(ListOfTags|Conditions)\./,
];

/** Property paths of a value: objects by key, arrays through their elements, leaves as they are. */
export function paths(value: unknown, prefix: string): string[] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v) => paths(v, prefix)) : [prefix];
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([k, v]) => paths(v, `${prefix}.${k}`)) : [prefix];
  }
  return [prefix];
}

function unknownPaths(item: Record<string, unknown>, keys: readonly string[]): string[] {
  const known = (path: string) =>
    keys.includes(path) ||
    keys.some((k) => k.startsWith(`${path}.`)) ||
    DOCUMENTED_ELSEWHERE.some((re) => re.test(path));
  return [
    ...paths(item.configuration ?? {}, 'configuration'),
    ...paths(item.supplementaryConfiguration ?? {}, 'supplementaryConfiguration'),
  ].filter((p) => p !== 'configuration' && p !== 'supplementaryConfiguration' && !known(p));
}

describe('AWS Config item shapes', () => {
  it('has the official schema of every resource type the advanced query selects', () => {
    const vendored = new Set(readdirSync(SCHEMAS));
    expect(RESOURCE_TYPES.filter((t) => !vendored.has(fileOf(t)))).toEqual([]);
  });

  it('finds an unknown property path, and accepts array elements and documented extras', () => {
    const keys = schema('AWS::EC2::Instance');
    expect(unknownPaths({ configuration: { metadataOptions: { httpTokens: 'required' } } }, keys)).toEqual(
      [],
    );
    expect(unknownPaths({ configuration: { metadataOptions: { HttpTokens: 'required' } } }, keys)).toEqual([
      'configuration.metadataOptions.HttpTokens',
    ]);
    expect(
      unknownPaths(
        { configuration: { networkInterfaces: [{ association: { publicIp: '203.0.113.1' } }] } },
        keys,
      ),
    ).toEqual([]);
  });

  it('records demo items whose every property is one AWS Config documents for the type', () => {
    const demo = JSON.parse(readFileSync(join(packageRoot, 'demo/snapshot/aws.json'), 'utf8')) as {
      data: { 'aws.config.resources': { value: { items: Record<string, unknown>[] } } };
    };
    const items = demo.data['aws.config.resources'].value.items;
    const wrong = items.flatMap((item) => {
      const type = String(item.resourceType);
      return unknownPaths(item, schema(type)).map((p) => `${type} ${String(item.resourceId)}: ${p}`);
    });
    expect(wrong).toEqual([]);
    // Every type the checks read has a demo example, except two the demo company does not use: Aurora
    // clusters and account-level Block Public Access.
    expect(RESOURCE_TYPES.filter((t) => !items.some((i) => i.resourceType === t))).toEqual([
      'AWS::S3::AccountPublicAccessBlock',
      'AWS::RDS::DBCluster',
    ]);
  });
});
