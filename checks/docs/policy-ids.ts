/**
 * The policies the built-in catalog asks for (evidence requests with `policy:`), which is also the
 * starter set `soc2 init --policies` writes. A test keeps this list and the catalog in step.
 */
export const STARTER_POLICY_IDS = [
  'information-security',
  'acceptable-use',
  'access-control',
  'change-management',
  'incident-response',
  'business-continuity',
  'backup',
  'vendor-management',
  'risk-assessment',
  'data-classification',
  'encryption',
  'secure-development',
  'logging-monitoring',
  'privacy',
  'code-of-conduct',
  'hr-security',
] as const;
