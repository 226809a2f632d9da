import type { Person } from '../../../src/collectors/hr/data.js';
import type { GithubMember } from '../../../src/collectors/github/data.js';
import type { MembershipEvent, MembershipEvents } from '../../../src/collectors/github/period-data.js';
import { addDays } from '../../../src/engine/days.js';
import { definePopulation, inPeriod, type PopulationBuild } from '../../../src/engine/population.js';

const firstEvent = (
  events: readonly MembershipEvent[],
  person: Person,
  action: MembershipEvent['action'],
  from: string,
) =>
  events.find(
    (e) => e.action === action && e.user?.toLowerCase() === person.github && e.at.slice(0, 10) >= from,
  );

/**
 * Every termination and hire in the roster dated in the period, joined to when GitHub organization
 * membership was actually removed or granted (the audit log's org.remove_member / org.add_member).
 * The deadline is hr.offboarding-github's deadlineDays after the end date.
 */
export default definePopulation({
  id: 'hr.leavers-joiners',
  title: 'Leavers and joiners, with when their GitHub access was removed or granted',
  provider: 'hr',
  controls: ['CC6.2', 'CC6.3'],
  requires: ['hr.roster'],
  // Without GitHub (not configured, or unreadable) the roster's events are still listed, marked incomplete.
  optional: ['github.members', 'github.membershipEvents'],
  build(data, { period, now, checkOptions }) {
    const deadlineDays = checkOptions('hr.offboarding-github').deadlineDays as number;
    const log = data['github.membershipEvents'] as MembershipEvents | undefined;
    const events = log?.available ? log.events : [];
    const memberList = data['github.members'] as GithubMember[] | undefined;
    const members = new Set((memberList ?? []).map((m) => m.login.toLowerCase()));
    const github = log !== undefined && memberList !== undefined;
    const today = now.toISOString().slice(0, 10);
    const result: PopulationBuild = {
      items: [],
      deviations: [],
      source: { hrRoster: data['hr.roster'].file, rosterSha256: data['hr.roster'].sha256 },
      notChecked: log && !log.available ? [{ scope: 'github:audit-log', cause: log.reason }] : [],
      limitations: [
        'Google Workspace and AWS IAM removal times are not joined yet: only GitHub organization membership.',
        ...(!log || log.available
          ? []
          : [
              'Without the GitHub audit log a removal is dated only by its absence at scan time: access removed late but before the scan cannot be told from access removed on time.',
            ]),
      ],
    };
    for (const person of data['hr.roster'].people) {
      if (inPeriod(person.endDate, period)) {
        const end = person.endDate!;
        const deadline = addDays(end, deadlineDays);
        const id = `leaver:${person.email}`;
        const removed =
          github && person.github ? firstEvent(events, person, 'org.remove_member', end) : undefined;
        const stillMember = person.github ? members.has(person.github) : false;
        result.items.push({
          id,
          occurredAt: end,
          kind: 'leaver',
          person: person.email,
          name: person.name,
          rosterLine: person.line,
          github: person.github ?? null,
          deadline,
          githubRemovedAt: removed?.at ?? null,
          githubRemovedBy: removed?.actor ?? null,
          githubMemberAtScan: github ? stillMember : null,
        });
        const deviation = (rule: string, occurredAt: string, details: string) =>
          result.deviations.push({ item: id, rule, occurredAt, details });
        if (!github) {
          // Not read: neither a pass nor a deviation (the envelope names the keys under notChecked).
        } else if (removed && removed.at.slice(0, 10) > deadline)
          deviation(
            'access-removed-late',
            removed.at,
            `terminated ${end}; GitHub membership of ${person.github} removed ${removed.at.slice(0, 10)} by ${removed.actor ?? 'unknown'}, after the deadline ${deadline}`,
          );
        else if (!removed && stillMember && deadline < today)
          deviation(
            'access-not-removed',
            `${deadline}T00:00:00Z`,
            `terminated ${end}; ${person.github} is still a GitHub organization member at scan time (deadline ${deadline})`,
          );
      }
      if (inPeriod(person.startDate, period)) {
        const granted = person.github
          ? firstEvent(events, person, 'org.add_member', addDays(person.startDate!, -90))
          : undefined;
        result.items.push({
          id: `joiner:${person.email}`,
          occurredAt: person.startDate!,
          kind: 'joiner',
          person: person.email,
          name: person.name,
          rosterLine: person.line,
          github: person.github ?? null,
          githubGrantedAt: granted?.at ?? null,
          githubGrantedBy: granted?.actor ?? null,
        });
      }
    }
    return result;
  },
});
