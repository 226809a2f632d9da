// `npm run demo`: scans the bundled sample company. Its data fails some checks and leaves one
// unreachable on purpose, so the scan's own exit code is 1 or 3; this wrapper explains that and
// exits 0 when the reports were written, non-zero only when the demo itself broke.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/soc2.js', import.meta.url));
const run = spawnSync(process.execPath, [bin, 'scan', '--demo', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
const code = run.status ?? 1;
const meaning = {
  0: 'nothing fails',
  1: 'the demo company has failing checks, as intended',
  3: 'the demo company has failing checks and a provider that could not be checked, as intended',
};
if (code in meaning) {
  process.stderr.write(`demo: soc2 exited ${code} (${meaning[code]}); open the report.html it wrote.\n`);
  process.exit(0);
}
process.stderr.write(`demo: soc2 exited ${code}: the demo did not complete\n`);
process.exit(code);
