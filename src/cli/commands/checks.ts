import { InputError } from '../../engine/errors.js';
import { loadSetup } from '../setup.js';

export async function checksListCommand(flags: {
  config?: string;
  provider?: string[];
  json?: boolean;
}): Promise<number> {
  const { registry } = await loadSetup(flags.config);
  const known = registry.providers.map((p) => p.id).sort();
  const bad = (flags.provider ?? []).filter((p) => !known.includes(p));
  if (bad.length > 0)
    throw new InputError(`--provider: unknown provider '${bad[0]}' (one of ${known.join(', ')})`);
  const checks = registry.checks.filter(
    (c) => !flags.provider?.length || flags.provider.includes(c.provider),
  );
  if (flags.json) {
    const rows = checks.map((c) => ({
      id: c.id,
      title: c.title,
      provider: c.provider,
      severity: c.severity,
      requires: c.requires,
      options: c.options?.defaults ?? {},
    }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(10, ...checks.map((c) => c.id.length));
  for (const c of checks) {
    const options = Object.entries(c.options?.defaults ?? {})
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ');
    process.stdout.write(
      `${c.id.padEnd(width)}  ${c.severity.padEnd(8)}  ${c.title}${options ? `  [${options}]` : ''}\n`,
    );
  }
  process.stdout.write(`${checks.length} checks\n`);
  return 0;
}
