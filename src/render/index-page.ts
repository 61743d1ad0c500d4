/** output/index.html: the list of editions (no I/O). */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Lang } from '../types.js';
import { contentSecurityPolicy } from './csp.js';

export function renderIndex(
  langs: readonly Lang[],
  titles: Partial<Record<Lang, { title: string; name: string; dir: string }>>,
  names: { pdf: (lang: string) => string; akn: (lang: string) => string },
): string {
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        // The editions' policy; this page has no inline script or stylesheet at all.
        h('meta', { httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy({ scripts: [], styles: [] }) }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('title', 'Editions'),
      ]),
      h('body', [
        h('main', [
          h('h1', 'Editions'),
          h(
            'ul',
            langs.map((lang) => {
              const t = titles[lang];
              return h('li', { lang, dir: t?.dir ?? 'auto' }, [
                h('a', { href: `${lang}/index.html`, hrefLang: lang }, t ? `${t.name}: ${t.title}` : lang),
                ' (',
                h('a', { href: `${lang}/${names.pdf(lang)}`, hrefLang: lang, type: 'application/pdf' }, 'PDF'),
                ', ',
                h('a', { href: `${lang}/${names.akn(lang)}`, hrefLang: lang, type: 'application/akn+xml' }, 'Akoma Ntoso XML'),
                ')',
              ]);
            }),
          ),
        ]),
      ]),
    ]),
  ]);
  return toHtml(tree) + '\n';
}
