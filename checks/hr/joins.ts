import type { Person } from '../../src/collectors/hr/data.js';
import { notChecked as notCheckedFinding } from '../../src/engine/scope.js';
import type { Finding } from '../../src/engine/types.js';
import {
  allowListed,
  rosterMatcher,
  type Account,
  type IdentitySystem,
  type Unreadable,
} from './accounts.js';
import { addDays, daysSince } from '../../src/engine/days.js';
import { describePerson } from './people.js';

/** Accounts of a system that could not be read: not checked, never a pass or a fail. */
function notChecked(unreadable: readonly Unreadable[]): Finding[] {
  return unreadable.map((u) =>
    notCheckedFinding(u.resource, u.cause ?? { kind: 'other', message: u.error }, 'accounts'),
  );
}

/** Terminated people against one system: every still-usable account past the deadline fails. */
export function offboardingFindings(
  system: IdentitySystem,
  people: readonly Person[],
  found: { accounts: Account[]; unreadable: Unreadable[] },
  deadlineDays: number,
  now: Date,
): Finding[] {
  const title = system.title;
  const findings: Finding[] = notChecked(found.unreadable);
  const terminated = people.filter((p) => p.status === 'terminated');
  const ownersOf = rosterMatcher(terminated);
  const accountsOf = new Map<Person, Array<{ account: Account; by: string }>>();
  for (const account of found.accounts)
    for (const { person, by } of ownersOf(account)) {
      const owned = accountsOf.get(person);
      if (owned) owned.push({ account, by });
      else accountsOf.set(person, [{ account, by }]);
    }
  for (const person of terminated) {
    const owned = accountsOf.get(person) ?? [];
    const active = owned.filter((x) => x.account.active);
    const since = person.endDate ? daysSince(person.endDate, now) : undefined;
    const when = person.endDate
      ? `terminated on ${person.endDate}`
      : 'terminated (no end_date in the roster)';
    if (active.length === 0) {
      findings.push({
        resource: `hr:${person.email}`,
        status: 'pass',
        message: `${describePerson(person)} ${when}: no active ${title}${owned.length > 0 ? ` (${owned.map((x) => `${x.account.name}: ${x.account.access}`).join('; ')})` : ''}`,
      });
      continue;
    }
    for (const { account, by } of active) {
      const details = {
        person: person.email,
        endDate: person.endDate ?? null,
        daysSinceTermination: since ?? null,
        deadlineDays,
        access: account.access,
        matchedBy: by,
      };
      const late = since === undefined || since > deadlineDays;
      findings.push({
        resource: account.resource,
        status: late ? 'fail' : 'pass',
        message: late
          ? `${describePerson(person)} ${when}${since !== undefined ? ` (${since} days ago, deadline ${deadlineDays})` : ''} but ${title} ${account.name} is still active: ${account.access}`
          : `${describePerson(person)} ${when}; ${title} ${account.name} is still active (${account.access}), remove by ${addDays(person.endDate!, deadlineDays)}`,
        details,
      });
    }
  }
  if (findings.length === 0) {
    findings.push({
      resource: system.scope,
      status: 'pass',
      message: `no terminated people in the roster to check against ${found.accounts.length} ${title}s`,
    });
  }
  return findings;
}

/** Usable accounts in one system that belong to no one in the roster, unless allow-listed. */
export function orphanFindings(
  system: IdentitySystem,
  people: readonly Person[],
  found: { accounts: Account[]; unreadable: Unreadable[] },
  allow: readonly string[],
): Finding[] {
  const title = system.title;
  const findings: Finding[] = notChecked(found.unreadable);
  const active = found.accounts.filter((a) => a.active);
  const ownersOf = rosterMatcher(people);
  let matched = 0;
  for (const account of active) {
    if (ownersOf(account).length > 0) {
      matched++;
      continue;
    }
    const pattern = allowListed(account.name, allow);
    findings.push(
      pattern
        ? {
            resource: account.resource,
            status: 'pass',
            message: `${title} ${account.name} matches no person but is allow-listed ('${pattern}')`,
          }
        : {
            resource: account.resource,
            status: 'fail',
            message: `${title} ${account.name} (${account.access}) matches no one in the HR roster`,
            details: { access: account.access },
          },
    );
  }
  findings.push({
    resource: system.scope,
    status: 'pass',
    message: `${matched} of ${active.length} active ${title}s belong to a person in the roster`,
  });
  return findings;
}
