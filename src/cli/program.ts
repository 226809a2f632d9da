import { Command, Option } from 'commander';
import { SEVERITIES } from '../engine/types.js';

export const EXIT_CODES_HELP = `
Exit codes:
  0    every selected check was evaluated and nothing fails at or above --fail-on
  1    failing findings at or above --fail-on
  2    bad usage or invalid input (config, catalog, roster, flags, snapshot)
  3    incomplete: some checks ended in error (outranks 1: an incomplete scan never looks clean)
  4    nothing was checked: every selected check was skipped (no provider configured or readable)
  130  interrupted (Ctrl-C, Ctrl-\\, SIGINT, SIGTERM); the previous output is left untouched`;

const MERGE_EXIT_CODES_HELP = `
Exit codes:
  0    every check of every shard was evaluated and nothing fails at or above the threshold
       the shards were scanned with (their fail-on)
  1    failing findings at or above that threshold
  2    bad usage or invalid input (a folder that is not a soc2 shard output, shards that do not match)
  3    incomplete: some checks ended in error in some shard (outranks 1)
  4    nothing was checked: every check was skipped in every shard
  130  interrupted; the previous output is left untouched`;

const list = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
];

/** Builds the command tree. Actions import their modules lazily so --help loads no SDK and no checks. */
export function buildProgram(version: string): Command {
  const program = new Command('soc2')
    .description(
      'SOC 2 readiness scanner: checks AWS, GitHub, Google Workspace, Microsoft Entra ID, Okta, your HR ' +
        'roster and policy folders against the 61 AICPA 2017 Trust Services Criteria and writes a gap ' +
        'report and an evidence bundle.',
    )
    .version(version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ soc2 scan --demo                    scan the built-in sample company, reports in ./soc2-report
  $ soc2 init                           write a commented soc2.config.yaml to start from
  $ soc2 scan                           scan with ./soc2.config.yaml and credentials from the environment
  $ soc2 scan --criteria CC6 --provider aws
  $ soc2 catalog coverage               criteria x controls x checks matrix
  $ soc2 checks list --provider github
  $ soc2 export --zip evidence.zip        evidence bundle for auditors (soc2 verify checks it)
${EXIT_CODES_HELP}

Environment: NO_COLOR / FORCE_COLOR control colors; AWS_*, GITHUB_TOKEN/GH_TOKEN, GITHUB_API_URL and
GOOGLE_* credentials are read by their providers (see README).`,
    );

  program
    .command('scan')
    .description('collect evidence, evaluate checks and write the gap report and evidence folder')
    .option('-c, --config <file>', 'config file (default: ./soc2.config.yaml if present)')
    .option(
      '--catalog <dir>',
      'extra controls folder: adds controls or replaces built-in ones with the same id',
    )
    .option(
      '-o, --out <dir>',
      'output folder, replaced whole and atomically (default: output.dir in the config, else soc2-report)',
    )
    .option(
      '-f, --format <formats>',
      'report formats, comma-separated: json,md,html (default) and csv,sarif,junit,oscal,ocsf',
      list,
    )
    .option(
      '--sarif-category <category>',
      "code-scanning category of report.sarif (default soc2; '' leaves it to the upload action's category)",
    )
    .option(
      '--provider <ids>',
      'only these providers, comma-separated: built-in ones and those of plugins (soc2 checks list shows them)',
      list,
    )
    .option('--control <ids>', 'only these controls (comma-separated)', list)
    .option(
      '--criteria <ids>',
      'only controls supporting these criteria; a prefix such as CC6 or a category',
      list,
    )
    .option('--check <ids>', 'only these checks (comma-separated)', list)
    .addOption(
      new Option(
        '--fail-on <severity>',
        'lowest severity that makes the exit code 1; `new`: only failures absent from --baseline',
      ).choices([...SEVERITIES, 'new']),
    )
    .option(
      '--baseline <report>',
      'an earlier report.json (or its folder): mark findings new/unchanged, list fixed',
    )
    .option('--history <dir>', 'append this scan to a history store (default: history: in the config)')
    .option(
      '--shard <i/n>',
      'scan only slice i of n of the AWS accounts and GitHub repositories (see soc2 merge)',
    )
    .option(
      '--period <from..to>',
      'Type II: also collect the populations of this period, e.g. 2026-07-01..2026-09-30 (docs/type2.md)',
    )
    .option(
      '--no-wait',
      'when an API rate limit is spent, stop that provider and report the rest as not checked instead of waiting for the reset (SOC2_NO_WAIT=1)',
    )
    .option(
      '--demo',
      'scan the bundled sample company instead of your own systems (with --config: under that config)',
    )
    .option(
      '--resume',
      'pick up an interrupted or failed scan of the same --out: keys and accounts it completed (verified by their SHA-256) are not read again; refused if the configuration changed',
    )
    .option('--from-snapshot <file>', 'evaluate saved data instead of collecting it again')
    .option(
      '--save-snapshot <file>',
      'also save the collected (redacted) data for replay (JSON Lines, written as collected)',
    )
    .option('--json', 'print report.json to stdout (logs stay on stderr)')
    .option('--zip <file>', 'also write the evidence bundle zip for auditors (see soc2 export)')
    .option('--sign <key>', 'sign the bundle manifest with this Ed25519 private key (see soc2 keygen)')
    .option('-q, --quiet', 'no progress or summary output')
    .option('--no-color', 'no colors (same as NO_COLOR=1)')
    .addHelpText(
      'after',
      `
Examples:
  $ soc2 scan --demo --out demo-report
  $ soc2 scan --config prod.yaml --fail-on high
  $ soc2 scan --provider github --check github.branch-protection
  $ soc2 scan --criteria CC6,CC7 --json > report.json
  $ soc2 scan --save-snapshot snap.jsonl && soc2 scan --from-snapshot snap.jsonl --out replay
  $ soc2 scan --format json,sarif,junit,csv --history soc2-history
  $ soc2 scan --baseline last/report.json --fail-on new      fail only on regressions
  $ soc2 scan --shard 2/4 --out shard-2                      one job of a CI matrix (then soc2 merge)
  $ soc2 scan --zip evidence.zip --sign soc2-signing.key
  $ soc2 scan --resume                                       after Ctrl-C or a failure: go on from where it stopped
${EXIT_CODES_HELP}`,
    )
    .action(async (options) => {
      const { scanCommand } = await import('./commands/scan.js');
      process.exitCode = await scanCommand(options, program.opts());
    });

  program
    .command('init')
    .description(
      'write a commented starter soc2.config.yaml (and, on request, policies, registers, evidence index)',
    )
    .option('-c, --config <file>', 'where to write it', 'soc2.config.yaml')
    .option('--organization <name>', 'company name to fill in')
    .option('--force', 'overwrite existing files')
    .option('--policies', 'also write the starter policy set (16 policies) into policies/')
    .option('--registers', 'also write example risk and vendor registers into registers/')
    .option('--evidence-index', 'also write an evidence index into evidence/index.yaml')
    .option(
      '--ci <system>',
      'write a scheduled CI pipeline instead: github (.github/workflows/soc2.yml) or gitlab (.gitlab-ci.yml)',
    )
    .option(
      '--source <git-url>',
      'with --ci: the soc2 repository the pipeline fetches soc2 from (default: the origin of this soc2 checkout)',
    )
    .option(
      '--commit <sha>',
      'with --ci: the full commit id of soc2 it pins (default: the commit of this soc2 checkout)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ soc2 init\n  $ soc2 init --organization "Acme Inc" --config audit/soc2.config.yaml\n' +
        '  $ soc2 init --policies --registers --evidence-index\n' +
        '  $ soc2 init --ci github     weekly workflow: AWS via OIDC, SARIF upload, evidence artifact, history\n' +
        '  $ soc2 init --ci gitlab --source https://github.com/acme/soc2.git --commit <40-hex commit id>',
    )
    .action(async (options) => {
      const { initCommand } = await import('./commands/init.js');
      process.exitCode = await initCommand(options);
    });

  program
    .command('diff')
    .description('compare two reports: new, fixed and still-failing findings; exit 1 if NEW has new failures')
    .argument('<old>', 'the earlier report.json or output folder')
    .argument('<new>', 'the later report.json or output folder')
    .option('--json', 'JSON output')
    .addHelpText(
      'after',
      '\nExamples:\n  $ soc2 diff last-week/report.json soc2-report/report.json\n  $ soc2 diff last-week soc2-report --json | jq ".newFailures"',
    )
    .action(async (oldReport: string, newReport: string, options) => {
      const { diffCommand } = await import('./commands/diff.js');
      process.exitCode = await diffCommand(oldReport, newReport, options);
    });

  program
    .command('history')
    .description('trend of readiness per category and status per control across the stored scans')
    .option('--history <dir>', 'the history store (default: history: in the config)')
    .option('-c, --config <file>', 'config file (default: ./soc2.config.yaml if present)')
    .option('--json', 'JSON output')
    .addHelpText('after', '\nExamples:\n  $ soc2 history --history soc2-history\n  $ soc2 history --json')
    .action(async (options) => {
      const { historyCommand } = await import('./commands/history.js');
      process.exitCode = await historyCommand(options);
    });

  program
    .command('report')
    .description(
      'Type II monitoring observations over a period from the history store: every scan (mode,\n' +
        'completeness, output hash), and per control passed / failed (each resource) / not tested / design evidence only',
    )
    .requiredOption('--period <from..to>', 'the period, UTC days included, e.g. 2026-01-01..2026-06-30')
    .option('--history <dir>', 'the history store (default: history: in the config)')
    .option('-c, --config <file>', 'config file (default: ./soc2.config.yaml if present)')
    .option('-f, --format <formats>', 'md, html, json (comma-separated; default all three)', list)
    .option('-o, --out <dir>', 'where to write period-report.*', 'soc2-period-report')
    .option(
      '--expected-interval <days>',
      'scan cadence: a longer stretch without a scan is a gap (controls with a frequency use its interval)',
      '8',
    )
    .option('-q, --quiet', 'no summary output')
    .addHelpText(
      'after',
      '\nExamples:\n  $ soc2 report --period 2026-01-01..2026-06-30 --history soc2-history\n  $ soc2 report --period 2026-01-01..2026-12-31 --format md --expected-interval 2 --out audit-2026',
    )
    .action(async (options) => {
      const { reportCommand } = await import('./commands/history.js');
      process.exitCode = await reportCommand({ ...options, interval: options.expectedInterval });
    });

  program
    .command('merge')
    .description(
      'combine the output folders of sharded scans (--shard i/n) into one report and evidence folder',
    )
    .argument('<dirs...>', 'shard output folders')
    .option('-o, --out <dir>', 'output folder for the merged report', 'soc2-report')
    .option('-f, --format <formats>', 'report formats, comma-separated (as for scan)', list)
    .option('--sarif-category <category>', 'code-scanning category of report.sarif (as for scan)')
    .option('--history <dir>', 'append the merged scan to a history store')
    .option('-q, --quiet', 'no summary output')
    .option('--partial', 'combine an incomplete set of shards; the report is marked incomplete (exit 3)')
    .addHelpText(
      'after',
      `
Examples:
  $ soc2 merge shard-1 shard-2 shard-3 --out soc2-report --format json,md,html,sarif
${MERGE_EXIT_CODES_HELP}`,
    )
    .action(async (dirs: string[], options) => {
      const { mergeCommand } = await import('./commands/merge.js');
      process.exitCode = await mergeCommand(dirs, options);
    });

  program
    .command('sample')
    .description('draw a reproducible audit sample from a Type II population of a scan (scan --period)')
    .requiredOption('--population <id>', 'the population id, e.g. github.changes (report.json populations[])')
    .option('--size <n>', 'how many items to draw')
    .option('--seed <seed>', 'any text; the same seed and population always give the same items')
    .option('--dates <days>', 'draw only from items on these days or FROM..TO ranges (comma-separated)', list)
    .option('--items <ids>', 'take exactly these items (comma-separated), as the auditor named them', list)
    .option('--report <dir>', 'the scan output folder', 'soc2-report')
    .option('-o, --out <file>', 'where to write the sample (default sample-<population>-<seed>.json)')
    .addHelpText(
      'after',
      `
Method: each item's rank is the SHA-256 of "<seed>:<item id>"; the <size> lowest ranks are taken. The
sample records the population file's SHA-256 (checked against report.json), the seed and the method,
and each item's record and deviations. See docs/type2.md.

Examples:
  $ soc2 scan --period 2026-07-01..2026-09-30
  $ soc2 sample --population github.changes --size 25 --seed 2026-Q3-audit
  $ soc2 sample --population hr.leavers-joiners --items leaver:eve@acme.test

Exit codes:
  0  sample written
  2  bad input (no such population, population file changed, unknown item)`,
    )
    .action(async (options) => {
      const { sampleCommand } = await import('./commands/sample.js');
      process.exitCode = await sampleCommand(options);
    });

  const review = program
    .command('review')
    .description(
      'access review campaigns as files: freeze the accounts, review them in a pull request, check',
    );
  review
    .command('start')
    .argument('<kind>', 'the review: access')
    .description("freeze every account of a scan's snapshot into a review file and its population")
    .requiredOption('--snapshot <file>', 'a snapshot saved by soc2 scan --save-snapshot')
    .requiredOption('-o, --out <file>', 'the review file to write, e.g. reviews/2026-q3.review.yaml')
    .option('-c, --config <file>', 'config file: plugins that add account sources')
    .addHelpText(
      'after',
      `
Writes <name>.population.jsonl (the frozen accounts, JSON Lines with an envelope) next to the review
file, which names it by SHA-256. Commit both, let reviewers fill decision and reviewer for every
account and the approver fill signoff in a pull request, then run soc2 review check.

Exit codes:
  0  review started
  2  bad input
  3  some system's accounts could not be read from the snapshot (listed): the population is incomplete`,
    )
    .action(async (kind: string, options) => {
      const { reviewStartCommand } = await import('./commands/review.js');
      process.exitCode = await reviewStartCommand(kind, options);
    });
  review
    .command('check')
    .argument('<review-file>', 'the review file soc2 review start wrote, filled in')
    .description('check a review against its frozen population, the revocations and the sign-off')
    .option('--after <snapshot>', "a later scan's snapshot: every revoked account must be gone or unusable")
    .option('-o, --out <file>', 'also write the result (JSON): manual evidence for the access review control')
    .option('-c, --config <file>', 'config file: plugins that add account sources')
    .option('--json', 'print the result to stdout')
    .addHelpText(
      'after',
      `
Exit codes:
  0  complete: every account decided with a reviewer, revocations carried out, signed off
  1  incomplete (what is missing is listed)
  2  bad input: a malformed review file (file and line), a population that is not the frozen one`,
    )
    .action(async (reviewFile: string, options) => {
      const { reviewCheckCommand } = await import('./commands/review.js');
      process.exitCode = await reviewCheckCommand(reviewFile, options);
    });

  program
    .command('export')
    .description('build the evidence bundle zip for auditors from a scan output folder')
    .argument('[scan-dir]', 'output folder of soc2 scan', 'soc2-report')
    .option('--zip <file>', 'where to write the bundle (required; replaces only a bundle soc2 wrote)')
    .option('--sign <key>', 'sign the manifest with this Ed25519 private key (see soc2 keygen)')
    .option('--evidence-dir <dir>', "the company's evidence folder, if it moved since the scan")
    .option('-q, --quiet', 'no summary output')
    .addHelpText(
      'after',
      `
The bundle: index.html (offline front page), control-matrix.csv, controls/<id>/README.md with that
control's evidence files, criteria/README.md, report/ (the scan's reports), manifest.json (SHA-256 and
size of every file, tool version, scan time and scope, config hash), SHA256SUMS (check it with
sha256sum -c) and, with --sign, manifest.dsse.json (DSSE envelope, in-toto Statement v1, Ed25519).
Secrets are scrubbed from every file again before hashing. The same scan output always gives the same
bytes, on any machine and in any time zone.

Examples:
  $ soc2 export --zip evidence.zip                 bundle ./soc2-report
  $ soc2 export audit-2026 --zip audit-2026.zip --sign soc2-signing.key

Exit codes:
  0  bundle written
  2  bad input (not a scan output folder, unreadable key)`,
    )
    .action(async (scanDir: string | undefined, options) => {
      const { exportCommand } = await import('./commands/export.js');
      process.exitCode = await exportCommand(scanDir, options);
    });

  program
    .command('verify')
    .description('check an evidence bundle: every hash, missing/extra/modified files, the signature')
    .argument('<zip>', 'the bundle to check')
    .option('--pubkey <key>', "the signer's Ed25519 public key: also check manifest.dsse.json")
    .option('--json', 'machine-readable result on stdout')
    .option('-q, --quiet', 'print nothing when the bundle is intact')
    .addHelpText(
      'after',
      `
Reads the zip as a stream and extracts nothing. Refuses absolute paths, '..', links, duplicate names,
encrypted entries and zip bombs before reading any of their bytes.

Examples:
  $ soc2 verify evidence.zip
  $ soc2 verify evidence.zip --pubkey soc2-signing.pub
  Without soc2: unzip evidence.zip -d bundle && cd bundle && sha256sum -c SHA256SUMS

Exit codes:
  0  intact: every file matches manifest.json and SHA256SUMS (and the signature, with --pubkey)
  1  tampered: a file is modified, missing or extra, or the signature is bad or missing
  2  unreadable or hostile archive (or bad usage)`,
    )
    .action(async (zip: string, options) => {
      const { verifyCommand } = await import('./commands/verify.js');
      process.exitCode = await verifyCommand(zip, options);
    });

  program
    .command('keygen')
    .description('make an Ed25519 key pair for signing evidence bundles')
    .option('--out <prefix>', 'writes <prefix>.key (private, mode 0600) and <prefix>.pub', 'soc2-signing')
    .option('--force', 'replace existing key files')
    .addHelpText(
      'after',
      '\nExamples:\n  $ soc2 keygen\n  $ soc2 keygen --out keys/acme-2026 && soc2 export --zip e.zip --sign keys/acme-2026.key',
    )
    .action(async (options) => {
      const { keygenCommand } = await import('./commands/keygen.js');
      process.exitCode = await keygenCommand(options);
    });

  program
    .command('mcp')
    .description('serve reports, evidence and the catalog to AI assistants (Model Context Protocol)')
    .option(
      '--report <dir>',
      'the scan output folder to serve (default: output.dir in the config, else soc2-report)',
    )
    .option(
      '-c, --config <file>',
      'config file: plugins, catalog and, for run_scan, providers (default: ./soc2.config.yaml)',
    )
    .option(
      '--root <dir>',
      'the folder that diff_reports and verify_bundle paths resolve in and may not leave (default: the one holding --report)',
    )
    .option('--allow-scan', 'let clients run scans (run_scan) with the config and its credentials')
    .option(
      '--http <host:port>',
      'Streamable HTTP at http://HOST:PORT/mcp instead of stdio; host defaults to 127.0.0.1; needs SOC2_MCP_TOKEN',
    )
    .addHelpText(
      'after',
      `
Read-only by default: every path a client gives stays inside the report, evidence or --root folder,
and every answer is redacted like the reports. See docs/mcp.md for client set-up.

Examples:
  $ soc2 mcp --report soc2-report                       stdio, for Claude Desktop, VS Code, Cursor...
  $ SOC2_MCP_TOKEN=$(openssl rand -hex 32) soc2 mcp --http 127.0.0.1:8808
  $ soc2 mcp --config soc2.config.yaml --allow-scan     clients may also run scans

Exit codes:
  0  the client disconnected (stdio) or the server was stopped (--http)
  2  bad usage or invalid input (config, --http, missing SOC2_MCP_TOKEN)`,
    )
    .action(async (options) => {
      const { mcpCommand } = await import('./commands/mcp.js');
      process.exitCode = await mcpCommand(options);
    });

  const catalog = program.command('catalog').description('inspect and validate the control catalog');
  catalog
    .command('list')
    .description('list controls with their criteria, checks and manual evidence')
    .option(
      '-c, --config <file>',
      'config file whose plugins and catalog: to include (default: ./soc2.config.yaml)',
    )
    .option('--catalog <dir>', 'extra controls folder')
    .option('--json', 'JSON output')
    .addHelpText(
      'after',
      '\nExamples:\n  $ soc2 catalog list\n  $ soc2 catalog list --catalog ./my-controls --json',
    )
    .action(async (options) => {
      const { catalogListCommand } = await import('./commands/catalog.js');
      process.exitCode = await catalogListCommand(options);
    });
  catalog
    .command('validate')
    .description(
      'validate the built-in catalog plus an optional folder: schema, criteria ids, check ids, coverage',
    )
    .option(
      '-c, --config <file>',
      'config file whose plugins and catalog: to include (default: ./soc2.config.yaml)',
    )
    .option('--catalog <dir>', 'extra controls folder')
    .addHelpText(
      'after',
      '\nExamples:\n  $ soc2 catalog validate\n  $ soc2 catalog validate --catalog ./my-controls',
    )
    .action(async (options) => {
      const { catalogValidateCommand } = await import('./commands/catalog.js');
      process.exitCode = await catalogValidateCommand(options);
    });
  catalog
    .command('coverage')
    .description('criteria x controls x checks matrix')
    .option(
      '-c, --config <file>',
      'config file whose plugins and catalog: to include (default: ./soc2.config.yaml)',
    )
    .option('--catalog <dir>', 'extra controls folder')
    .option('--json', 'JSON output')
    .addHelpText(
      'after',
      '\nExamples:\n  $ soc2 catalog coverage\n  $ soc2 catalog coverage --json | jq ".criteria[] | select(.checks == 0)"',
    )
    .action(async (options) => {
      const { catalogCoverageCommand } = await import('./commands/catalog.js');
      process.exitCode = await catalogCoverageCommand(options);
    });

  const checks = program.command('checks').description('inspect the checks: built in and from plugins');
  checks
    .command('list')
    .description('list checks with provider, severity, data they read and options')
    .option('-c, --config <file>', 'config file whose plugins to include (default: ./soc2.config.yaml)')
    .option('--provider <ids>', 'only these providers', list)
    .option('--json', 'JSON output')
    .addHelpText('after', '\nExamples:\n  $ soc2 checks list\n  $ soc2 checks list --provider aws --json')
    .action(async (options) => {
      const { checksListCommand } = await import('./commands/checks.js');
      process.exitCode = await checksListCommand(options);
    });

  const plugin = program
    .command('plugin')
    .description('write plugins: providers, checks and controls of your own');
  plugin
    .command('new')
    .description(
      'write a working plugin folder: provider, collector, check, its test, a control and a README',
    )
    .argument('<name>', 'the plugin and provider id: lowercase letters, digits, dashes')
    .option('--dir <dir>', 'where to write it (default: ./<name>); must not exist or be empty')
    .addHelpText(
      'after',
      `
Examples:
  $ soc2 plugin new acme
  $ soc2 plugin new okta --dir soc2-plugins/okta

Then list the folder under plugins: in soc2.config.yaml; see docs/plugins.md.`,
    )
    .action(async (name: string, options) => {
      const { pluginNewCommand } = await import('./commands/plugin.js');
      process.exitCode = await pluginNewCommand(name, options);
    });

  return program;
}
