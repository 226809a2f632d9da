import { DOMAIN, lumenLedgerTenant } from '../../fakes/google/lumen-ledger.js';
import { startFakeGoogle } from '../../fakes/google/server.js';
import { NOW, type Target } from '../harness.js';

const TOKEN = 'ya29.faultSuiteAccessToken';
const tenant = lumenLedgerTenant(NOW);

/** The demo tenant on the Admin SDK fake, with small pages so listings take several requests. */
export const googleTarget: Target = {
  provider: 'google',
  async start() {
    const fake = await startFakeGoogle(tenant, {
      token: TOKEN,
      maxPageSize: { users: 4, groups: 2, members: 2, roles: 3, roleassignments: 3 },
    });
    return { url: fake.rootUrl.replace(/\/$/, ''), close: () => fake.close() };
  },
  config: (url) => ({
    google: { domain: DOMAIN, rootUrl: `${url}/`, retry: { baseDelayMs: 1, maxDelayMs: 4 } },
  }),
  env: () => ({ GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN }),
};
