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
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
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
    const parsed = parseRoster(utf8Text(bytes, file), file, {
      format: hr.format,
      columns: hr.columns,
      dateFormat: hr.dateFormat,
    });
    progress(`${parsed.people.length} people`);
    return parsed;
  },
});

/**
 * The roster's text. An export in another encoding (Latin-1, Windows-1252: Excel's plain "CSV") would
 * otherwise turn every accented name into mojibake and silently stop matching accounts.
 */
function utf8Text(bytes: Buffer, file: string): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad === -1 || bytes.includes(Buffer.from('\uFFFD', 'utf8'))) return text;
  const line = text.slice(0, bad).split('\n').length;
  throw new InputError([
    {
      file,
      line,
      message:
        'not UTF-8 text (Latin-1 or Windows-1252?): export the roster as UTF-8 (Excel: Save As, "CSV UTF-8")',
    },
  ]);
}

export const runtime: ProviderRuntime = {
  createSession: async () => undefined,
  collectors: [roster],
};
