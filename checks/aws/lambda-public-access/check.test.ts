// supplementaryConfiguration.Policy holds the function's resource-based policy as JSON text in
// AWS::Lambda::Function configuration items (the item AWS Config's lambda-function-public-access-prohibited
// rule evaluates: https://docs.aws.amazon.com/config/latest/developerguide/lambda-function-public-access-prohibited.html).
// Statement shapes from https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html and
// https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html (AuthType NONE).
import { describeCheck } from '../../../test/harness/check-tester.js';
import { arnOf, ci, resourceCheckCases, resources } from '../testing.js';
import check from './check.js';

const TYPE = 'AWS::Lambda::Function';
const fn = (name: string, statements: unknown[] | undefined) =>
  ci(
    TYPE,
    name,
    { functionName: name, runtime: 'nodejs22.x' },
    statements
      ? { Policy: JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements }) }
      : {},
  );
const s3Invoke = {
  Sid: 's3-invoke',
  Effect: 'Allow',
  Principal: { Service: 's3.amazonaws.com' },
  Action: 'lambda:InvokeFunction',
  Resource: 'arn:aws:lambda:us-east-1:111111111111:function:good',
  Condition: {
    StringEquals: { 'AWS:SourceAccount': '111111111111' },
    ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' },
  },
};
const open = {
  Sid: 'open',
  Effect: 'Allow',
  Principal: '*',
  Action: 'lambda:InvokeFunction',
  Resource: 'arn:aws:lambda:us-east-1:111111111111:function:bad',
};

describeCheck(check, [
  ...resourceCheckCases(TYPE, fn('good', [s3Invoke]), fn('bad', [open])),
  {
    name: 'a function URL with AuthType NONE is public',
    data: {
      'aws.config.resources': resources([
        fn('url', [
          {
            Sid: 'FunctionURLAllowPublicAccess',
            Effect: 'Allow',
            Principal: '*',
            Action: 'lambda:InvokeFunctionUrl',
            Resource: 'arn:aws:lambda:us-east-1:111111111111:function:url',
            Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
          },
        ]),
      ]),
    },
    status: 'fail',
    failing: [arnOf(TYPE, 'url')],
    message: /FunctionURLAllowPublicAccess/,
  },
  {
    name: 'everyone narrowed by an organization condition, or no policy at all, passes',
    data: {
      'aws.config.resources': resources([
        fn('org', [
          {
            ...open,
            Sid: 'org',
            Principal: { AWS: '*' },
            Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } },
          },
        ]),
        fn('none', undefined),
      ]),
    },
    status: 'pass',
    passing: [arnOf(TYPE, 'org'), arnOf(TYPE, 'none')],
  },
]);
