import { html, type TemplateResult } from 'lit';
import type { Locale } from '../../src/i18n/locale.ts';
import { nt } from '../../src/i18n/negotiation.ts';
import type { InputDifference } from '../../src/compare/index.ts';
import type { SignoffStatus } from '../../src/negotiation/index.ts';
import './signoff-panel.ts';

/** What the planner's sign-off card shows. */
export interface SignoffSectionView {
  locale: Locale;
  locked: boolean;
  userName: string;
  chosen: boolean;
  status: SignoffStatus | null;
  changes: ReadonlyMap<string, readonly InputDifference[] | null>;
}

/** The planner's card with the sign-off panel, after the export section. */
export function signoffSection(v: SignoffSectionView): TemplateResult {
  return html`<section class="card" part="section" id="section-signoff" aria-label=${nt(v.locale, 'signoff.title')}>
    <rp-signoff-panel
      .locale=${v.locale}
      ?readonly=${v.locked}
      .chosen=${v.chosen}
      .status=${v.status}
      .changes=${v.changes}
      .userName=${v.userName}
    ></rp-signoff-panel>
  </section>`;
}
