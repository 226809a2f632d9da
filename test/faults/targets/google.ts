import { DOMAIN, lumenLedgerTenant } from '../../fakes/google/lumen-ledger.js';
import { startFakeGoogle, type Fault } from '../../fakes/google/server.js';
import { NOW, type Target } from '../harness.js';

const TOKEN = 'ya29.faultSuiteAccessToken';
export const tenant = lumenLedgerTenant(NOW);

const googleBase: Omit<Target, 'start'> = {
  provider: 'google',
  config: (url) => ({
    google: { domain: DOMAIN, rootUrl: `${url}/`, retry: { baseDelayMs: 1, maxDelayMs: 4 } },
  }),
  env: () => ({ GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN }),
};

/** The demo tenant on the Admin SDK fake, with small pages so listings take several requests. */
export const googleTarget: Target = googleTargetWith([]);

/** The same, with some requests failing as the faults say (e.g. one user's tokens answering 403). */
export function googleTargetWith(faults: Fault[]): Target {
  return {
    ...googleBase,
    async start() {
      const fake = await startFakeGoogle(tenant, {
        token: TOKEN,
        maxPageSize: { users: 4, groups: 2, members: 2, roles: 3, roleassignments: 3 },
        faults,
      });
      return { url: fake.rootUrl.replace(/\/$/, ''), close: () => fake.close() };
    },
  };
}
