/** The commented starter written by `soc2 init`. It must stay valid against schemas/config.schema.json. */
export function starterConfig(
  organization: string,
  sources: { policies?: boolean; evidence?: boolean; registers?: boolean } = {},
): string {
  const name = JSON.stringify(organization);
  const on = (enabled: boolean | undefined) => (enabled ? '' : '# ');
  return `# soc2 configuration. Reference: README.md#configuration; schema: schemas/config.schema.json
# Relative paths are resolved from this file's folder.

organization: ${name}

providers:
  # Uncomment the sections for the systems you use. A provider left out is skipped, unless its
  # credentials are in the environment (AWS_PROFILE, GITHUB_TOKEN with providers.github.org, ...).

  # AWS: credentials come from the SDK's default chain (AWS_PROFILE, environment, SSO, web identity,
  # instance role). See docs/aws.md for the read-only policy.
  # aws:
  #   regions: [us-east-1]
  #   profile: audit
  #   organization: true            # scan every member account of the AWS Organization
  #   assumeRole: soc2-audit         # the read-only role assumed in each member account
  #   configAggregator: org-aggregator

  # GitHub: token from GITHUB_TOKEN or GH_TOKEN; base URL from GITHUB_API_URL for Enterprise Server.
  # github:
  #   org: your-org
  #   baseUrl: https://github.example.com/api/v3

  # Google Workspace: service account with domain-wide delegation acting as an admin.
  # google:
  #   customer: my_customer
  #   domain: example.com
  #   subject: admin@example.com
  #   credentials: ./google-service-account.json

  # HR roster export (CSV or JSON).
  # hr:
  #   roster: ./hr/roster.csv

# Plugins add providers, checks and controls: local folders (relative to this file) or npm packages.
# \`soc2 plugin new NAME\` writes one to start from. See docs/plugins.md.
# plugins: [./soc2-plugins/vpn]

# Policy documents (Markdown with YAML front matter), manual evidence with its index, and the risk and
# vendor registers. \`soc2 init --policies --evidence-index --registers\` writes starters. See docs/people.md.
${on(sources.policies)}policies: ./policies
${on(sources.evidence)}evidence: ./evidence
${on(sources.registers)}risks: ./registers/risks.yaml
${on(sources.registers)}vendors: ./registers/vendors.yaml

# Lowest severity that fails the scan (exit code 1): critical, high, medium, low, info.
failOn: low

# The system under audit (docs/scope.md): out-of-scope categories and resources are listed, never failed.
# scope:
#   categories: [availability, confidentiality]   # security is always in scope
#   aws: { accounts: { exclude: ["222222222222"] }, regions: { include: ["us-*"] } }
#   github: { repositories: { exclude: ["your-org/marketing-*"] } }
#   google: { orgUnits: { exclude: [/Kiosks] } }
#   tags: { exclude: ["env=staging"] }

# Accepted risks: failing findings that match stay visible as excepted until they expire, and their
# check reads pass_with_exceptions. The term may not exceed 90 days (critical checks), 180 (high) or
# 365 (others) from approval; exceptionMaxDays changes those.
exceptions: []
#  - check: aws.iam-access-key-rotation
#    resource: "ci-deployer"
#    reason: Rotation automated in Q3; tracked in SEC-142
#    approved_by: cto@example.com
#    approved_at: 2026-12-01
#    expires: 2027-03-01

# Per-check options (thresholds). List them with: soc2 checks list
checks: {}
#  aws.iam-access-key-rotation:
#    maxAgeDays: 90
`;
}
