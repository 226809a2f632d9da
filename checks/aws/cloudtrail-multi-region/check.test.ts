// Event selector shapes from the CloudTrail API reference (GetEventSelectors:
// https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetEventSelectors.html) and the
// user guide's management-event examples (advanced selectors with eventCategory = Management and
// readOnly; https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html).
import type { ConfigItem, ConfigResources, TrailSelectors } from '../../../src/collectors/aws/data.js';
import { describeCheck } from '../../../test/harness/check-tester.js';
import { ci, notRecording, recording, resources } from '../testing.js';
import check from './check.js';

const T = 'AWS::CloudTrail::Trail';
const trail = (name: string, multi: boolean, validation: boolean, extra: object = {}, where = {}) =>
  ci(
    T,
    name,
    {
      name,
      isMultiRegionTrail: multi,
      logFileValidationEnabled: validation,
      isOrganizationTrail: false,
      ...extra,
    },
    {},
    where,
  );

const accounts = (mode: 'single' | 'organization') => ({
  mode,
  callerAccount: '111111111111',
  partition: 'aws',
  regions: ['us-east-1'],
  accounts: [],
});
const single = accounts('single');

/** The default a trail gets without selectors of its own: all read and write management events. */
const ALL: TrailSelectors = {
  eventSelectors: [
    {
      readWriteType: 'All',
      includeManagementEvents: true,
      excludeManagementEventSources: [],
      dataResourceTypes: [],
    },
  ],
  advancedEventSelectors: [],
};
const DATA_ONLY: TrailSelectors = {
  eventSelectors: [
    {
      readWriteType: 'All',
      includeManagementEvents: false,
      excludeManagementEventSources: [],
      dataResourceTypes: ['AWS::S3::Object'],
    },
  ],
  advancedEventSelectors: [],
};
const advanced = (
  ...fieldSelectors: TrailSelectors['advancedEventSelectors'][number]['fieldSelectors'][]
) => ({
  eventSelectors: [],
  advancedEventSelectors: fieldSelectors.map((f) => ({ fieldSelectors: f })),
});
const category = (value: string) => ({ field: 'eventCategory', equals: [value] });

/** Every trail's selectors read fine (`value` by trail name, ALL otherwise). */
function scan(
  items: ConfigItem[],
  options: {
    coverage?: ConfigResources['coverage'];
    mode?: 'single' | 'organization';
    selectors?: Record<string, TrailSelectors>;
    denied?: string[];
  } = {},
) {
  return {
    'aws.accounts': accounts(options.mode ?? 'single'),
    'aws.config.resources': resources(items, options.coverage),
    'aws.cloudtrail.eventSelectors': items.map((t) => {
      const scope = { accountId: t.accountId, region: t.awsRegion, trail: t.arn!, resourceId: t.resourceId };
      return options.denied?.includes(t.resourceId)
        ? {
            ...scope,
            status: 'error' as const,
            error: 'cloudtrail:GetEventSelectors denied',
            cause: {
              kind: 'permission' as const,
              status: 400,
              code: 'AccessDeniedException',
              message: 'denied',
            },
          }
        : { ...scope, status: 'ok' as const, value: options.selectors?.[t.resourceId] ?? ALL };
    }),
  };
}

describeCheck(check, [
  {
    name: 'multi-region trail with validation passes',
    data: scan([trail('main', true, true)]),
    status: 'pass',
    passing: ['aws-account/111111111111'],
  },
  {
    name: 'single-region trail fails',
    data: scan([trail('local', false, true)]),
    status: 'fail',
    failing: ['aws-account/111111111111'],
    message: /single-region/,
  },
  {
    name: 'no validation fails',
    data: scan([trail('main', true, false)]),
    status: 'fail',
    message: /no validation/,
  },
  {
    name: 'a trail that logs only data events does not count',
    data: scan([trail('main', true, true)], { selectors: { main: DATA_ONLY } }),
    status: 'fail',
    failing: ['aws-account/111111111111'],
    message: /main no management events/,
  },
  {
    name: 'basic selectors logging reads and writes separately count together',
    data: scan([trail('main', true, true)], {
      selectors: {
        main: {
          eventSelectors: ['ReadOnly', 'WriteOnly'].map((readWriteType) => ({
            readWriteType,
            includeManagementEvents: true,
            excludeManagementEventSources: [],
            dataResourceTypes: [],
          })),
          advancedEventSelectors: [],
        },
      },
    }),
    status: 'pass',
  },
  {
    name: 'write-only management events fail',
    data: scan([trail('main', true, true)], {
      selectors: {
        main: {
          eventSelectors: [
            {
              readWriteType: 'WriteOnly',
              includeManagementEvents: true,
              excludeManagementEventSources: [],
              dataResourceTypes: [],
            },
          ],
          advancedEventSelectors: [],
        },
      },
    }),
    status: 'fail',
    message: /write management events only/,
  },
  {
    name: 'an advanced selector for all management events passes (excluding KMS events is allowed)',
    data: scan([trail('main', true, true)], {
      selectors: {
        main: advanced(
          [category('Management'), { field: 'eventSource', notEquals: ['kms.amazonaws.com'] }],
          [category('Data'), { field: 'resources.type', equals: ['AWS::S3::Object'] }],
        ),
      },
    }),
    status: 'pass',
  },
  {
    name: 'advanced selectors for data events only, or management reads only, fail',
    data: scan([trail('data', true, true), trail('reads', true, true)], {
      selectors: {
        data: advanced([category('Data'), { field: 'resources.type', equals: ['AWS::S3::Object'] }]),
        reads: advanced([category('Management'), { field: 'readOnly', equals: ['true'] }]),
      },
    }),
    status: 'fail',
    message: /data no management events, reads read management events only/,
  },
  {
    name: 'a management selector narrowed to one event source does not log all management events',
    data: scan([trail('main', true, true)], {
      selectors: {
        main: advanced([category('Management'), { field: 'eventSource', equals: ['s3.amazonaws.com'] }]),
      },
    }),
    status: 'fail',
  },
  {
    name: 'a trail whose selectors could not be read leaves the account not checked, never passing',
    data: scan([trail('main', true, true)], { denied: ['main'] }),
    status: 'error',
    failing: [],
    notChecked: ['aws-account/111111111111'],
  },
  {
    name: 'no trail fails and names unrecorded regions',
    data: scan([], { coverage: [recording(), notRecording()] }),
    status: 'fail',
    message: /not recorded in eu-west-1/,
  },
  {
    name: 'an organization trail covers member accounts',
    data: scan([trail('org', true, true, { isOrganizationTrail: true })], {
      mode: 'organization',
      coverage: [recording(), recording('222222222222')],
    }),
    status: 'pass',
    passing: ['aws-account/111111111111', 'aws-account/222222222222'],
  },
  {
    name: 'an organization trail logging only data events covers nobody',
    data: scan([trail('org', true, true, { isOrganizationTrail: true })], {
      mode: 'organization',
      coverage: [recording(), recording('222222222222')],
      selectors: { org: DATA_ONLY },
    }),
    status: 'fail',
    failing: ['aws-account/111111111111', 'aws-account/222222222222'],
  },
  {
    name: 'with an explicit account list, an organization trail covers only its own account',
    data: scan([trail('org', true, true, { isOrganizationTrail: true })], {
      coverage: [recording(), recording('555555555555')],
    }),
    status: 'fail',
    passing: ['aws-account/111111111111'],
    failing: ['aws-account/555555555555'],
  },
  {
    name: 'an unreadable account is not checked',
    data: {
      ...scan([trail('main', true, true)], {
        coverage: [
          recording(),
          { ...recording('333333333333'), error: 'account not checked: cannot assume role' },
        ],
      }),
      'aws.accounts': single,
    },
    status: 'error',
    failing: [],
    notChecked: ['aws-account/333333333333'],
  },
]);
