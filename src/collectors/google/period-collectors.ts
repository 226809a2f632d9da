import type { admin_reports_v1 } from '@googleapis/admin';
import { defineCollector, type CollectContext } from '../../engine/collector.js';
import { reportActivities } from './collectors.js';
import type { GoogleSession } from './session.js';

/** An Admin console event on a user account: created, suspended or deleted, and by whom. */
export interface GoogleUserEvent {
  name: 'CREATE_USER' | 'SUSPEND_USER' | 'DELETE_USER';
  /** The account acted on (the USER_EMAIL parameter), lower-cased. */
  user: string;
  actor: string;
  time: string;
}

declare module '../../engine/data-map.js' {
  interface DataMap {
    'google.userEvents': GoogleUserEvent[];
  }
}

const USER_EVENTS = ['CREATE_USER', 'SUSPEND_USER', 'DELETE_USER'] as const;

/**
 * Accounts created, suspended and deleted in the period, from the Admin audit log: Reports API
 * activities.list with applicationName=admin and each event name, startTime and endTime the period
 * (https://developers.google.com/workspace/admin/reports/v1/appendix/activity/admin-user-settings:
 * USER_SETTINGS events carry USER_EMAIL). The Reports API keeps 180 days.
 */
export const userEventsCollector = defineCollector({
  key: 'google.userEvents',
  async collect(ctx: CollectContext<GoogleSession>) {
    const period = ctx.config.period;
    if (!period) throw new Error('collected only for a Type II period (--period or period: in the config)');
    const perEvent = await reportActivities(ctx, 'admin', USER_EVENTS, {
      startTime: `${period.from}T00:00:00.000Z`,
      endTime: `${period.to}T23:59:59.999Z`,
    });
    return perEvent
      .flat()
      .flatMap(userEventsOf)
      .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  },
});

function userEventsOf(activity: admin_reports_v1.Schema$Activity): GoogleUserEvent[] {
  return (activity.events ?? [])
    .filter((e): e is typeof e & { name: GoogleUserEvent['name'] } =>
      (USER_EVENTS as readonly (string | null | undefined)[]).includes(e.name),
    )
    .map((event) => ({
      name: event.name,
      user: String(event.parameters?.find((p) => p.name === 'USER_EMAIL')?.value ?? '').toLowerCase(),
      actor: (activity.actor?.email ?? '').toLowerCase(),
      time: activity.id?.time ?? '',
    }));
}
