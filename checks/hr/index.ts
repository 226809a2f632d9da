import type { AnyCheck } from '../../src/engine/check.js';
import backgroundCheck from './background-check/check.js';
import newHireTraining from './new-hire-training/check.js';
import offboardingAws from './offboarding-aws/check.js';
import offboardingGithub from './offboarding-github/check.js';
import offboardingGoogle from './offboarding-google/check.js';
import orphanAws from './orphan-aws/check.js';
import orphanGithub from './orphan-github/check.js';
import orphanGoogle from './orphan-google/check.js';
import policyAcknowledgement from './policy-acknowledgement/check.js';
import securityTraining from './security-training/check.js';

export const hrChecks: AnyCheck[] = [
  offboardingAws,
  offboardingGithub,
  offboardingGoogle,
  orphanAws,
  orphanGithub,
  orphanGoogle,
  securityTraining,
  newHireTraining,
  backgroundCheck,
  policyAcknowledgement,
];
