import { defineCollector, type ProviderRuntime } from '../../engine/collector.js';
import { SkipError } from '../../engine/errors.js';
import type {} from './data.js';
import { readEvidenceIndex } from './evidence.js';
import { readPolicyFolder } from './policies.js';
import { readRiskRegister, readVendorRegister } from './registers.js';

function pathOf(value: string | undefined, key: string): string {
  if (!value) throw new SkipError(`no ${key} path configured (set \`${key}\` in soc2.config.yaml)`);
  return value;
}

const policies = defineCollector({
  key: 'docs.policies',
  async collect({ config, progress }) {
    const folder = await readPolicyFolder(pathOf(config.policies, 'policies'));
    progress(`${folder.policies.length} policies`);
    return folder;
  },
});

const evidence = defineCollector({
  key: 'docs.evidence',
  async collect({ config, progress }) {
    const index = await readEvidenceIndex(pathOf(config.evidence, 'evidence'));
    progress(`${index.items.length} evidence items`);
    return index;
  },
});

const risks = defineCollector({
  key: 'docs.risks',
  collect: async ({ config }) => readRiskRegister(pathOf(config.risks, 'risks')),
});

const vendors = defineCollector({
  key: 'docs.vendors',
  collect: async ({ config }) => readVendorRegister(pathOf(config.vendors, 'vendors')),
});

export const runtime: ProviderRuntime = {
  createSession: async () => undefined,
  collectors: [policies, evidence, risks, vendors],
};
