import { describeFaultSuite } from './suite.js';
import { awsTarget } from './targets/aws.js';

describeFaultSuite(awsTarget, {
  throttled: /Throttling: Rate exceeded/,
  down: /ECONNREFUSED/,
  garbage: /XML parse error|is not valid JSON/,
});
