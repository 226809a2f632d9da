import { describe, expect, it } from 'vitest';
import { runScan } from '../src/engine/scan.js';
import { renderHtml } from '../src/report/html.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { catalogOf, configWith, control, fakeCheck, fakeProvider } from './fixtures/engine.js';

async function sample() {
  const aws = fakeProvider('aws', {
    'aws.users': async () => 1,
    'aws.down': async () => {
      throw new Error('service unavailable');
    },
  });
  const checks = [
    fakeCheck('aws.mfa', ['aws.users'], () => [
      { resource: '<script>alert(1)</script>', status: 'fail', message: 'no MFA & "quotes"' },
      { resource: 'bob', status: 'pass', message: 'MFA on' },
    ]),
    fakeCheck('aws.down', ['aws.down'], () => []),
  ];
  const { result } = await runScan({
    config: configWith({ organization: 'Acme <Corp>' }),
    catalog: catalogOf(
      control('ACC-01', ['CC6.1'], ['aws.mfa']),
      control('OPS-01', ['CC7.1'], ['aws.down'], 1),
    ),
    checks,
    providers: [aws],
  });
  return result;
}

describe('human reports', () => {
  it('HTML is one self-contained, escaped page with failures, remediation and evidence needed', async () => {
    const html = renderHtml(await sample());
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//i);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('Acme &#60;Corp&#62;');
    expect(html).toContain('Fixture remediation text.');
    expect(html).toContain('Incomplete scan');
    expect(html).toContain('Manual evidence still needed (1)');
    expect(html).toContain('id="crit-CC6.1"');
  });

  it('Markdown lists failing findings, checks not evaluated and manual evidence', async () => {
    const md = renderMarkdown(await sample());
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;: no MFA &amp; "quotes"');
    expect(md).not.toContain('<script');
    expect(md).toContain(
      '| Fixture check aws.down (aws.down) | Could not check | aws.down: service unavailable |',
    );
    expect(md).toContain('| OPS-01 | Evidence 0 | Security | annually | outstanding |');
    expect(md).toContain('**Incomplete scan:**');
  });
});
