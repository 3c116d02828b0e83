/**
 * HTML pages where an API answer was expected (a proxy's sign-in page, a gateway's 502): how to
 * tell one apart and how to say what it was in one short line, instead of pasting kilobytes of
 * markup into an error. Shared by the Halo and Google clients.
 */

/** An HTML (or XML) page, by its content type or by how the body starts. */
export function looksLikeHtml(text: string, contentType?: string | null): boolean {
  if (contentType && /html/i.test(contentType)) return true;
  return /^\s*(<!doctype html|<html|<head|<body|<\?xml|<h1|<title)/i.test(text);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The page's <title>, or else its visible text (scripts and styles left out), in one line; '' if none. */
export function htmlText(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  if (title && collapse(title)) return collapse(decodeEntities(title));
  const body = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return collapse(decodeEntities(body));
}

/** htmlText, or 'an HTML page' when the page has no text at all. */
export function htmlSummary(html: string): string {
  return htmlText(html) || 'an HTML page';
}
