/**
 * stale-translation: a translated unit whose recorded original differs from the current
 * original (the English paragraph was corrected after the translation was made). Reported on
 * the translation's text, with a short word diff of what changed in the original. A text with
 * no recorded original (written by hand) is not a finding: `status` counts it as to review.
 */
import { lintRule } from '../rule.js';
import { pairUnits } from '../../translate/status.js';
import { canonical } from '../../translate/inline.js';
import { wordDiff } from '../../translate/diff.js';

export default lintRule(
  {
    id: 'stale-translation',
    description: 'A translated paragraph or field whose original changed since it was translated (translation.yaml records which version each unit translates); `translate mark-current` records the current one.',
    example: 'fr/papers/CTOC-COP-WG.4-2019-3.md:7:1 The original (en) of CTOC-COP-WG.4-2019-3#p2 changed since it was translated: …the paper [-contains-]{+gives+} an overview…',
    fixable: false,
    // A translation behind its original is still a translation: reported, not blocking.
    severity: 'warning',
  },
  (context, report) => {
    const original = context.project.original;
    for (const edition of context.editions) {
      if (edition.lang === original || !context.project.translations[edition.lang]) continue;
      for (const unit of pairUnits(context.project, edition.lang)) {
        if (unit.state !== 'stale' || !unit.translation || !unit.recorded) continue;
        const { file, start } = unit.translation;
        report(file, context.pointAt(file, start), `The original (${original}) of ${unit.key} changed since it was translated: ${wordDiff(unit.recorded.source, canonical(unit.original.content))}`);
      }
    }
  },
);
