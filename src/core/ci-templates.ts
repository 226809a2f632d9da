export type CiSystem = 'github' | 'gitlab';

/**
 * Where a pipeline gets soc2 from: a git repository the user controls, at one full commit id. Never a
 * registry name: an unpublished name can be registered by anyone, and its code would run in a job
 * holding the AWS role and the GitHub token.
 */
export interface Soc2Source {
  /** A git URL the CI runner can fetch: https://, ssh://, git@host:path or file://. */
  url: string;
  /** A full 40-character commit id. */
  commit: string;
}

/** Shell lines that fetch soc2 at exactly the pinned commit into .soc2-tool and check it is that commit. */
export const FETCH_SOC2 = [
  'git init -q .soc2-tool',
  'git -C .soc2-tool fetch -q --depth 1 "$SOC2_SOURCE" "$SOC2_COMMIT"',
  'git -C .soc2-tool checkout -q --detach FETCH_HEAD',
  'test "$(git -C .soc2-tool rev-parse HEAD)" = "$SOC2_COMMIT"',
];
/** Installs its locked dependencies and builds it (npm ci runs the build). */
export const BUILD_SOC2 = 'npm ci --prefix .soc2-tool --no-audit --no-fund';
export const RUN_SOC2 = 'node .soc2-tool/bin/soc2.js';
/** The last complete report, kept with the history (soc2 history reads only the top-level records). */
export const BASELINE = 'soc2-history/baseline/report.json';
/** Replaces the baseline only with a complete report, so failures not re-checked are never dropped. */
export const KEEP_BASELINE = `node -e "process.exit(require('./soc2-report/report.json').scan.complete ? 0 : 1)" && mkdir -p soc2-history/baseline && cp soc2-report/report.json ${BASELINE} || echo 'scan incomplete: the previous baseline is kept'`;
export const CI_SYSTEMS: CiSystem[] = ['github', 'gitlab'];

export const CI_FILES: Record<CiSystem, string> = {
  github: '.github/workflows/soc2.yml',
  gitlab: '.gitlab-ci.yml',
};

/**
 * A scheduled GitHub Actions workflow: weekly and on demand; AWS through OIDC (no stored keys); SARIF
 * to code scanning; the report folder and evidence zip as an artifact; the history store carried from
 * the previous run's artifact, so `soc2 report --period` has every scan.
 */
export function githubWorkflow(source: Soc2Source): string {
  return `# soc2 readiness scan, written by \`soc2 init --ci github\`. Docs: docs/ci-and-history.md
#
# Setup:
#   1. An IAM role trusted by GitHub's OIDC provider (token.actions.githubusercontent.com) for this
#      repository, with the read-only permissions soc2 needs. Put its ARN in the repository variable
#      SOC2_AWS_ROLE_ARN (Settings > Secrets and variables > Actions > Variables), or pass it as the
#      role-to-assume input when running the workflow by hand.
#   2. For GitHub organization checks, a token or GitHub App that can read the org: secret SOC2_GITHUB_TOKEN.
#   3. soc2.config.yaml at the repository root (soc2 init writes a starter).
#   4. soc2 itself is fetched from SOC2_SOURCE at exactly SOC2_COMMIT below (never from a registry name).
#      To upgrade, review the new commit and change SOC2_COMMIT.
name: soc2

on:
  schedule:
    - cron: '17 6 * * 1' # weekly, Mondays 06:17 UTC
  workflow_dispatch:
    inputs:
      role-to-assume:
        description: 'AWS IAM role ARN to assume through OIDC (default: the SOC2_AWS_ROLE_ARN variable)'
        required: false
        type: string

permissions:
  contents: read
  id-token: write # AWS credentials through OIDC
  security-events: write # SARIF upload to code scanning
  actions: read # download the previous run's history artifact

concurrency:
  group: soc2
  cancel-in-progress: false

jobs:
  scan:
    runs-on: ubuntu-latest
    timeout-minutes: 60
    env:
      SOC2_SOURCE: '${source.url}'
      SOC2_COMMIT: '${source.commit}'
    steps:
      - uses: actions/checkout@v4

      - uses: actions/setup-node@v4
        with:
          node-version: 24

      - name: Fetch soc2 at the pinned commit
        run: |
${FETCH_SOC2.map((line) => `          ${line}`).join('\n')}

      - name: Build soc2
        run: ${BUILD_SOC2}

      - name: AWS credentials (OIDC, no stored keys)
        uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ inputs.role-to-assume || vars.SOC2_AWS_ROLE_ARN }}
          role-session-name: soc2-scan
          aws-region: \${{ vars.AWS_REGION || 'us-east-1' }}

      - name: Restore the scan history from the last run
        env:
          GH_TOKEN: \${{ github.token }}
        run: |
          mkdir -p soc2-history
          run_id=$(gh run list --repo "$GITHUB_REPOSITORY" --workflow soc2.yml --status completed \\
            --limit 20 --json databaseId --jq '.[].databaseId' | grep -vx "$GITHUB_RUN_ID" | head -n 1 || true)
          if [ -n "$run_id" ]; then
            gh run download "$run_id" --repo "$GITHUB_REPOSITORY" --name soc2-history --dir soc2-history || echo "no history artifact in run $run_id"
          fi
          ls soc2-history | wc -l

      - name: Scan
        id: scan
        continue-on-error: true # exit 1 (failures) must not skip the uploads; the last step fails the job
        env:
          GITHUB_TOKEN: \${{ secrets.SOC2_GITHUB_TOKEN }}
        run: >
          ${RUN_SOC2} scan
          --config soc2.config.yaml
          --format json,md,html,sarif,junit
          --history soc2-history
          $(test -f ${BASELINE} && echo --baseline ${BASELINE})
          --out soc2-report
          --zip soc2-evidence.zip

      # The last complete report is the next scan's baseline: failures a later scan could not re-check
      # (an account or repository it could not read) are carried forward in SARIF, so code scanning
      # does not close their alerts as fixed.
      - name: Keep the report as the next baseline when the scan was complete
        if: always() && hashFiles('soc2-report/report.json') != ''
        run: |
          ${KEEP_BASELINE}

      # Code scanning does not honor SARIF suppressions, so excepted findings (approved exceptions)
      # are left out of the upload; report.sarif keeps them, marked as accepted suppressions.
      - name: Drop excepted findings for code scanning
        if: always() && hashFiles('soc2-report/report.sarif') != ''
        run: >
          jq '.runs[].results |= map(select((.suppressions // []) | length == 0))'
          soc2-report/report.sarif > soc2-code-scanning.sarif

      - name: Upload SARIF to code scanning
        if: always() && hashFiles('soc2-code-scanning.sarif') != ''
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: soc2-code-scanning.sarif
          category: soc2

      - name: Keep the report and evidence
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: soc2-evidence-\${{ github.run_number }}
          path: |
            soc2-report/
            soc2-evidence.zip
          if-no-files-found: warn
          retention-days: 90

      - name: Keep the history for the next run
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: soc2-history
          path: soc2-history/
          include-hidden-files: false
          if-no-files-found: warn
          retention-days: 90

      - name: Fail on findings
        if: steps.scan.outcome == 'failure'
        run: |
          echo "soc2 found failing controls (or could not finish): see the report artifact and code scanning."
          exit 1
`;
}

/** The GitLab equivalent: a scheduled pipeline, AWS through an OIDC id_token, report artifacts kept. */
export function gitlabPipeline(source: Soc2Source): string {
  return `# soc2 readiness scan, written by \`soc2 init --ci gitlab\`. Docs: docs/ci-and-history.md
#
# Setup:
#   1. Build > Pipeline schedules: a weekly schedule (e.g. cron "17 6 * * 1") on the default branch.
#   2. An IAM role trusted by your GitLab OIDC provider (gitlab.com or your instance) for this project;
#      its ARN in the CI/CD variable SOC2_AWS_ROLE_ARN. The job exchanges the id_token below for
#      short-lived credentials (aws sts assume-role-with-web-identity); no keys are stored.
#   3. For GitHub organization checks: a masked CI/CD variable GITHUB_TOKEN.
#   4. soc2 itself is fetched from SOC2_SOURCE at exactly SOC2_COMMIT below (never from a registry name).
#      To upgrade, review the new commit and change SOC2_COMMIT.
stages:
  - scan

soc2:
  stage: scan
  image: node:24
  rules:
    - if: '$CI_PIPELINE_SOURCE == "schedule"'
    - if: '$CI_PIPELINE_SOURCE == "web"'
  id_tokens:
    AWS_ID_TOKEN:
      aud: sts.amazonaws.com
  variables:
    SOC2_SOURCE: '${source.url}'
    SOC2_COMMIT: '${source.commit}'
    AWS_REGION: us-east-1
    AWS_ROLE_SESSION_NAME: soc2-scan
  cache:
    # The history store, carried between scheduled runs (also kept as an artifact below).
    key: soc2-history
    paths:
      - soc2-history/
    when: always
  before_script:
${[...FETCH_SOC2, BUILD_SOC2].map((line) => `    - ${JSON.stringify(line)}`).join('\n')}
    - mkdir -p soc2-history
    - echo "$AWS_ID_TOKEN" > /tmp/aws-web-identity-token
    - export AWS_WEB_IDENTITY_TOKEN_FILE=/tmp/aws-web-identity-token AWS_ROLE_ARN="$SOC2_AWS_ROLE_ARN"
  script:
    - ${JSON.stringify(`${RUN_SOC2} scan --config soc2.config.yaml --format json,md,html,junit,sarif --history soc2-history $(test -f ${BASELINE} && echo --baseline ${BASELINE}) --out soc2-report --zip soc2-evidence.zip`)}
  after_script:
    - ${JSON.stringify(KEEP_BASELINE)}
  artifacts:
    when: always
    expire_in: 90 days
    paths:
      - soc2-report/
      - soc2-evidence.zip
      - soc2-history/
    reports:
      junit: soc2-report/junit.xml
`;
}

export function ciTemplate(system: CiSystem, source: Soc2Source): string {
  return system === 'github' ? githubWorkflow(source) : gitlabPipeline(source);
}
