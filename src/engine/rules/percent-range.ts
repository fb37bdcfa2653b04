import { findingText, subject, fieldLabel } from '../../i18n/findings.ts';
import type { Msg } from '../../i18n/locale.ts';
import type { Finding, FindingLocation } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { columnLabel, finding, isPercentInRange, readScaled, scaledToDec } from './support.ts';

const text = findingText['percent-range'];

/** One percentage: unreadable or outside 0–100 gives a finding at its cell. */
function checkPercent(raw: string, row: Msg, col: Msg, location: FindingLocation, out: Finding[]): void {
  const n = readScaled(raw);
  if (n === null) out.push(finding('percent-range', 'error', location, text.unreadable(row, col, String(raw))));
  else if (!isPercentInRange(n))
    out.push(finding('percent-range', 'error', location, text.outOfRange(row, col, scaledToDec(n))));
}

/** Every percentage a person types lies between 0 and 100: split cells, provider shares, funder shares. */
export const percentRange: Rule = {
  code: 'percent-range',

  split(split, row, ctx) {
    const out: Finding[] = [];
    for (const d of split.domains) {
      checkPercent(
        d.percent,
        row.label,
        columnLabel(ctx, d.domainId),
        { section: 'split', rowId: row.rowId, domainId: d.domainId },
        out,
      );
    }
    for (const s of split.sectors) {
      checkPercent(
        s.percent,
        row.label,
        columnLabel(ctx, s.domainId, s.sectorId),
        { section: 'split', rowId: row.rowId, domainId: s.domainId, sectorId: s.sectorId },
        out,
      );
    }
    return out;
  },

  provider(p) {
    const out: Finding[] = [];
    if (p.share !== null) {
      checkPercent(
        p.share,
        subject.provider(p.name, p.id),
        fieldLabel.share,
        { section: 'providers', rowId: p.id, field: 'share' },
        out,
      );
    }
    return out;
  },

  funder(f) {
    const out: Finding[] = [];
    if (f.share?.basis === 'percent') {
      checkPercent(
        f.share.percent,
        subject.funder(f.name, f.id),
        fieldLabel.marketShare,
        { section: 'funders', rowId: f.id, field: 'share' },
        out,
      );
    }
    return out;
  },
};
