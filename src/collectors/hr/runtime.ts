import { readFile } from 'node:fs/promises';
import { defineCollector, type ProviderRuntime } from '../../engine/collector.js';
import { InputError } from '../../engine/errors.js';
import type {} from './data.js';
import { parseRoster } from './roster.js';

const roster = defineCollector({
  key: 'hr.roster',
  async collect({ config, progress }) {
    const hr = config.providers.hr ?? {};
    const file = hr.roster!;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError([
        {
          file,
          message:
            code === 'ENOENT'
              ? 'HR roster not found (providers.hr.roster)'
              : `cannot read HR roster (${code})`,
        },
      ]);
    }
    const parsed = parseRoster(text, file, {
      format: hr.format,
      columns: hr.columns,
      dateFormat: hr.dateFormat,
    });
    progress(`${parsed.people.length} people`);
    return parsed;
  },
});

export const runtime: ProviderRuntime = {
  createSession: async () => undefined,
  collectors: [roster],
};
