import * as z from 'zod';
import { SEVERITIES } from '../../engine/types.js';

const CONTROL_STATUSES = ['pass', 'fail', 'partial', 'manual', 'not_evaluated'] as const;
const counts = z.record(z.string(), z.number());

/** Output schema of get_readiness (and of run_scan's summary). */
export const readinessShape = {
  organization: z.string(),
  scan: z.object({
    startedAt: z.string(),
    finishedAt: z.string(),
    evaluatedAt: z.string(),
    mode: z.enum(['live', 'snapshot', 'demo']),
    complete: z.boolean(),
    failOn: z.enum([...SEVERITIES, 'new']),
    selection: z.object({
      providers: z.array(z.string()),
      controls: z.array(z.string()),
      criteria: z.array(z.string()),
      checks: z.array(z.string()),
    }),
    shard: z.object({ index: z.number(), count: z.number() }).optional(),
    missingShards: z.array(z.number()).optional(),
  }),
  readiness: z.number(),
  exitCode: z.number().int(),
  counts: z.object({
    checks: counts,
    controls: counts,
    criteria: counts,
    findings: counts,
    manualEvidence: counts,
  }),
  categories: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      criteria: z.number(),
      pass: z.number(),
      readiness: z.number(),
    }),
  ),
  criteria: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      title: z.string(),
      status: z.enum(CONTROL_STATUSES),
      controls: z.number().int(),
    }),
  ),
  providers: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['ok', 'partial', 'error', 'skipped']),
      reason: z.string().optional(),
    }),
  ),
};
