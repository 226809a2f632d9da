import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../core/config.js';
import { detectGithub, githubApiUrl } from './provider.js';

const config = (github?: Config['providers']['github']): Config => ({
  ...defaultConfig(),
  providers: github ? { github } : {},
});

describe('GitHub provider detection', () => {
  it('needs providers.github.org', () => {
    expect(detectGithub(config(), { GITHUB_TOKEN: 'x' })).toEqual({
      configured: false,
      reason: 'GitHub is not configured: set providers.github.org in soc2.config.yaml',
    });
  });
  it('accepts GITHUB_TOKEN or GH_TOKEN', () => {
    expect(detectGithub(config({ org: 'acme' }), { GITHUB_TOKEN: 'x' }).configured).toBe(true);
    expect(detectGithub(config({ org: 'acme' }), { GH_TOKEN: 'x' }).configured).toBe(true);
  });
  it('accepts complete GitHub App credentials', () => {
    const app = { org: 'acme', appId: 1, privateKey: '/k.pem', installationId: 2 };
    expect(detectGithub(config(app), {}).configured).toBe(true);
  });
  it('says how to provide credentials', () => {
    const result = detectGithub(config({ org: 'acme' }), {});
    expect(result).toMatchObject({
      configured: false,
      reason: expect.stringMatching(/GITHUB_TOKEN or GH_TOKEN/),
    });
    const partial = detectGithub(config({ org: 'acme', appId: 1 }), {});
    expect(partial).toMatchObject({ reason: expect.stringMatching(/appId, privateKey and installationId/) });
  });
});

describe('GitHub API URL', () => {
  it('prefers the config, then GITHUB_API_URL, then api.github.com', () => {
    const env = { GITHUB_API_URL: 'https://ghe.example.com/api/v3/' };
    expect(githubApiUrl(config({ org: 'a', baseUrl: 'http://127.0.0.1:9/api/v3' }), env)).toBe(
      'http://127.0.0.1:9/api/v3',
    );
    expect(githubApiUrl(config({ org: 'a' }), env)).toBe('https://ghe.example.com/api/v3');
    expect(githubApiUrl(config({ org: 'a' }), {})).toBe('https://api.github.com');
  });
});
