/**
 * The Content-Security-Policy of the editions, written once: the pages' own <meta> (filled by
 * rehype-csp) and the header `serve` sends carry the same policy. Everything comes from the
 * edition's own folder ('self'): its fonts, its PDF, the other editions; the one inline script
 * (the language switcher's) and the one inline stylesheet are allowed by their hashes only; the
 * page furniture's barcode and QR code are data: images. No I/O.
 */
import { createHash } from 'node:crypto';

/** A CSP source expression for an inline script or stylesheet: 'sha256-<base64>'. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function contentSecurityPolicy(inline: { scripts: readonly string[]; styles: readonly string[] }): string {
  const hashes = (texts: readonly string[]) => [...new Set(texts.map(cspHash))].join(' ');
  return [
    "default-src 'self'",
    `script-src 'self'${inline.scripts.length ? ` ${hashes(inline.scripts)}` : ''}`,
    `style-src 'self'${inline.styles.length ? ` ${hashes(inline.styles)}` : ''}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The inline <script> and <style> texts of an HTML page as serialized (for the server's header). */
export function inlineOf(html: string): { scripts: string[]; styles: string[] } {
  const texts = (tag: string) => [...html.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'giu'))].filter((m) => !/\ssrc=/iu.test(m[0].slice(0, m[0].indexOf('>')))).map((m) => m[1] ?? '');
  return { scripts: texts('script'), styles: texts('style') };
}
