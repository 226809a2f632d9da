import { defineCheck } from '../../../src/engine/check.js';
import { config, itemFinding, itemName, resourceCheck, sameWord } from '../support.js';

interface Options {
  alsoDeprecated: string[];
}

/**
 * Deprecation dates of Lambda-managed runtimes, from the deprecated and scheduled tables of
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (runtimes retired before 2021 have
 * no date of their own here and count as deprecated since then).
 */
export const DEPRECATED: Readonly<Record<string, string>> = {
  nodejs: '2016-10-31',
  'nodejs4.3': '2020-03-05',
  'nodejs6.10': '2019-08-12',
  'nodejs8.10': '2020-03-06',
  'nodejs10.x': '2021-07-30',
  'nodejs12.x': '2023-03-31',
  'nodejs14.x': '2023-12-04',
  'nodejs16.x': '2024-06-12',
  'nodejs18.x': '2025-09-01',
  'nodejs20.x': '2026-04-30',
  'python2.7': '2021-07-15',
  'python3.6': '2022-07-18',
  'python3.7': '2023-12-04',
  'python3.8': '2024-10-14',
  'python3.9': '2025-12-15',
  'ruby2.5': '2021-07-30',
  'ruby2.7': '2023-12-07',
  'ruby3.2': '2026-03-31',
  java8: '2024-01-08',
  'go1.x': '2024-01-08',
  provided: '2024-01-08',
  'dotnetcore1.0': '2019-07-30',
  'dotnetcore2.0': '2019-05-30',
  'dotnetcore2.1': '2022-01-05',
  'dotnetcore3.1': '2023-04-03',
  'dotnet5.0': '2022-05-10',
  dotnet6: '2024-12-20',
  dotnet7: '2024-05-14',
};

export default defineCheck<'aws.config.resources', Options>({
  id: 'aws.lambda-runtime-supported',
  title: 'Lambda functions run on supported runtimes',
  provider: 'aws',
  severity: 'medium',
  description:
    'No Lambda function (configuration.runtime) uses a Lambda-managed runtime past its deprecation date at scan time, or a runtime listed in `alsoDeprecated`. Container-image functions (packageType Image) have no managed runtime and are not judged.',
  risk: 'Deprecated runtimes no longer get security patches, and Lambda eventually blocks updating the function, so a fix cannot be shipped in a hurry.',
  remediation:
    'Move the function to a supported runtime (`aws lambda update-function-configuration --function-name NAME --runtime nodejs22.x`) after testing, and track upcoming deprecations in the AWS Health Dashboard.',
  requires: ['aws.config.resources'],
  options: {
    schema: { alsoDeprecated: { type: 'array', items: { type: 'string', minLength: 1 } } },
    defaults: { alsoDeprecated: [] },
  },
  evaluate(data, options, { now }) {
    const today = now.toISOString().slice(0, 10);
    return resourceCheck(
      data['aws.config.resources'],
      'AWS::Lambda::Function',
      'Lambda functions',
      (item) => {
        const runtime = config<string>(item, 'runtime');
        if (!runtime || sameWord(config(item, 'packageType'), 'Image')) return undefined;
        const since = DEPRECATED[runtime.toLowerCase()];
        const listed = options.alsoDeprecated.some((r) => sameWord(r, runtime));
        const deprecated = listed || (since !== undefined && since <= today);
        const name = itemName(item, 'functionName');
        return itemFinding(
          item,
          !deprecated,
          deprecated
            ? `function ${name} runs ${runtime}, deprecated ${listed ? '(alsoDeprecated)' : `since ${since}`}`
            : `function ${name} runs ${runtime}${since ? ` (deprecated from ${since})` : ''}`,
          { runtime, deprecatedSince: since ?? null },
        );
      },
    );
  },
});
