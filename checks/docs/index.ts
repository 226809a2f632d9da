import type { AnyCheck } from '../../src/core/check.js';

export const docsChecks: AnyCheck[] = [];
