import type { Locale, Msg } from './locale.ts';
import { fill, type MsgVars } from './index.ts';

/*
 * Strings of the history dialog (a cell's earlier values, the scenario's timeline, the comparison
 * with now): imported only by its templates, so they load with them.
 */
export const historyPanelUi = {
  'history.titleTimeline': { nl: 'Geschiedenis van dit scenario', en: 'History of this scenario' },
  'history.titleCell': { nl: 'Geschiedenis van {place}', en: 'History of {place}' },
  'history.close': { nl: 'Sluiten', en: 'Close' },
  'history.timeline': { nl: 'Hele scenario', en: 'Whole scenario' },
  'history.restore': { nl: 'Terugzetten', en: 'Restore' },
  'history.restoreValue': {
    nl: 'Zet {value} terug (een nieuwe wijziging; Ctrl+Z maakt het ongedaan)',
    en: 'Restore {value} (a new edit; Ctrl+Z undoes it)',
  },
  'history.restorePoint': {
    nl: 'Zet het scenario terug zoals het was op {at} (een nieuwe wijziging; Ctrl+Z maakt het ongedaan)',
    en: 'Restore the scenario as it was on {at} (a new edit; Ctrl+Z undoes it)',
  },
  'history.restoreRow': {
    nl: 'Zet deze rij terug zoals ze was op {at} (een nieuwe wijziging; Ctrl+Z maakt het ongedaan)',
    en: 'Restore this row as it was on {at} (a new edit; Ctrl+Z undoes it)',
  },
  'history.compare': { nl: 'Vergelijken met nu', en: 'Compare with now' },
  'history.compareHint': {
    nl: 'Toon wat er sinds {at} is veranderd',
    en: 'Show what changed since {at}',
  },
  'history.compareClose': { nl: 'Vergelijking sluiten', en: 'Close the comparison' },
  'history.compareMoments': {
    nl: 'Met een ander moment vergelijken…',
    en: 'Compare with another moment…',
  },
  'history.compareTitle': { nl: 'Verschillen tussen {at} en nu', en: 'Differences between {at} and now' },
  'history.then': { nl: 'Op {at}', en: 'On {at}' },
  'history.now': { nl: 'Nu', en: 'Now' },
  'history.chart': {
    nl: 'Waar het geld heen gaat, toen en nu (per jaar)',
    en: 'Where the money goes, then and now (per year)',
  },
  'history.current': { nl: 'huidige waarde', en: 'current value' },
  'history.empty': { nl: '(leeg)', en: '(empty)' },
  'history.absent': { nl: '(bestond nog niet)', en: '(did not exist yet)' },
  'history.byAt': { nl: '{name}, {at}', en: '{name}, {at}' },
  'history.start': { nl: 'Begin van de geschiedenis', en: 'Start of the history' },
  'history.nobody': { nl: 'zonder naam', en: 'no name given' },
  'history.version': { nl: 'Versie "{name}"', en: 'Version "{name}"' },
  'history.storedVersion': { nl: 'Eerdere versie "{name}"', en: 'Earlier version "{name}"' },
  'history.changes': {
    nl: '{count} wijziging(en): {list}',
    en: '{count} change(s): {list}',
  },
  'history.noChanges': { nl: 'geen zichtbare wijziging', en: 'no visible change' },
  'history.reading': { nl: 'Geschiedenis wordt gelezen…', en: 'Reading the history…' },
  'history.none': {
    nl: 'Nog geen eerdere waarden. Wijzigingen worden vastgelegd zodra het scenario bewaard is.',
    en: 'No earlier values yet. Edits are recorded once the scenario is stored.',
  },
  'history.rule': {
    nl: 'De laatste 14 dagen en 50 momenten in detail; ouder: één moment per dag (tot 90 dagen), daarna per week. Benoemde versies blijven.',
    en: 'The last 14 days and 50 points in detail; older: one point a day (up to 90 days), then one a week. Named versions stay.',
  },
} as const satisfies Record<string, Msg>;

export type HistoryPanelKey = keyof typeof historyPanelUi;

/** A string of the history dialog in the given locale. */
export const hpt = (locale: Locale, key: HistoryPanelKey, vars?: MsgVars): string =>
  fill(historyPanelUi[key][locale], vars);
