import type { Locale, Msg } from './locale.ts';
import { fill, type MsgVars } from './index.ts';

/*
 * Strings of the compare view's second use: two moments of the open scenario's history side by
 * side. Imported only by the compare view (loaded when it is first shown), so they load with it.
 */
export const momentsUi = {
  'moments.mode': { nl: 'Vergelijken', en: 'Compare' },
  'moments.modeScenarios': { nl: 'Scenario’s met elkaar', en: 'Scenarios with each other' },
  'moments.modeMoments': { nl: 'Twee momenten van dit scenario', en: 'Two moments of this scenario' },
  'moments.pick': { nl: 'Twee momenten uit de geschiedenis', en: 'Two moments of the history' },
  'moments.from': { nl: 'Van', en: 'From' },
  'moments.to': { nl: 'Tot', en: 'To' },
  'moments.start': { nl: 'Begin', en: 'Start' },
  'moments.now': { nl: 'Nu (huidige stand)', en: 'Now (current state)' },
  'moments.byAt': { nl: '{name}, {at}', en: '{name}, {at}' },
  'moments.version': { nl: 'Versie "{name}" ({by}, {at})', en: 'Version "{name}" ({by}, {at})' },
  'moments.versionAt': { nl: 'Versie "{name}" ({at})', en: 'Version "{name}" ({at})' },
  'moments.anonymous': { nl: 'Stand van {at}', en: 'As of {at}' },
  'moments.title': { nl: 'Verschillen tussen {a} en {b}', en: 'Differences between {a} and {b}' },
  'moments.chart': {
    nl: 'Waar het geld heen gaat, op elk van beide momenten (per jaar)',
    en: 'Where the money goes, at each of the two moments (per year)',
  },
  'moments.loading': { nl: 'De geschiedenis wordt gelezen…', en: 'Reading the history…' },
  'moments.none': {
    nl: 'Dit scenario heeft nog geen geschiedenis. Een moment wordt vastgelegd zodra het scenario bewaard is en iemand even stopt met wijzigen.',
    en: 'This scenario has no history yet. A moment is recorded once the scenario is stored and someone pauses editing.',
  },
  'moments.same': {
    nl: 'Beide keuzes zijn hetzelfde moment: kies twee verschillende momenten.',
    en: 'Both picks are the same moment: pick two different moments.',
  },
  'moments.unreadable': {
    nl: 'De stand op {at} is in dit document niet meer te lezen.',
    en: 'The state on {at} can no longer be read in this document.',
  },
} as const satisfies Record<string, Msg>;

export type MomentsKey = keyof typeof momentsUi;

/** A string of comparing two moments, in the given locale. */
export const mt = (locale: Locale, key: MomentsKey, vars?: MsgVars): string => fill(momentsUi[key][locale], vars);
