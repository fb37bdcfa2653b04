import type { Locale, Msg } from './locale.ts';
import { fill, fillMsg, type MsgVars } from './index.ts';

/*
 * Strings of sign-offs, comment threads and the history that load with the elements: what the
 * planner, its sections and the stored plan's checks say. The panels' own strings load with them:
 * negotiation-panels.ts (sign-off and comments panels, the annex, the export menu's sign-off
 * lines), history-panel.ts (the history dialog) and moments.ts (comparing two moments).
 */
export const negotiationUi = {
  // the sign-off section's heading
  'signoff.title': { nl: 'Akkoord op deze versie', en: 'Sign-off on this version' },
  // problems read from the doc, and a sign-off the workshop server refuses
  'problem.signoff': {
    nl: 'Een akkoord in dit scenario is onleesbaar en wordt overgeslagen.',
    en: 'A sign-off in this scenario cannot be read and is skipped.',
  },
  'signoff.needsPersonalToken': {
    nl: 'In deze werksessie tekent de server alleen met een persoonlijke token van een bewerker, onder de naam die daarbij hoort. Uw token noemt geen naam: er is niets vastgelegd.',
    en: 'In this workshop the server records a sign-off only with an editor’s personal token, under the name it carries. Your token names nobody: nothing was recorded.',
  },
  'problem.comment': {
    nl: 'Een opmerking in dit scenario is onleesbaar en wordt overgeslagen.',
    en: 'A comment in this scenario cannot be read and is skipped.',
  },
} as const satisfies Record<string, Msg>;

export type NegotiationKey = keyof typeof negotiationUi;

/** A sign-off or comment string in the given locale. */
export const nt = (locale: Locale, key: NegotiationKey, vars?: MsgVars): string =>
  fill(negotiationUi[key][locale], vars);

/** The bilingual message (for problems a host may show in either language). */
export const negotiationMsg = (key: NegotiationKey, vars?: MsgVars): Msg => fillMsg(negotiationUi[key], vars);

/* Strings of the history the planner shows itself: its button and what a restore says. */
export const historyUi = {
  'history.open': { nl: 'Geschiedenis', en: 'History' },
  'history.openHint': {
    nl: 'Wie wat wanneer veranderde in dit scenario. Alt+H op een cel of veld toont de geschiedenis daarvan.',
    en: 'Who changed what and when in this scenario. Alt+H on a cell or field shows its history.',
  },
  'history.restored': { nl: 'Teruggezet. Ctrl+Z maakt het ongedaan.', en: 'Restored. Ctrl+Z undoes it.' },
  'history.notRestorable': {
    nl: 'Deze stand is niet meer te lezen en kan niet worden teruggezet.',
    en: 'This state can no longer be read and cannot be restored.',
  },
} as const satisfies Record<string, Msg>;

export type HistoryKey = keyof typeof historyUi;

/** A history string in the given locale. */
export const ht = (locale: Locale, key: HistoryKey, vars?: MsgVars): string => fill(historyUi[key][locale], vars);
