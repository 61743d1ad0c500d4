/**
 * The allow-list the edition's body is sanitized against (rehype-sanitize), after every
 * plugin that adds markup and before the template: the elements and attributes the pipeline
 * itself produces, links only to http(s), mailto and #fragments. Anything a source could
 * smuggle in beyond that — a script, an event handler, a `javascript:` link — is dropped.
 */
import { defaultSchema, type Options } from 'rehype-sanitize';

const common = ['className', 'id', 'lang', 'dir', 'ariaLabel', 'ariaLabelledBy', 'ariaCurrent', 'dataPara', 'dataSymbol', 'dataEid'];

export const bodySchema: Options = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  tagNames: ['section', 'nav', 'div', 'p', 'span', 'h2', 'h3', 'h4', 'ol', 'ul', 'li', 'a', 'em', 'strong', 'br', 'sup', 'sub', 'code'],
  attributes: {
    '*': common,
    a: [...common, 'href', 'hrefLang'],
    ol: [...common, 'start'],
  },
  protocols: { href: ['http', 'https', 'mailto'] },
  strip: ['script', 'style'],
};
