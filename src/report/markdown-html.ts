import { escapeHtml } from './escape-html.js';

/**
 * Renders the small Markdown subset check texts use (remediation, risk) as HTML: paragraphs, `-`/`*`
 * and `1.` lists, `code spans`, **bold**, [links](https://...) and bare http(s) URLs. Everything else,
 * raw HTML included, is escaped text: a check from a plugin cannot inject markup into the report.
 */
export function markdownToHtml(markdown: string): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | undefined;
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  const endList = () => {
    if (list)
      blocks.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.tag}>`);
    list = undefined;
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const item = /^(?:([-*])|(\d{1,9})[.)])\s+(.*)$/.exec(line);
    if (item) {
      endParagraph();
      const tag = item[1] ? 'ul' : 'ol';
      if (list?.tag !== tag) {
        endList();
        list = { tag, items: [] };
      }
      list.items.push(item[3]!);
    } else if (line === '') {
      endParagraph();
      endList();
    } else if (list && /^\s/.test(raw)) {
      list.items[list.items.length - 1] += ` ${line}`;
    } else {
      endList();
      paragraph.push(line);
    }
  }
  endParagraph();
  endList();
  return blocks.join('');
}

/** Code spans first (their content is literal), then links, bare URLs and bold in the text between. */
function inline(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const open = /`+/.exec(rest);
    if (!open) break;
    const close = rest.indexOf(open[0], open.index + open[0].length);
    if (close < 0) break;
    out += prose(rest.slice(0, open.index));
    out += `<code>${escapeHtml(rest.slice(open.index + open[0].length, close).trim())}</code>`;
    rest = rest.slice(close + open[0].length);
  }
  return out + prose(rest);
}

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]])|\*\*([^*]+)\*\*/g;

function prose(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    out += escapeHtml(text.slice(last, match.index));
    const [whole, label, target, bare, bold] = match;
    if (bold !== undefined) out += `<strong>${escapeHtml(bold)}</strong>`;
    else if (bare !== undefined) out += anchor(bare, escapeHtml(bare));
    else out += safeUrl(target!) ? anchor(target!, escapeHtml(label!)) : escapeHtml(whole);
    last = match.index + whole.length;
  }
  return out + escapeHtml(text.slice(last));
}

/** http(s) and mailto links, and relative ones; never javascript:, data: or any other scheme. */
function safeUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

function anchor(url: string, label: string): string {
  return `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${label}</a>`;
}
