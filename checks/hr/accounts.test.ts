import { describe, expect, it } from 'vitest';
import { person } from '../../test/harness/people-builders.js';
import { rosterMatcher, type Account } from './accounts.js';

function account(system: string, name: string, emails: string[] = []): Account {
  return { system, resource: `${system}:${name}`, name, active: true, access: 'console', emails };
}

describe('rosterMatcher', () => {
  const ann = person({ email: 'ann@co.example', awsUser: 'Ann.Admin', github: 'ann-gh' });
  const bob = person({ email: 'bob@co.example' });
  const owners = (people: ReturnType<typeof person>[], acc: Account) =>
    rosterMatcher(people)(acc).map(({ person: p, by }) => `${p.email} by ${by}`);

  it('matches an AWS user by aws_user (any case), by email as user name, then by email tag', () => {
    expect(owners([ann, bob], account('aws', 'ann.admin'))).toEqual(['ann@co.example by aws_user']);
    expect(owners([ann, bob], account('aws', 'Bob@co.example'))).toEqual([
      'bob@co.example by email = user name',
    ]);
    expect(owners([ann, bob], account('aws', 'deploy', ['bob@co.example']))).toEqual([
      'bob@co.example by email tag',
    ]);
  });

  it('gives every person an account names, in roster order, whatever order the emails come in', () => {
    expect(
      owners([ann, bob], account('google', 'shared@co.example', ['bob@co.example', 'ann@co.example'])),
    ).toEqual(['ann@co.example by email alias', 'bob@co.example by email alias']);
  });

  it('matches a GitHub login exactly and never by an email of another system', () => {
    expect(owners([ann, bob], account('github', 'ann-gh'))).toEqual(['ann@co.example by github']);
    expect(owners([ann, bob], account('github', 'ann@co.example'))).toEqual([]);
    expect(owners([ann, bob], account('github', 'nobody'))).toEqual([]);
  });

  it('matches a plugin system only by its emails', () => {
    expect(owners([ann, bob], account('okta', 'bob@co.example'))).toEqual([]);
    expect(owners([ann, bob], account('okta', 'bob', ['bob@co.example']))).toEqual([
      'bob@co.example by email',
    ]);
  });
});
