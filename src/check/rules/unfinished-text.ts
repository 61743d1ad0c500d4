/**
 * unfinished-text: a ⟦…⟧ marker is text still to be written (add-paper leaves them where the
 * editor has work to do); none may reach print.
 */
import { lintRule } from '../rule.js';
import { PLACEHOLDER } from '../../model/unfinished.js';

export default lintRule(
  {
    id: 'unfinished-text',
    description: 'No ⟦…⟧ marker is left: add-paper puts them where text is still to be written.',
    example: 'fr/papers/CTOC-COP-WG.4-2021-2.md:5:120 Text still to be written: ⟦topic in Français⟧',
    fixable: false,
  },
  (context, report) => {
    for (const file of context.project.files) {
      const value = String(file.value ?? '');
      for (const match of value.matchAll(PLACEHOLDER)) report(file, context.pointAt(file, match.index), `Text still to be written: ${match[0]}`);
    }
  },
);
