import type { Plan } from '../../src/model/plan.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { gridText } from '../../src/i18n/grid.ts';
import { Dec } from '../../src/money/decimal.ts';
import { formatMoney } from '../../src/money/format.ts';
import { parseAmount, parseNumber } from '../../src/money/parse.ts';
import type { CellEdit, EditOutcome, RefusedEdit } from '../grid/grid-types.ts';

/*
 * What the budget grid tells about input it accepted: how an entry with one separator before
 * three digits was read ("12.500" is € 12.500 in nl and €12.50 in en), and an amount so far out
 * of line with the plan's other lumpsums (cents next to thousands) that it is probably a slip.
 * These are notes, not refusals: the value is taken, the user sees at once what was taken.
 */

/** A lumpsum this many times smaller or larger than the plan's typical one is called out. */
const FACTOR = 1000;

export function inputNotes(
  plan: Plan,
  edits: readonly CellEdit[],
  outcome: EditOutcome,
  locale: Locale,
): RefusedEdit[] {
  const refused = new Set(outcome.refused.map((r) => r.edit));
  const notes: RefusedEdit[] = [];
  for (const edit of edits) {
    const key = edit.column.key;
    if (refused.has(edit) || edit.text.trim() === '') continue;
    if (key !== 'cost.amount' && key !== 'cost.rate' && key !== 'cost.quantity') continue;
    const parsed = key === 'cost.quantity' ? parseNumber(edit.text, locale) : parseAmount(edit.text, locale);
    if (!parsed.ok) continue;
    if (parsed.readAs) notes.push({ edit, message: parsed.readAs });
    if (key === 'cost.amount') {
      const odd = outOfLine(plan, edit.row.id, parsed.value);
      if (odd) notes.push({ edit, message: odd });
    }
  }
  return notes;
}

/** A message when `value` is a thousand times below or above the median of the other lumpsums. */
function outOfLine(plan: Plan, rowId: string, value: Dec) {
  if (value.lte(0)) return null;
  const others = plan.activities
    .filter((a) => a.id !== rowId && a.cost.kind === 'lumpsum')
    .map((a) => new Dec((a.cost as { amount: string }).amount))
    .filter((d) => d.gt(0))
    .sort((a, b) => a.comparedTo(b));
  if (others.length === 0) return null;
  const typical = others[Math.floor(others.length / 2)]!;
  const small = value.times(FACTOR).lt(typical);
  const large = value.gt(typical.times(FACTOR));
  if (!small && !large) return null;
  const t = small ? gridText.implausibleSmall : gridText.implausibleLarge;
  const fill = (text: string, l: Locale) =>
    text.replace('{amount}', formatMoney(value, l)).replace('{typical}', formatMoney(typical, l));
  return { nl: fill(t.nl, 'nl'), en: fill(t.en, 'en') };
}
