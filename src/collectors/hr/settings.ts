import type { ConfigSchema } from '../../engine/collector.js';
import { ROSTER_FIELDS } from './columns.js';

/** `providers.hr` in soc2.config.yaml. */
export interface HrConfig {
  roster?: string;
  columns?: Record<string, string | string[]>;
  format?: 'csv' | 'json';
  dateFormat?: 'YYYY-MM-DD' | 'MM/DD/YYYY' | 'DD/MM/YYYY';
}

declare module '../../core/config-types.js' {
  interface ProviderConfigs {
    hr: HrConfig;
  }
}

const rosterColumn = {
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
  ],
};

export const configSchema: ConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    roster: {
      type: 'string',
      format: 'path',
      minLength: 1,
      description: 'HR roster export (CSV or JSON); see docs/people.md.',
    },
    columns: {
      type: 'object',
      description:
        "Roster field -> the export's header (a list is joined with a space, e.g. first + last name).",
      additionalProperties: false,
      properties: Object.fromEntries(ROSTER_FIELDS.map((field) => [field, rosterColumn])),
    },
    format: { enum: ['csv', 'json'] },
    dateFormat: {
      enum: ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'],
      description: 'How dates are written in the roster; ISO (YYYY-MM-DD) by default.',
    },
  },
};
