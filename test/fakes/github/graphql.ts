import { schema as published } from '@octokit/graphql-schema';
import {
  buildClientSchema,
  execute,
  GraphQLError,
  parse,
  validate,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { FakeOrg, FakeRepo } from './server.js';

/**
 * GitHub's GraphQL API (POST /graphql; /api/graphql on GitHub Enterprise Server) for the fake:
 * queries are validated and executed with the `graphql` package against GitHub's published schema
 * (@octokit/graphql-schema, the public schema of api.github.com), with resolvers over the fake's
 * organization. So a field the client asks for that GitHub does not have fails here as it would there.
 * Validation failures are answered as GitHub does (HTTP 200, no data, errors with
 * extensions.code "undefinedField", typeName, fieldName; see e.g. refined-github/refined-github#6946
 * for a GitHub Enterprise Server answer). Reference: https://docs.github.com/en/graphql/reference.
 */

const schemas = new Map<string, GraphQLSchema>();

/** The schema, without the listed `Type.field`s (an older GitHub Enterprise Server). */
export function githubSchema(without: readonly string[] = []): GraphQLSchema {
  const id = [...without].sort().join(',');
  let schema = schemas.get(id);
  if (!schema) {
    const introspection = published.json as IntrospectionQuery;
    const types = introspection.__schema.types.map((type) => {
      const drop = without.filter((w) => w.startsWith(`${type.name}.`)).map((w) => w.split('.')[1]);
      if (drop.length === 0 || !('fields' in type) || !type.fields) return type;
      return { ...type, fields: type.fields.filter((f) => !drop.includes(f.name)) };
    });
    schema = buildClientSchema({ __schema: { ...introspection.__schema, types } }, { assumeValid: true });
    schemas.set(id, schema);
  }
  return schema;
}

export interface GraphqlAnswer {
  data?: unknown;
  errors?: unknown[];
}

/** One GraphQL request body answered against the organization. */
export async function answerGraphql(
  org: FakeOrg,
  body: { query?: string; variables?: Record<string, unknown> },
  options: { owner: boolean; schemaWithout?: readonly string[] },
): Promise<GraphqlAnswer> {
  const schema = githubSchema(options.schemaWithout);
  let document;
  try {
    document = parse(body.query ?? '');
  } catch (error) {
    return { errors: [{ message: (error as GraphQLError).message, extensions: { code: 'parseError' } }] };
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return { errors: invalid.map(githubValidationError) };
  const result = await execute({
    schema,
    document,
    rootValue: root(org, options.owner),
    variableValues: body.variables ?? {},
  });
  return {
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(result.errors ? { errors: result.errors.map((e) => ({ ...e.toJSON(), type: 'FORBIDDEN' })) } : {}),
  };
}

/** graphql-js's "Cannot query field "x" on type "Y"." as GitHub words and codes it. */
function githubValidationError(error: GraphQLError): Record<string, unknown> {
  const field = /Cannot query field "(\w+)" on type "(\w+)"/.exec(error.message);
  if (field) {
    return {
      path: ['query'],
      extensions: { code: 'undefinedField', typeName: field[2], fieldName: field[1] },
      locations: error.locations,
      message: `Field '${field[1]}' doesn't exist on type '${field[2]}'`,
    };
  }
  return { message: error.message, locations: error.locations, extensions: { code: 'validationError' } };
}

/** Forward cursor paging as GitHub's connections do it: first (max 100), after, pageInfo. */
function connection<T>(items: T[], args: { first?: number; after?: string | null }) {
  if (args.first === undefined || args.first < 0 || args.first > 100)
    throw new GraphQLError('You must provide a `first` value between 0 and 100 to properly paginate.');
  const start = args.after
    ? Number(
        Buffer.from(args.after, 'base64')
          .toString('utf8')
          .replace(/^cursor:v2:/, ''),
      ) + 1
    : 0;
  const slice = items.slice(start, start + args.first);
  const cursor = (i: number) => Buffer.from(`cursor:v2:${i}`).toString('base64');
  return {
    totalCount: items.length,
    nodes: slice,
    edges: slice.map((node, i) => ({ cursor: cursor(start + i), node, ...(node as object) })),
    pageInfo: {
      hasNextPage: start + args.first < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length > 0 ? cursor(start) : null,
      endCursor: slice.length > 0 ? cursor(start + slice.length - 1) : null,
    },
  };
}

const on = (v: unknown) => Boolean((v as { enabled?: boolean } | null | undefined)?.enabled);

/** The fixture's classic protection (REST shape) as a BranchProtectionRule. */
function protectionRule(p: Record<string, unknown>) {
  const checks = p.required_status_checks as {
    strict?: boolean;
    contexts?: string[];
    checks?: { context: string }[];
  } | null;
  const reviews = p.required_pull_request_reviews as Record<string, unknown> | null;
  return {
    isAdminEnforced: on(p.enforce_admins),
    allowsForcePushes: on(p.allow_force_pushes),
    allowsDeletions: on(p.allow_deletions),
    requiresApprovingReviews: Boolean(reviews),
    requiredApprovingReviewCount: (reviews?.required_approving_review_count as number | undefined) ?? null,
    dismissesStaleReviews: Boolean(reviews?.dismiss_stale_reviews),
    requiresCodeOwnerReviews: Boolean(reviews?.require_code_owner_reviews),
    requireLastPushApproval: Boolean(reviews?.require_last_push_approval),
    requiresStatusChecks: Boolean(checks),
    requiresStrictStatusChecks: Boolean(checks?.strict),
    requiredStatusCheckContexts: checks?.contexts ?? [],
    requiredStatusChecks: (checks?.checks ?? []).map((c) => ({ context: c.context })),
    requiresLinearHistory: on(p.required_linear_history),
    requiresCommitSignatures: on(p.required_signatures),
  };
}

const camel = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(camel);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
      camel(v),
    ]),
  );
};

const PULL_REQUEST_DEFAULTS = {
  requiredApprovingReviewCount: 0,
  dismissStaleReviewsOnPush: false,
  requireCodeOwnerReview: false,
  requireLastPushApproval: false,
  requiredReviewThreadResolution: false,
};

const PARAMETER_TYPES: Record<string, string> = {
  pull_request: 'PullRequestParameters',
  required_status_checks: 'RequiredStatusChecksParameters',
};

/** A fixture rule (REST shape of GET .../rules/branches/{branch}) as a RepositoryRule. */
function repositoryRule(org: FakeOrg, repo: FakeRepo, rule: Record<string, unknown>) {
  const id = rule.ruleset_id as number;
  const set = (rule.ruleset_source_type === 'Organization' ? org.rulesets : repo.rulesets)?.[id] ?? {};
  const byOrg = rule.ruleset_source_type === 'Organization';
  const parameterType = PARAMETER_TYPES[rule.type as string];
  return {
    type: String(rule.type).toUpperCase(),
    parameters:
      parameterType && rule.parameters
        ? {
            __typename: parameterType,
            // GitHub answers every non-null field; a fixture may leave the false ones out.
            ...(parameterType === 'PullRequestParameters' ? PULL_REQUEST_DEFAULTS : {}),
            ...(camel(rule.parameters) as object),
            requiredStatusChecks: (
              (rule.parameters as { required_status_checks?: { context: string; integration_id?: number }[] })
                .required_status_checks ?? []
            ).map((c) => ({ context: c.context, integrationId: c.integration_id ?? null })),
            doNotEnforceOnCreate: false,
          }
        : null,
    repositoryRuleset: {
      databaseId: id,
      name: (set.name as string | undefined) ?? `ruleset ${id}`,
      enforcement: String(set.enforcement ?? 'active').toUpperCase(),
      source: byOrg
        ? { __typename: 'Organization', login: org.login }
        : { __typename: 'Repository', nameWithOwner: `${org.login}/${repo.name}` },
    },
  };
}

function repository(org: FakeOrg, repo: FakeRepo, owner: boolean) {
  const outside = new Set(org.outsideCollaborators.map((u) => u.login.toLowerCase()));
  const branch = repo.default_branch ?? 'main';
  return {
    nameWithOwner: `${org.login}/${repo.name}`,
    name: repo.name,
    isArchived: Boolean(repo.archived),
    viewerCanAdminister: owner,
    hasVulnerabilityAlertsEnabled: Boolean(repo.vulnerabilityAlerts),
    defaultBranchRef: repo.empty
      ? null
      : {
          name: branch,
          // Free plan, private repository: GitHub offers no protection, so there is no rule.
          branchProtectionRule:
            owner && repo.protection && !repo.protectionNeedsUpgrade ? protectionRule(repo.protection) : null,
          rules: (args: { first?: number; after?: string }) =>
            connection(
              repo.protectionNeedsUpgrade ? [] : (repo.rules ?? []).map((r) => repositoryRule(org, repo, r)),
              args,
            ),
        },
    collaborators: (args: { first?: number; after?: string; affiliation?: string }) =>
      connection(
        (repo.collaborators ?? [])
          .filter((c) => args.affiliation !== 'OUTSIDE' || outside.has(c.login.toLowerCase()))
          .map((c) => ({ permission: c.role_name.toUpperCase(), login: c.login, databaseId: c.id })),
        args,
      ),
    deployKeys: (args: { first?: number; after?: string }) =>
      connection(
        (owner ? (repo.keys ?? []) : []).map((k) => ({
          title: k.title,
          readOnly: k.read_only,
          createdAt: k.created_at,
        })),
        args,
      ),
    object: ({ expression }: { expression: string }) => {
      const path = expression.replace(/^HEAD:/, '');
      return !repo.empty && (repo.files ?? []).includes(path) ? { __typename: 'Blob' } : null;
    },
  };
}

function root(org: FakeOrg, owner: boolean) {
  return {
    rateLimit: () => ({
      cost: 1,
      limit: 5000,
      remaining: 4999,
      resetAt: new Date(Date.now() + 3_600_000).toISOString(),
    }),
    organization: ({ login }: { login: string }) =>
      login.toLowerCase() !== org.login.toLowerCase()
        ? null
        : {
            login: org.login,
            repositories: (args: { first?: number; after?: string }) =>
              connection(
                org.repos
                  .map((r) => repository(org, r, owner))
                  .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())),
                args,
              ),
          },
  };
}
