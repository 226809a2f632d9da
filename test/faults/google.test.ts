import { describeFaultSuite } from './suite.js';
import { googleTarget } from './targets/google.js';

describeFaultSuite(googleTarget, {
  throttled: /failed after \d+ attempts: (429 rateLimitExceeded|403 userRateLimitExceeded)/,
  down: /ECONNREFUSED/,
  garbage: /not Google's JSON/,
});
