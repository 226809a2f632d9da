import type { PolicyStatement } from '../../../src/collectors/aws/data.js';
import { defineCheck } from '../../../src/engine/check.js';
import {
  anyonePrincipal,
  itemFinding,
  itemName,
  policyStatements,
  resourceCheck,
  sameWord,
  supplementary,
} from '../support.js';

/**
 * An Allow for everyone that no condition narrows. A function URL with AuthType NONE is public too: its
 * statement's only condition is `lambda:FunctionUrlAuthType`.
 */
function isPublic(statement: PolicyStatement): boolean {
  if (!sameWord(statement.Effect, 'Allow') || !anyonePrincipal(statement)) return false;
  const keys = Object.values((statement.Condition ?? {}) as Record<string, Record<string, unknown>>).flatMap(
    (c) => Object.keys(c ?? {}),
  );
  return keys.every((k) => sameWord(k, 'lambda:FunctionUrlAuthType'));
}

export default defineCheck({
  id: 'aws.lambda-public-access',
  title: 'Lambda functions are not publicly invocable',
  provider: 'aws',
  severity: 'high',
  description:
    'No Lambda function resource policy (supplementaryConfiguration.Policy) allows everyone (`"Principal": "*"` or `{"AWS": "*"}`) without a condition narrowing it (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID...). A function URL with AuthType NONE counts as public.',
  risk: 'Anyone on the internet can invoke a public function, run up costs, and reach whatever data and permissions its role has.',
  remediation:
    'Remove the statement (`aws lambda remove-permission --function-name NAME --statement-id SID`) and grant invoke to specific principals with a source condition; use AuthType AWS_IAM for function URLs.',
  requires: ['aws.config.resources'],
  evaluate(data) {
    return resourceCheck(
      data['aws.config.resources'],
      'AWS::Lambda::Function',
      'Lambda functions',
      (item) => {
        const name = itemName(item, 'functionName');
        const open = policyStatements(supplementary(item, 'Policy')).filter(isPublic);
        return itemFinding(
          item,
          open.length === 0,
          open.length
            ? `function ${name} can be invoked by anyone (statement ${open.map((s) => s.Sid ?? '?').join(', ')})`
            : `function ${name} is not publicly invocable`,
          { publicStatements: open.map((s) => s.Sid ?? null) },
        );
      },
    );
  },
});
