import type { Locale, Msg } from './locale.ts';
import { fill, fillMsg, type MsgVars } from './index.ts';

/*
 * Strings of the scenario store, plan files, the scenario bar and the comparison, in nl and en.
 * Storage and import errors carry one of these as their message, so a host can show it as is.
 */
export const storeUi = {
  // storage errors
  'store.unavailable': {
    nl: 'Opslaan in deze browser is niet mogelijk (privévenster of opslag uitgeschakeld). U kunt verder werken; wijzigingen blijven alleen in dit venster. Exporteer het plan om het te bewaren.',
    en: 'This browser cannot store data (private window or storage disabled). You can keep working; changes stay in this window only. Export the plan to keep it.',
  },
  'store.blocked': {
    nl: 'Een ander tabblad met een oudere versie van deze pagina houdt de opslag vast. Sluit dat tabblad; daarna wordt uw werk vanzelf opgeslagen. Tot dan blijven wijzigingen alleen in dit venster; exporteren kan wel.',
    en: 'Another tab with an older version of this page is holding the storage. Close that tab; your work is then stored by itself. Until then changes stay in this window only; export still works.',
  },
  'store.quota': {
    nl: 'De schijf of browseropslag is vol; de laatste wijzigingen zijn niet opgeslagen. U kunt verder werken en exporteren; opslaan wordt opnieuw geprobeerd.',
    en: 'The disk or browser storage is full; the latest changes were not saved. You can keep working and export; saving will be retried.',
  },
  'store.migration': {
    nl: 'De opgeslagen gegevens konden niet worden bijgewerkt naar de nieuwe versie. Er is niets gewijzigd; wijzigingen blijven alleen in dit venster.',
    en: 'The stored data could not be upgraded to the new version. Nothing was changed; changes stay in this window only.',
  },
  'store.stale': {
    nl: 'Dit scenario is intussen in een ander tabblad gewijzigd. Uw wijziging is niet opgeslagen; de lijst is bijgewerkt, probeer het opnieuw.',
    en: 'This scenario was changed in another tab meanwhile. Your change was not saved; the list has been refreshed, please try again.',
  },
  'store.notFound': { nl: 'Dit scenario bestaat niet (meer).', en: 'This scenario does not exist (any more).' },
  'store.snapshotNotFound': { nl: 'Deze versie bestaat niet (meer).', en: 'This version does not exist (any more).' },
  'store.lastScenario': {
    nl: 'Het laatste scenario kan niet worden verwijderd.',
    en: 'The last scenario cannot be deleted.',
  },
  'store.nameInvalid': { nl: 'Geef een naam van 1 tot 120 tekens.', en: 'Give a name of 1 to 120 characters.' },
  'store.otherTab': {
    nl: 'Een ander tabblad met dit scenario slaat zijn wijzigingen nog op. Uw wijzigingen hier blijven staan en worden opgeslagen zodra dat klaar is; sluit dit tabblad tot dan niet.',
    en: 'Another tab with this scenario is still storing its changes. Your changes here stay and are saved as soon as that is done; do not close this tab until then.',
  },
  'store.failed': {
    nl: 'Opslaan is mislukt ({detail}). U kunt verder werken en exporteren; opslaan wordt opnieuw geprobeerd.',
    en: 'Saving failed ({detail}). You can keep working and export; saving will be retried.',
  },
  'store.migratedLabel': {
    nl: 'Overgenomen uit de vorige opslagversie',
    en: 'Carried over from the previous storage version',
  },
  'store.restoredLabel': { nl: 'Vóór terugzetten van “{label}”', en: 'Before restoring “{label}”' },
  'store.copyName': { nl: '{name} (kopie)', en: '{name} (copy)' },
  'store.defaultScenario': { nl: 'Scenario 1', en: 'Scenario 1' },

  // plan files
  'file.tooLarge': {
    nl: 'Het bestand is te groot ({size} MB; maximaal {max} MB). Er is niets gewijzigd.',
    en: 'The file is too large ({size} MB; at most {max} MB). Nothing was changed.',
  },
  'file.notJson': {
    nl: 'Dit is geen geldig planbestand (geen leesbare JSON). Er is niets gewijzigd.',
    en: 'This is not a valid plan file (not readable JSON). Nothing was changed.',
  },
  'file.invalid': {
    nl: 'Dit planbestand klopt niet: {detail}. Er is niets gewijzigd.',
    en: 'This plan file is not valid: {detail}. Nothing was changed.',
  },
  'file.hostile': {
    nl: 'Dit bestand bevat verboden sleutels (zoals __proto__) en is geweigerd. Er is niets gewijzigd.',
    en: 'This file contains forbidden keys (such as __proto__) and was refused. Nothing was changed.',
  },
  'file.newerVersion': {
    nl: 'Dit bestand komt uit een nieuwere versie van het programma (formaat {version}). Er is niets gewijzigd.',
    en: 'This file comes from a newer version of the program (format {version}). Nothing was changed.',
  },
  'file.unknownVersion': {
    nl: 'Onbekend bestandsformaat. Er is niets gewijzigd.',
    en: 'Unknown file format. Nothing was changed.',
  },
  'file.unreadable': {
    nl: 'Het bestand kon niet worden gelezen. Er is niets gewijzigd.',
    en: 'The file could not be read. Nothing was changed.',
  },

  // scenario bar
  'bar.label': { nl: 'Scenario’s', en: 'Scenarios' },
  'bar.select': { nl: 'Scenario', en: 'Scenario' },
  'bar.new': { nl: 'Nieuw scenario', en: 'New scenario' },
  'bar.newFromCurrent': { nl: 'Kopie van huidig', en: 'Copy of current' },
  'bar.newEmpty': { nl: 'Leeg scenario', en: 'Empty scenario' },
  'bar.duplicate': { nl: 'Dupliceren', en: 'Duplicate' },
  'bar.rename': { nl: 'Naam wijzigen', en: 'Rename' },
  'bar.renameField': { nl: 'Nieuwe naam voor “{name}”', en: 'New name for “{name}”' },
  'bar.save': { nl: 'Opslaan', en: 'Save' },
  'bar.cancel': { nl: 'Annuleren', en: 'Cancel' },
  'bar.delete': { nl: 'Verwijderen', en: 'Delete' },
  'bar.deleted': { nl: 'Scenario “{name}” verwijderd.', en: 'Scenario “{name}” deleted.' },
  'bar.undo': { nl: 'Ongedaan maken', en: 'Undo' },
  'bar.markChosen': { nl: 'Kiezen als definitief', en: 'Mark as chosen' },
  'bar.chosen': { nl: 'Gekozen', en: 'Chosen' },
  'bar.history': { nl: 'Eerdere versies', en: 'Earlier versions' },
  'bar.historyEmpty': { nl: 'Nog geen eerdere versies.', en: 'No earlier versions yet.' },
  'bar.saveSnapshot': { nl: 'Versie bewaren', en: 'Keep a version' },
  'bar.snapshotLabel': { nl: 'Naam van de versie', en: 'Name of the version' },
  'bar.restore': { nl: 'Terugzetten', en: 'Restore' },
  'bar.restoreLabel': { nl: 'Versie “{label}” van {time} terugzetten', en: 'Restore version “{label}” of {time}' },
  'bar.saved': { nl: 'Opgeslagen om {time}', en: 'Saved at {time}' },
  'bar.memoryMode': { nl: 'Niet opgeslagen: alleen in dit venster', en: 'Not saved: this window only' },

  // comparison
  'compare.label': { nl: 'Scenario’s vergelijken', en: 'Compare scenarios' },
  'compare.needTwo': {
    nl: 'Kies twee tot vier scenario’s om te vergelijken.',
    en: 'Choose two to four scenarios to compare.',
  },
  'compare.differencesOnly': { nl: 'Alleen verschillen tonen', en: 'Show differences only' },
  'compare.inputs': { nl: 'Invoer', en: 'Inputs' },
  'compare.results': { nl: 'Uitkomsten (per jaar)', en: 'Results (per year)' },
  'compare.findings': { nl: 'Bevindingen', en: 'Findings' },
  'compare.noFindings': { nl: 'Geen bevindingen.', en: 'No findings.' },
  'compare.item': { nl: 'Onderdeel', en: 'Item' },
  'compare.delta': { nl: 'Verschil met {name}', en: 'Difference from {name}' },
  'compare.different': { nl: 'verschilt', en: 'differs' },
  'compare.same': { nl: 'gelijk', en: 'same' },
  'compare.noDifferences': { nl: 'Geen verschillen.', en: 'No differences.' },
  'compare.chart': {
    nl: 'Waar het geld heen gaat, per scenario (per jaar)',
    en: 'Where the money goes, per scenario (per year)',
  },
  // plans of one's own (the planner's "Nieuw plan" and "Plan openen")
  'own.label': { nl: 'Plannen', en: 'Plans' },
  'own.new': { nl: 'Nieuw plan', en: 'New plan' },
  'own.newEmpty': { nl: 'Leeg plan', en: 'Empty plan' },
  'own.newTemplate': {
    nl: 'Uit het voorbeeld van de handleiding',
    en: 'From the handbook example',
  },
  'own.open': { nl: 'Plan openen (.json)', en: 'Open plan (.json)' },
  'own.emptyName': { nl: 'Mijn plan', en: 'My plan' },
  'own.templateName': {
    nl: 'Mijn plan (uit het voorbeeld van de handleiding)',
    en: 'My plan (from the handbook example)',
  },
  'own.badge': { nl: 'Uw eigen plan', en: 'Your own plan' },
  'own.badgeHint': {
    nl: 'Dit plan is van u: het staat los van het plan van deze site en wordt in deze browser bewaard.',
    en: 'This plan is yours: it is separate from this site’s plan and kept in this browser.',
  },
  'own.back': { nl: 'Terug naar {name}', en: 'Back to {name}' },
  'own.opened': {
    nl: '{file} is geopend als uw eigen plan ({count} scenario’s).',
    en: '{file} was opened as your own plan ({count} scenarios).',
  },
  'own.refused': {
    nl: '{file} kon niet worden geopend. {reason}',
    en: '{file} could not be opened. {reason}',
  },
  'own.dismiss': { nl: 'Melding sluiten', en: 'Dismiss message' },
  'own.templateFailed': {
    nl: 'Het voorbeeld van de handleiding kon niet worden geladen (geen verbinding?). Er is niets gewijzigd.',
    en: 'The handbook example could not be loaded (no connection?). Nothing was changed.',
  },
  'own.mine': { nl: 'Mijn plannen', en: 'My plans' },
  'own.mineOption': { nl: '{name} (begonnen {date})', en: '{name} (started {date})' },
  'own.openMine': { nl: 'Openen', en: 'Open' },
  'compare.chartTable': { nl: 'Tabel bij de grafiek', en: 'Table for the chart' },
  'compare.group.split': { nl: 'Verdeling', en: 'Split' },
  'compare.group.budget': { nl: 'Budget', en: 'Budget' },
  'compare.group.parties': { nl: 'Partijen', en: 'Parties' },
  'compare.group.domain': { nl: 'Per domein', en: 'Per domain' },
  'compare.group.sector': { nl: 'Per sector', en: 'Per sector' },
  'compare.group.provider': { nl: 'Per zorgaanbieder', en: 'Per provider' },
  'compare.group.funder': { nl: 'Per financier', en: 'Per funder' },
  'compare.group.payee': {
    nl: 'Betaald aan, per financier (per jaar, volgens het uitvoeringsmodel)',
    en: 'Paid to, per funder (per year, by the execution model)',
  },
  'compare.group.period': { nl: 'Per periode (planperiode)', en: 'Per period (plan period)' },
  'compare.group.total': { nl: 'Totaal', en: 'Total' },
  'compare.group.other': { nl: 'Overig', en: 'Other' },
  'compare.unassigned': { nl: '(niet toegewezen)', en: '(unassigned)' },
  'compare.absent': { nl: '—', en: '—' },
} satisfies Record<string, Msg>;

export type StoreUiKey = keyof typeof storeUi;

/** A store/file/bar/compare string in the given locale. */
export function st(locale: Locale, key: StoreUiKey, vars?: MsgVars): string {
  return fill(storeUi[key][locale], vars);
}

/** The bilingual message itself, with placeholders filled in both languages. */
export function stMsg(key: StoreUiKey, vars?: MsgVars): Msg {
  return fillMsg(storeUi[key], vars);
}
