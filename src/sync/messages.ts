import type { Msg } from '../i18n/locale.ts';
import type { ChangeOrigin } from './state.ts';

/** The state's user-facing messages, nl and en. */

const FROM: Record<ChangeOrigin, Msg> = {
  local: { nl: 'deze bewerking', en: 'this edit' },
  undo: { nl: 'ongedaan maken', en: 'undo' },
  redo: { nl: 'opnieuw uitvoeren', en: 'redo' },
  tab: { nl: 'een ander tabblad', en: 'another tab' },
  remote: { nl: 'een andere deelnemer', en: 'another participant' },
  load: { nl: 'de opgeslagen gegevens', en: 'the stored data' },
};

const where = (rowId: string | undefined, field: string | undefined): Msg => ({
  nl: [rowId && `rij ${rowId}`, field && `veld ${field}`].filter(Boolean).join(', ') || 'het plan',
  en: [rowId && `row ${rowId}`, field && `field ${field}`].filter(Boolean).join(', ') || 'the plan',
});

export const messages = {
  invalidValue: (origin: ChangeOrigin, rowId?: string, field?: string): Msg => {
    const w = where(rowId, field);
    return {
      nl: `Ongeldige waarde van ${FROM[origin].nl} in ${w.nl} genegeerd; de laatste geldige waarde blijft staan.`,
      en: `Invalid value from ${FROM[origin].en} in ${w.en} ignored; the last valid value is kept.`,
    };
  },
  invalidRow: (origin: ChangeOrigin, rowId: string): Msg => ({
    nl: `Rij ${rowId} van ${FROM[origin].nl} is ongeldig en wordt niet getoond.`,
    en: `Row ${rowId} from ${FROM[origin].en} is invalid and is not shown.`,
  }),
  duplicateRow: (collection: string, rowId: string): Msg => ({
    nl: `${collection} bevat id ${rowId} meer dan eens; alleen de laatste rij met dat id wordt bewerkt.`,
    en: `${collection} contains id ${rowId} more than once; only the last row with that id is edited.`,
  }),
  invalidOp: (detail: string): Msg => ({
    nl: `Bewerking geweigerd: ongeldige waarde (${detail}).`,
    en: `Edit refused: invalid value (${detail}).`,
  }),
  invalidUpdate: (origin: ChangeOrigin): Msg => ({
    nl: `Onleesbare wijziging van ${FROM[origin].nl} genegeerd.`,
    en: `Unreadable change from ${FROM[origin].en} ignored.`,
  }),
  tooManyRows: (origin: ChangeOrigin, collection: string, max: number): Msg => ({
    nl: `Na samenvoegen met ${FROM[origin].nl} heeft ${collection} meer dan ${max} rijen; alleen de eerste ${max} worden getoond.`,
    en: `After merging ${FROM[origin].en}, ${collection} has more than ${max} rows; only the first ${max} are shown.`,
  }),
  storageFailed: (detail: string): Msg => ({
    nl: `Opslaan van wijzigingen mislukt (${detail}); ze blijven in het geheugen en worden opnieuw geprobeerd.`,
    en: `Saving changes failed (${detail}); they are kept in memory and retried.`,
  }),
};
