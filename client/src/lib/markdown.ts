import DOMPurify, { type Config } from 'dompurify';
import { Marked } from 'marked';

/**
 * Notes are Markdown written by other people: the HTML made from them is sanitised before it is put
 * in the page. Markdown may carry raw HTML, so everything marked produces goes through DOMPurify with
 * a strict configuration, and a hook drops every link or source that is not http(s) or mailto.
 */

const markdown = new Marked({ gfm: true, breaks: false, async: false });

/** Schemes a link or image may point to; relative addresses resolve to the page's own (https). */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'background', 'poster', 'cite'];
/** Resolves relative addresses; the browser's own URL parser, so "java\tscript:" is read as the browser would. */
const RESOLVE_BASE = 'https://notes.invalid/';

export function isSafeUrl(value: string): boolean {
  try {
    return SAFE_PROTOCOLS.has(new URL(value.trim(), RESOLVE_BASE).protocol);
  } catch {
    return false;
  }
}

export const SANITIZE_CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'script',
    'style',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'link',
    'meta',
    'base',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'svg',
    'math',
    'template',
    'noscript',
  ],
  FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'background', 'ping'],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  SAFE_FOR_TEMPLATES: false,
  WHOLE_DOCUMENT: false,
  RETURN_TRUSTED_TYPE: false,
};

let purifier: ReturnType<typeof DOMPurify> | null = null;

/** One DOMPurify instance of our own, so that its hooks touch nothing else in the page. */
function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const instance = DOMPurify(window);
  instance.addHook('uponSanitizeAttribute', (_node, data) => {
    // Any event handler, whatever DOMPurify's lists say.
    if (data.attrName.toLowerCase().startsWith('on')) data.keepAttr = false;
  });
  instance.addHook('afterSanitizeAttributes', (node) => {
    for (const name of URL_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value !== null && !isSafeUrl(value)) node.removeAttribute(name);
    }
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  });
  purifier = instance;
  return instance;
}

/** Sanitises HTML for display. */
export function sanitizeHtml(html: string): string {
  return getPurifier().sanitize(html, SANITIZE_CONFIG);
}

/** Markdown to HTML that is safe to put in the page. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.parse(source, { async: false }));
}
