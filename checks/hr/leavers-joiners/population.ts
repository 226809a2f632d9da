import type { Person } from '../../../src/collectors/hr/data.js';
import type { GithubMember } from '../../../src/collectors/github/data.js';
import type { MembershipEvents } from '../../../src/collectors/github/period-data.js';
import type { GoogleUserEvent } from '../../../src/collectors/google/period-collectors.js';
import { addDays } from '../../../src/engine/days.js';
import { definePopulation, inPeriod, type PopulationBuild } from '../../../src/engine/population.js';

/** One system's view of a person: their account there, when it was removed or granted, and whether it is still usable. */
interface SystemJoin {
  system: string;
  /** The person's account name there, or undefined: they have none in the roster. */
  account(person: Person): string | undefined;
  removedAt(account: string, from: string): { at: string; by: string | null } | undefined;
  grantedAt(account: string, from: string): { at: string; by: string | null } | undefined;
  activeAtScan(account: string): boolean;
}

interface Event {
  kind: 'removed' | 'granted';
  account: string;
  at: string;
  by: string | null;
}

const first = (events: readonly Event[], kind: Event['kind'], account: string, from: string) =>
  events.find((e) => e.kind === kind && e.account === account && e.at.slice(0, 10) >= from);

function githubJoin(log: MembershipEvents, members: readonly GithubMember[]): SystemJoin {
  const events: Event[] = (log.available ? log.events : []).map((e) => ({
    kind: e.action === 'org.remove_member' ? 'removed' : 'granted',
    account: (e.user ?? '').toLowerCase(),
    at: e.at,
    by: e.actor,
  }));
  const active = new Set(members.map((m) => m.login.toLowerCase()));
  return {
    system: 'GitHub organization membership',
    account: (person) => person.github,
    removedAt: (account, from) => first(events, 'removed', account, from),
    grantedAt: (account, from) => first(events, 'granted', account, from),
    activeAtScan: (account) => active.has(account),
  };
}

function googleJoin(
  userEvents: readonly GoogleUserEvent[],
  users: readonly Record<string, unknown>[],
): SystemJoin {
  const events: Event[] = userEvents.map((e) => ({
    kind: e.name === 'CREATE_USER' ? 'granted' : 'removed',
    account: e.user,
    at: e.time,
    by: e.actor || null,
  }));
  const active = new Set(
    users.filter((u) => !u.suspended && !u.archived).map((u) => String(u.primaryEmail).toLowerCase()),
  );
  return {
    system: 'Google Workspace account',
    account: (person) => person.email,
    removedAt: (account, from) => first(events, 'removed', account, from),
    grantedAt: (account, from) => first(events, 'granted', account, from),
    activeAtScan: (account) => active.has(account),
  };
}

/**
 * Every termination and hire in the roster dated in the period, joined to when access was actually
 * removed or granted: GitHub organization membership (org audit log: org.remove_member, org.add_member)
 * and Google Workspace accounts (Admin audit log: SUSPEND_USER, DELETE_USER, CREATE_USER). The deadline
 * is hr.offboarding-github's deadlineDays after the end date. A system that cannot be read is named under
 * notChecked and claims no deviation.
 */
export default definePopulation({
  id: 'hr.leavers-joiners',
  title: 'Leavers and joiners, with when their access was removed or granted',
  provider: 'hr',
  controls: ['CC6.2', 'CC6.3'],
  requires: ['hr.roster'],
  optional: ['github.members', 'github.membershipEvents', 'google.users', 'google.userEvents'],
  build(data, { period, now, checkOptions }) {
    const deadlineDays = checkOptions('hr.offboarding-github').deadlineDays as number;
    const today = now.toISOString().slice(0, 10);
    const log = data['github.membershipEvents'] as MembershipEvents | undefined;
    const members = data['github.members'] as GithubMember[] | undefined;
    const googleEvents = data['google.userEvents'] as GoogleUserEvent[] | undefined;
    const googleUsers = data['google.users'] as Record<string, unknown>[] | undefined;
    const systems: SystemJoin[] = [
      ...(log && members ? [githubJoin(log, members)] : []),
      ...(googleEvents && googleUsers ? [googleJoin(googleEvents, googleUsers)] : []),
    ];
    const result: PopulationBuild = {
      items: [],
      deviations: [],
      source: { hrRoster: data['hr.roster'].file, rosterSha256: data['hr.roster'].sha256 },
      notChecked: log && !log.available ? [{ scope: 'github:audit-log', cause: log.reason }] : [],
      limitations: [
        'AWS IAM removal times are not joined yet (credential reports across scans, CloudTrail).',
        'The Google Admin audit log (Reports API) keeps 180 days.',
        ...(log && !log.available
          ? [
              'Without the GitHub audit log a GitHub removal is dated only by its absence at scan time: access removed late but before the scan cannot be told from access removed on time.',
            ]
          : []),
      ],
    };
    for (const person of data['hr.roster'].people) {
      const accounts = systems.flatMap((system) => {
        const account = system.account(person)?.toLowerCase();
        return account ? [{ system, account }] : [];
      });
      if (inPeriod(person.endDate, period)) {
        const end = person.endDate!;
        const deadline = addDays(end, deadlineDays);
        const id = `leaver:${person.email}`;
        const access = accounts.map(({ system, account }) => {
          const removed = system.removedAt(account, end);
          const active = system.activeAtScan(account);
          if (removed && removed.at.slice(0, 10) > deadline)
            result.deviations.push({
              item: id,
              rule: 'access-removed-late',
              occurredAt: removed.at,
              details: `terminated ${end}; ${system.system} ${account} removed ${removed.at.slice(0, 10)} by ${removed.by ?? 'unknown'}, after the deadline ${deadline}`,
            });
          else if (!removed && active && deadline < today)
            result.deviations.push({
              item: id,
              rule: 'access-not-removed',
              occurredAt: `${deadline}T00:00:00Z`,
              details: `terminated ${end}; ${system.system} ${account} is still active at scan time (deadline ${deadline})`,
            });
          return {
            system: system.system,
            account,
            removedAt: removed?.at ?? null,
            removedBy: removed?.by ?? null,
            activeAtScan: active,
          };
        });
        result.items.push({
          id,
          occurredAt: end,
          kind: 'leaver',
          person: person.email,
          name: person.name,
          rosterLine: person.line,
          deadline,
          access,
        });
      }
      if (inPeriod(person.startDate, period)) {
        const start = person.startDate!;
        result.items.push({
          id: `joiner:${person.email}`,
          occurredAt: start,
          kind: 'joiner',
          person: person.email,
          name: person.name,
          rosterLine: person.line,
          access: accounts.map(({ system, account }) => {
            const granted = system.grantedAt(account, addDays(start, -90));
            return {
              system: system.system,
              account,
              grantedAt: granted?.at ?? null,
              grantedBy: granted?.by ?? null,
            };
          }),
        });
      }
    }
    return result;
  },
});
