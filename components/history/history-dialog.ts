import { html, type TemplateResult } from 'lit';
import type { Locale } from '../../src/i18n/locale.ts';
import { ht } from '../../src/i18n/negotiation.ts';
import type { Plan } from '../../src/model/plan.ts';
import type { HistoryController } from './history-controller.ts';

/** What the planner gives the history's dialog and button. */
export interface HistoryDialogView {
  locale: Locale;
  locked: boolean;
}

/** The history dialog (closed until asked for). */
export function historyDialog(c: HistoryController, v: HistoryDialogView, plan: Plan): TemplateResult {
  return html`<rp-history-panel
    .locale=${v.locale}
    ?readonly=${v.locked}
    .plan=${plan}
    .view=${c.view}
    .message=${c.message}
  ></rp-history-panel>`;
}

/** The button that shows the scenario's timeline (Alt+H on a cell or field shows that one's). */
export function historyButton(c: HistoryController, v: HistoryDialogView): TemplateResult {
  return html`<button
    type="button"
    class="history"
    aria-keyshortcuts="Alt+H"
    title=${ht(v.locale, 'history.openHint')}
    @click=${() => void c.open(null)}
  >
    ${ht(v.locale, 'history.open')}
  </button>`;
}
