import type { OrgWebhook } from '../../src/collectors/github/data.js';

export function hostOf(url: string | undefined): string {
  if (!url) return 'no URL';
  try {
    return new URL(url.replace(/\/…$/, '')).host;
  } catch {
    return 'invalid URL';
  }
}

/** What is wrong with a webhook's delivery settings: plain http, TLS verification off, no secret. */
export function webhookProblems(hook: OrgWebhook): string[] {
  const url = hook.config.url;
  return [
    ...(url?.toLowerCase().startsWith('http://') ? ['plain http URL'] : []),
    ...(String(hook.config.insecure_ssl ?? '0') === '1' ? ['TLS certificate verification disabled'] : []),
    ...(hook.config.secret ? [] : ['no secret']),
  ];
}
