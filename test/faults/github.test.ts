import { describeFaultSuite } from './suite.js';
import { githubTarget } from './targets/github.js';

describeFaultSuite(githubTarget, {
  throttled: /rate limited by GitHub \((403|429) You have exceeded a secondary rate limit/,
  down: /ECONNREFUSED/,
  garbage: /not GitHub's JSON/,
});
