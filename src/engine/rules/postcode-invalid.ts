import { findingText, subject } from '../../i18n/findings.ts';
import type { Finding } from '../../model/index.ts';
import type { Rule } from './rule.ts';
import { finding } from './support.ts';

const text = findingText['postcode-invalid'];

/** PC4 "5611" or a range "5611-5658"; a typed en dash and spaces around it are accepted. */
const SINGLE = /^(\d{4})$/;
const RANGE = /^(\d{4})\s*[-–]\s*(\d{4})$/;
const inPc4 = (digits: string) => Number(digits) >= 1000;

/** Is the entry a readable postcode or range? 'reversed' when a range runs backwards. */
export function readPostcode(entry: string): 'ok' | 'invalid' | 'reversed' {
  const s = entry.trim();
  const single = SINGLE.exec(s);
  if (single) return inPc4(single[1]!) ? 'ok' : 'invalid';
  const range = RANGE.exec(s);
  if (!range || !inPc4(range[1]!) || !inPc4(range[2]!)) return 'invalid';
  return Number(range[1]) <= Number(range[2]) ? 'ok' : 'reversed';
}

/** Every service-area entry is a Dutch PC4 postcode (1000–9999) or a range of them; empty entries are ignored. */
export const postcodeInvalid: Rule = {
  code: 'postcode-invalid',

  targetGroup(g) {
    const out: Finding[] = [];
    const label = subject.targetGroup(g.name, g.id);
    for (const entry of g.postcodes) {
      if (entry.trim() === '') continue;
      const state = readPostcode(entry);
      if (state === 'ok') continue;
      const message = state === 'reversed' ? text.reversed(label, entry.trim()) : text.entry(label, entry.trim());
      out.push(
        finding('postcode-invalid', 'error', { section: 'targetGroups', rowId: g.id, field: 'postcodes' }, message),
      );
    }
    return out;
  },
};
