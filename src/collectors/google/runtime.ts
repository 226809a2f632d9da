import type { ProviderRuntime } from '../../engine/collector.js';
import { googleCollectors } from './collectors.js';
import { userEventsCollector } from './period-collectors.js';
import { createGoogleSession, DEFAULT_RETRY, type GoogleSession } from './session.js';

export const runtime: ProviderRuntime<GoogleSession> = {
  async createSession(config, env, signal) {
    const retry = { ...DEFAULT_RETRY, ...(config.providers.google?.retry ?? {}) };
    return createGoogleSession(config, env, signal, retry);
  },
  collectors: [...googleCollectors, userEventsCollector],
  stats: (session) => ({ ...session.stats, auth: session.authMode }),
  source: (session) => ({
    googleCustomer: session.customer,
    ...(session.config.domain ? { googleDomain: session.config.domain } : {}),
  }),
};
