import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/report/markdown-html.js';

describe('markdownToHtml (the subset check texts use)', () => {
  it('renders code spans, bold, links and bare URLs in a paragraph', () => {
    expect(
      markdownToHtml(
        'Run `aws s3api put-bucket-encryption --bucket NAME` as **root**, see [the guide](https://docs.aws.amazon.com/x) or https://aka.ms/mysecurityinfo.',
      ),
    ).toBe(
      '<p>Run <code>aws s3api put-bucket-encryption --bucket NAME</code> as <strong>root</strong>, see <a href="https://docs.aws.amazon.com/x" rel="noopener noreferrer">the guide</a> or <a href="https://aka.ms/mysecurityinfo" rel="noopener noreferrer">https://aka.ms/mysecurityinfo</a>.</p>',
    );
  });

  it('keeps code span content literal, backticks inside double-backtick spans included', () => {
    expect(markdownToHtml('Set ``a`b`` and `\'{"x":[1]}\'` and `<b>`')).toBe(
      '<p>Set <code>a`b</code> and <code>&#39;{&#34;x&#34;:[1]}&#39;</code> and <code>&#60;b&#62;</code></p>',
    );
    expect(markdownToHtml('an unclosed ` backtick')).toBe('<p>an unclosed ` backtick</p>');
  });

  it('renders bullet and numbered lists, continuation lines and paragraphs', () => {
    expect(markdownToHtml('Do this:\n- first `x`\n  still first\n* second\n\n1. one\n2) two\n\nDone.')).toBe(
      '<p>Do this:</p><ul><li>first <code>x</code> still first</li><li>second</li></ul><ol><li>one</li><li>two</li></ol><p>Done.</p>',
    );
  });

  it('escapes raw HTML and drops links with unsafe schemes to text', () => {
    const html = markdownToHtml(
      '<img src=x onerror=alert(1)> [click](javascript:alert(1)) [data](data:text/html,x) [rel](README.md) <script>',
    );
    expect(html).toBe(
      '<p>&#60;img src=x onerror=alert(1)&#62; [click](javascript:alert(1)) [data](data:text/html,x) <a href="README.md" rel="noopener noreferrer">rel</a> &#60;script&#62;</p>',
    );
    expect(html).not.toMatch(/<(img|script)|href="(javascript|data):/);
  });

  it('escapes quotes in link targets and labels', () => {
    expect(markdownToHtml('[a "b" <c>](https://x.example/?q="1")')).toBe(
      '<p><a href="https://x.example/?q=&#34;1&#34;" rel="noopener noreferrer">a &#34;b&#34; &#60;c&#62;</a></p>',
    );
  });
});
