import type { AnyCheck } from '../../src/engine/check.js';
import evidenceFresh from './evidence-fresh/check.js';
import policies from './policies/check.js';
import riskRegister from './risk-register/check.js';
import vendorRegister from './vendor-register/check.js';

export const docsChecks: AnyCheck[] = [policies, evidenceFresh, riskRegister, vendorRegister];
