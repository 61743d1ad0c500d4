/**
 * source-markup: a source holds text, not markup. Raw HTML (a <script>, an <iframe>, any tag
 * but a check-ignore comment) is never passed to the edition and is reported; so are images
 * (the editions print no pictures from sources) and links whose address is not http(s) or
 * mailto — `javascript:`, `data:`, `file:` and the like.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { lintRule } from '../rule.js';

const SAFE = /^(https?:|mailto:|#)/i;

export default lintRule(
  {
    id: 'source-markup',
    description: 'Sources hold text: no raw HTML (never passed to the edition), no images, no link to an address other than http(s), mailto or a #fragment.',
    example: 'papers/CTOC-COP-WG.4-2010-5.md:8:12 Raw HTML `<script>` is not allowed in a source: it is never passed to the edition',
    fixable: false,
  },
  (context, report) => {
    for (const text of context.texts) {
      visit(text.tree as Root, (node) => {
        if (node.type === 'html') {
          const value = node.value.trim();
          if (/^<!--[^]*-->$/.test(value)) return;
          report(text.file, node.position, `Raw HTML \`${value.slice(0, 40)}\` is not allowed in a source: it is never passed to the edition`);
        } else if (node.type === 'image' || node.type === 'imageReference') {
          report(text.file, node.position, 'Images are not allowed in a source: the editions print no pictures from sources (and fetch nothing)');
        } else if (node.type === 'link' || node.type === 'definition') {
          const url = node.url.trim();
          if (!SAFE.test(url)) report(text.file, node.position, `Link to \`${url.slice(0, 60)}\` is not allowed: only http(s), mailto and #fragment addresses`);
        }
      });
    }
  },
);
