import { defineProvider } from '../../engine/collector.js';
import { manualEvidence } from './manual-evidence.js';

/** The company's own documents: policies, manual evidence, risk and vendor registers (local files). */
export default defineProvider({
  id: 'docs',
  title: 'Policies, evidence and registers',
  detect: (config) =>
    config.policies || config.evidence || config.risks || config.vendors
      ? { configured: true }
      : {
          configured: false,
          reason: 'no policies, evidence, risks or vendors path configured (set them in soc2.config.yaml)',
        },
  load: () => import('./runtime.js').then((m) => m.runtime),
  concurrency: 4,
  local: true,
  manualEvidence,
});
