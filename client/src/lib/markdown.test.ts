import { describe, expect, it } from 'vitest';
import { isSafeUrl, renderMarkdown } from './markdown';

const PAYLOADS: Record<string, string> = {
  script: '<script>alert(1)</script>',
  imgOnerror: '<img src=x onerror=alert(1)>',
  markdownJavascriptLink: '[x](javascript:alert(1))',
  htmlJavascriptLink: '<a href="javascript:alert(1)">x</a>',
  svgOnload: '<svg onload=alert(1)>',
  iframe: '<iframe src="https://evil.example/"></iframe>',
  iframeJavascript: '<iframe src="javascript:alert(1)"></iframe>',
  object: '<object data="https://evil.example/x.swf"></object>',
  embed: '<embed src="https://evil.example/x.swf">',
  style: '<style>body { display: none }</style>',
  styleAttribute: '<p style="background:url(javascript:alert(1))">x</p>',
  dataLink: '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  dataImage: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  obfuscatedScheme: '<a href="jav&#x09;ascript:alert(1)">x</a>',
  tabbedScheme: '[x](java\tscript:alert(1))',
  upperScheme: '<a href="JaVaScRiPt:alert(1)">x</a>',
  vbscript: '<a href="vbscript:msgbox(1)">x</a>',
  bodyOnload: '<body onload=alert(1)>',
  detailsOntoggle: '<details open ontoggle=alert(1)>x</details>',
  mathHref: '<math><a xlink:href="javascript:alert(1)">x</a></math>',
  formAction: '<form action="javascript:alert(1)"><button>x</button></form>',
  imageJavascript: '![x](javascript:alert(1))',
  nestedScript: '<scr<script>ipt>alert(1)</script>',
  metaRefresh: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  referenceLink: '[x][r]\n\n[r]: javascript:alert(1)',
  autolink: '<javascript:alert(1)>',
};

/** Everything that could run: script elements, event handlers, scripting URLs, embedding elements. */
function dangersIn(html: string): string[] {
  const container = document.createElement('div');
  container.innerHTML = html;
  const found: string[] = [];
  for (const element of Array.from(container.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    if (['script', 'style', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'form', 'meta', 'link', 'base'].includes(tag)) found.push(`<${tag}>`);
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (name === 'style') found.push(`${tag}[style]`);
      if (['href', 'src', 'xlink:href', 'action', 'formaction'].includes(name) && !/^(https?:|mailto:)/i.test(new URL(attribute.value, 'https://base.invalid/').href)) {
        found.push(`${tag}[${name}=${attribute.value}]`);
      }
    }
  }
  return found;
}

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('# Title\n\nSome **bold** text and a [link](https://example.org/a).\n\n- one\n- two');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('href="https://example.org/a"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('<li>one</li>');
  });

  it('keeps mailto links and relative links', () => {
    expect(renderMarkdown('[mail](mailto:a@example.org)')).toContain('href="mailto:a@example.org"');
    expect(renderMarkdown('[here](/jits/1)')).toContain('href="/jits/1"');
  });

  it.each(Object.entries(PAYLOADS))('neutralises %s', (_name, payload) => {
    const html = renderMarkdown(payload);
    expect(dangersIn(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<svg/i);
    expect(html).not.toMatch(/<object/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    // As text ("javascript:alert(1)" shown in a paragraph) it is harmless; as an attribute value it must not survive.
    expect(html).not.toMatch(/=\s*["']?\s*javascript:/i);
    expect(html).not.toMatch(/(href|src)="data:/i);
  });

  it('keeps the text of a neutralised payload as text, or drops it', () => {
    const html = renderMarkdown('before <img src=x onerror=alert(1)> after');
    expect(html).toContain('before');
    expect(html).toContain('after');
    expect(html).toContain('<img src="x">');
  });

  it('neutralises every payload together in one note', () => {
    expect(dangersIn(renderMarkdown(Object.values(PAYLOADS).join('\n\n')))).toEqual([]);
  });
});

describe('isSafeUrl', () => {
  it('accepts http(s), mailto and relative addresses only', () => {
    expect(isSafeUrl('https://example.org')).toBe(true);
    expect(isSafeUrl('http://example.org')).toBe(true);
    expect(isSafeUrl('mailto:a@example.org')).toBe(true);
    expect(isSafeUrl('#section')).toBe(true);
    expect(isSafeUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeUrl(' JAVASCRIPT:alert(1)')).toBe(false);
    expect(isSafeUrl('java\nscript:alert(1)')).toBe(false);
    expect(isSafeUrl('data:text/html,<script>alert(1)</script>')).toBe(false);
    expect(isSafeUrl('vbscript:x')).toBe(false);
    expect(isSafeUrl('file:///etc/passwd')).toBe(false);
  });
});
