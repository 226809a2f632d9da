import { describe, expect, it } from 'vitest';
import { locationRule, patternRule } from '../../src/engine/audit-scope.js';

describe('scope rules', () => {
  it('include lists keep only what they match; exclude patterns win over them', () => {
    const accounts = { include: ['1111*'], exclude: ['111122223333'] };
    expect(patternRule(accounts, ['111100000000'], 'scope.aws.accounts')).toBeUndefined();
    expect(patternRule(accounts, ['222200000000'], 'scope.aws.accounts')).toBe(
      'scope.aws.accounts.include (1111*)',
    );
    expect(patternRule(accounts, ['111122223333'], 'scope.aws.accounts')).toBe(
      'scope.aws.accounts.exclude: 111122223333',
    );
    expect(patternRule(undefined, ['x'], 'scope.aws.accounts')).toBeUndefined();
  });

  it('an org unit pattern covers the unit and its children, not its namesakes', () => {
    const scope = { google: { orgUnits: { exclude: ['/Sales'] } } };
    expect(locationRule(scope, { orgUnit: '/Sales/EMEA' })).toBe('scope.google.orgUnits.exclude: /Sales');
    expect(locationRule(scope, { orgUnit: '/SalesOps' })).toBeUndefined();
    expect(locationRule({ google: { orgUnits: { include: ['/Engineering'] } } }, { orgUnit: '/' })).toBe(
      'scope.google.orgUnits.include (/Engineering)',
    );
  });

  it('tags: unknown tags never exclude; known tags must match an include', () => {
    const scope = { tags: { include: ['env=prod'], exclude: ['env=staging'] } };
    expect(locationRule(scope, {})).toBeUndefined(); // the data carries no tags for it
    expect(locationRule(scope, { tags: { env: 'prod' } })).toBeUndefined();
    expect(locationRule(scope, { tags: {} })).toBe('scope.tags.include (env=prod)');
    expect(locationRule({ tags: { exclude: ['env=stag*'] } }, { tags: { env: 'staging', team: 'x' } })).toBe(
      'scope.tags.exclude: env=stag*',
    );
  });

  it('names the first dimension that excludes, in a fixed order', () => {
    const scope = { aws: { regions: { exclude: ['eu-*'] } }, tags: { exclude: ['env=staging'] } };
    expect(locationRule(scope, { account: '1', region: 'eu-west-1', tags: { env: 'staging' } })).toBe(
      'scope.aws.regions.exclude: eu-*',
    );
    expect(locationRule(scope, { repository: 'org/repo' })).toBeUndefined();
  });
});
