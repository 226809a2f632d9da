import type { AnyCheck } from '../../src/core/check.js';

export const githubChecks: AnyCheck[] = [];
