import type { AnyCheck } from '../engine/check.js';
import type { Provider } from '../engine/collector.js';
import type { AnyPopulation } from '../engine/population.js';
import type { AccountSource } from '../../checks/hr/accounts.js';
import { SEVERITIES } from '../engine/types.js';

/**
 * What a plugin's default export is. Plain objects work: `definePlugin` and the other helpers of
 * `soc2/sdk` only add types.
 */
export interface Plugin {
  /** Names the plugin in messages; unique among the registered plugins. */
  id: string;
  providers?: readonly Provider[];
  checks?: readonly AnyCheck[];
  /** Type II populations built when a scan has a period (docs/type2.md). */
  populations?: readonly AnyPopulation[];
  /** A system's accounts for access reviews (`soc2 review start access`), joined like the HR checks. */
  accounts?: readonly AccountSource[];
  /**
   * A folder of catalog YAML files (controls/control.schema.json), merged like `--catalog` except that
   * its controls may not replace existing ones: an absolute path, a file: URL, or a path relative to
   * the plugin's own folder.
   */
  controls?: string | URL;
}

export function definePlugin(plugin: Plugin): Plugin {
  return plugin;
}

export const PROVIDER_ID = /^[a-z][a-z0-9-]*$/;
export const CHECK_ID = /^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/;
const DATA_KEY = /^[a-z][a-z0-9-]*\.[A-Za-z0-9][A-Za-z0-9._-]*$/;

const PLUGIN_KEYS = ['id', 'providers', 'checks', 'populations', 'accounts', 'controls'];
const PROVIDER_KEYS = [
  'id',
  'title',
  'detect',
  'load',
  'concurrency',
  'local',
  'configSchema',
  'manualEvidence',
  'locator',
  'segmentation',
];
const CHECK_KEYS = [
  'id',
  'title',
  'provider',
  'severity',
  'description',
  'risk',
  'remediation',
  'requires',
  'options',
  'evaluate',
  'crossSegment',
];

type Shape = Record<string, unknown>;
const isObject = (value: unknown): value is Shape =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

/** What is wrong with a plugin's shape, each problem prefixed with where it is (`checks[1].severity`). */
export function pluginShapeProblems(value: unknown): string[] {
  if (!isObject(value)) {
    return [
      `the default export must be an object { id, providers?, checks?, controls? }, not ${kind(value)}`,
    ];
  }
  const problems = unknownKeys(value, PLUGIN_KEYS);
  if (typeof value.id !== 'string' || value.id.trim() === '') problems.push('id must be a non-empty string');
  for (const [field, check] of [
    ['providers', providerProblems],
    ['checks', checkProblems],
    ['populations', populationProblems],
  ] as const) {
    const list = value[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`${field} must be an array, not ${kind(list)}`);
      continue;
    }
    list.forEach((item: unknown, index) => {
      const where = `${field}[${index}]${isObject(item) && typeof item.id === 'string' ? ` (${item.id})` : ''}`;
      problems.push(...check(item).map((problem) => `${where}: ${problem}`));
    });
  }
  if (
    value.controls !== undefined &&
    typeof value.controls !== 'string' &&
    !(value.controls instanceof URL)
  ) {
    problems.push(`controls must be a folder path or a file: URL, not ${kind(value.controls)}`);
  }
  return problems;
}

function providerProblems(value: unknown): string[] {
  if (!isObject(value)) return [`must be an object, not ${kind(value)}`];
  const problems = unknownKeys(value, PROVIDER_KEYS);
  if (typeof value.id !== 'string' || !PROVIDER_ID.test(value.id))
    problems.push(`id must match ${PROVIDER_ID.source} (lowercase letters, digits, dashes)`);
  problems.push(...strings(value, ['title']));
  problems.push(...functions(value, ['detect', 'load']));
  if (!Number.isInteger(value.concurrency) || (value.concurrency as number) < 1)
    problems.push('concurrency must be an integer of at least 1');
  if (typeof value.local !== 'boolean') problems.push('local must be true or false');
  if (value.configSchema !== undefined && !isObject(value.configSchema))
    problems.push('configSchema must be a JSON Schema object');
  if (value.manualEvidence !== undefined) {
    const resolver = value.manualEvidence;
    if (!isObject(resolver) || typeof resolver.keys !== 'function' || typeof resolver.resolve !== 'function')
      problems.push('manualEvidence must be an object with keys() and resolve() functions');
  }
  if (value.locator !== undefined) {
    const locator = value.locator;
    if (
      !isObject(locator) ||
      !Array.isArray(locator.keys) ||
      !Array.isArray(locator.dimensions) ||
      typeof locator.locate !== 'function'
    )
      problems.push('locator must be an object with keys, dimensions and a locate() function');
  }
  if (value.segmentation !== undefined) {
    const segmentation = value.segmentation;
    if (
      !isObject(segmentation) ||
      typeof segmentation.scopeKey !== 'string' ||
      !Array.isArray(segmentation.keys) ||
      typeof segmentation.segments !== 'function' ||
      typeof segmentation.narrow !== 'function' ||
      typeof segmentation.resource !== 'function'
    )
      problems.push(
        'segmentation must be an object with scopeKey, keys and segments(), narrow() and resource() functions',
      );
  }
  return problems;
}

function checkProblems(value: unknown): string[] {
  if (!isObject(value)) return [`must be an object, not ${kind(value)}`];
  const problems = unknownKeys(value, CHECK_KEYS);
  problems.push(...strings(value, ['title', 'description', 'risk', 'remediation']));
  problems.push(...functions(value, ['evaluate']));
  if (typeof value.provider !== 'string' || !PROVIDER_ID.test(value.provider))
    problems.push(`provider must be a provider id matching ${PROVIDER_ID.source}`);
  if (typeof value.id !== 'string' || !CHECK_ID.test(value.id))
    problems.push(`id must be '<provider>.<name>' matching ${CHECK_ID.source}`);
  else if (typeof value.provider === 'string' && !value.id.startsWith(`${value.provider}.`))
    problems.push(`id must start with its provider: '${value.provider}.'`);
  if (!(SEVERITIES as readonly unknown[]).includes(value.severity))
    problems.push(`severity must be one of ${SEVERITIES.join(', ')}`);
  const requires = value.requires;
  if (!Array.isArray(requires) || requires.length === 0) {
    problems.push("requires must list at least one data key ('<provider>.<name>')");
  } else {
    for (const key of requires) {
      if (typeof key !== 'string' || !DATA_KEY.test(key))
        problems.push(`requires: '${String(key)}' is not a data key ('<provider>.<name>')`);
    }
  }
  if (value.options !== undefined) {
    const options = value.options;
    if (!isObject(options) || !isObject(options.schema) || !isObject(options.defaults))
      problems.push('options must be { schema: { <option>: <JSON Schema> }, defaults: { <option>: value } }');
  }
  if (value.crossSegment !== undefined && typeof value.crossSegment !== 'boolean')
    problems.push('crossSegment must be true or false');
  return problems;
}

const POPULATION_KEYS = ['id', 'title', 'provider', 'controls', 'requires', 'optional', 'build'];

function populationProblems(value: unknown): string[] {
  if (!isObject(value)) return [`must be an object, not ${kind(value)}`];
  const problems = unknownKeys(value, POPULATION_KEYS);
  problems.push(...strings(value, ['title']));
  problems.push(...functions(value, ['build']));
  if (typeof value.provider !== 'string' || !PROVIDER_ID.test(value.provider))
    problems.push(`provider must be a provider id matching ${PROVIDER_ID.source}`);
  if (typeof value.id !== 'string' || !CHECK_ID.test(value.id))
    problems.push(`id must be '<provider>.<name>' matching ${CHECK_ID.source}`);
  if (!Array.isArray(value.controls) || !value.controls.every((c) => typeof c === 'string'))
    problems.push("controls must list criteria ids, e.g. ['CC8.1']");
  if (
    !Array.isArray(value.requires) ||
    value.requires.length === 0 ||
    !value.requires.every((key) => typeof key === 'string' && DATA_KEY.test(key))
  )
    problems.push("requires must list at least one data key ('<provider>.<name>')");
  return problems;
}

function unknownKeys(value: Shape, known: readonly string[]): string[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => `unknown key '${key}' (expected ${known.join(', ')})`);
}

function strings(value: Shape, keys: readonly string[]): string[] {
  return keys
    .filter((key) => typeof value[key] !== 'string' || (value[key] as string).trim() === '')
    .map((key) => `${key} must be a non-empty string`);
}

function functions(value: Shape, keys: readonly string[]): string[] {
  return keys.filter((key) => typeof value[key] !== 'function').map((key) => `${key} must be a function`);
}
