import type { Target } from '../harness.js';
import { awsTarget } from './aws.js';
import { githubTarget } from './github.js';
import { googleTarget } from './google.js';

/** Every provider with a fault-suite target (each one's fake reached through its endpoint override). */
export const targets: Target[] = [awsTarget, githubTarget, googleTarget];
