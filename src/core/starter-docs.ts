import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

export const templatesDir = join(packageRoot, 'templates');

export interface StarterFile {
  /** Relative to the folder of the config file. */
  path: string;
  content: string;
}

function fill(text: string, organization: string, today: string): string {
  return text.replaceAll('{{organization}}', organization).replaceAll('{{today}}', today);
}

/** The starter policy set (templates/policies/*.md) with the company name filled in. */
export function starterPolicies(organization: string): StarterFile[] {
  const dir = join(templatesDir, 'policies');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({
      path: `policies/${name}`,
      content: fill(readFileSync(join(dir, name), 'utf8'), organization, ''),
    }));
}

/**
 * Example risk and vendor registers. They carry no review date: a starter is not a review, so the
 * register checks fail until someone reviews the content and records the date.
 */
export function starterRegisters(organization: string): StarterFile[] {
  return ['risks.yaml', 'vendors.yaml'].map((name) => ({
    path: `registers/${name}`,
    content: fill(readFileSync(join(templatesDir, 'registers', name), 'utf8'), organization, ''),
  }));
}

export function starterEvidenceIndex(organization: string): StarterFile[] {
  return [
    {
      path: 'evidence/index.yaml',
      content: fill(readFileSync(join(templatesDir, 'evidence', 'index.yaml'), 'utf8'), organization, ''),
    },
  ];
}
