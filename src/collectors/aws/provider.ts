import { defineProvider } from '../../engine/collector.js';
import { configSchema } from './settings.js';
import { awsLocator } from './locate.js';
import { awsSegmentation } from './segments.js';

const CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
] as const;

/** AWS: IAM and AWS Config, for one account or an AWS Organization. No SDK import here. */
export default defineProvider({
  id: 'aws',
  title: 'Amazon Web Services',
  detect(config, env) {
    if (config.providers.aws) return { configured: true };
    if (CREDENTIAL_VARIABLES.some((name) => env[name])) return { configured: true };
    return {
      configured: false,
      reason:
        'AWS is not configured: add `providers.aws` to soc2.config.yaml or provide credentials ' +
        '(AWS_PROFILE, AWS_ACCESS_KEY_ID, or a web identity/container role)',
    };
  },
  load: () => import('./runtime.js').then((m) => m.runtime),
  concurrency: 8,
  local: false,
  configSchema,
  locator: awsLocator,
  segmentation: awsSegmentation,
});
