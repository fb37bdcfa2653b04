import type { Locale, Msg } from './locale.ts';
import { fill, fillMsg } from './index.ts';

/*
 * The export menu's strings and the export errors it shows: these load with the elements. The
 * documents' own strings (./export.ts) load with the exporters, on the first export or print.
 */
export const exportMenuMsg = {
  'sev.error': { nl: 'Fout', en: 'Error' },
  'sev.warning': { nl: 'Waarschuwing', en: 'Warning' },
  doubleFundingMeasures: { nl: 'Maatregelen tegen dubbele bekostiging', en: 'Measures against double financing' },
  clauseDeclaration: { nl: 'Declaratieproces', en: 'Declaration process' },
  clauseInformation: { nl: 'Informatie-uitwisseling', en: 'Information exchange' },
  clauseEvaluation: { nl: 'Evaluatie', en: 'Evaluation' },
  clauseControls: { nl: 'Controles', en: 'Controls' },
  clauseQuality: { nl: 'Kwaliteitsafspraken', en: 'Quality agreements' },
  'error.has-errors': {
    nl: 'Exporteren kan niet: het scenario bevat {count} fout(en). Los ze op, of exporteer een concept.',
    en: 'Cannot export: the scenario has {count} error(s). Fix them, or export a draft.',
  },
  'error.invalid-plan': { nl: 'Het plan is onleesbaar: {detail}', en: 'The plan cannot be read: {detail}' },
  'error.unknown-funder': {
    nl: 'Financier "{id}" bestaat niet in dit plan.',
    en: 'Funder "{id}" does not exist in this plan.',
  },
  'error.no-funders': { nl: 'Dit plan heeft geen financiers.', en: 'This plan has no funders.' },
  'error.no-lead': {
    nl: 'Dit plan heeft geen hoofdaannemer of kassier: de financiers betalen de aanbieders rechtstreeks.',
    en: 'This plan has no main contractor or cashier: the funders pay the providers directly.',
  },
  'error.amount-too-large': {
    nl: 'Een bedrag is te groot om exact in een werkmap te schrijven.',
    en: 'An amount is too large to write exactly into a workbook.',
  },
  'error.failed': { nl: 'Exporteren is mislukt: {detail}', en: 'Export failed: {detail}' },
  menuTitle: { nl: 'Exporteren', en: 'Export' },
  menuFormat: { nl: 'Formaat', en: 'Format' },
  menuFunder: { nl: 'Financier', en: 'Funder' },
  menuTable: { nl: 'Tabel', en: 'Table' },
  menuDraft: { nl: 'Als concept exporteren (ondanks fouten)', en: 'Export as draft (despite errors)' },
  menuComments: { nl: 'Opmerkingen als extra werkblad', en: 'Comments as an extra sheet' },
  menuDownload: { nl: 'Downloaden', en: 'Download' },
  menuPrint: { nl: 'Afdrukken / PDF', en: 'Print / PDF' },
  menuBusy: { nl: 'Bezig met exporteren…', en: 'Exporting…' },
  menuDone: { nl: '{file} is klaar.', en: '{file} is ready.' },
  menuNoPlan: { nl: 'Geen plan geopend.', en: 'No plan open.' },
  menuRefused: { nl: 'Export geweigerd', en: 'Export refused' },
  menuAllFunders: { nl: 'Alle financiers (één zip-bestand)', en: 'All funders (one zip file)' },
  menuClauses: { nl: 'Afspraken in de bijlage', en: 'Agreements in the annex' },
  menuClauseEmpty: {
    nl: 'leeg: in de bijlage staat ‘(niet ingevuld)’',
    en: 'empty: the annex reads ‘(not filled in)’',
  },
  menuClauseOptional: { nl: 'leeg (niet verplicht)', en: 'empty (optional)' },
  menuGoToField: { nl: 'Naar het veld', en: 'Go to the field' },
  menuBeforeExport: {
    nl: 'Vóór het exporteren: {errors} fout(en), {warnings} waarschuwing(en)',
    en: 'Before you export: {errors} error(s), {warnings} warning(s)',
  },
  menuMoreFindings: { nl: 'en nog {n}: zie Bevindingen', en: 'and {n} more: see Findings' },
  'format.annex-docx': { nl: 'Contractbijlage (Word)', en: 'Contract annex (Word)' },
  'format.funder-annex-docx': { nl: 'Bijlage per financier (Word)', en: 'Annex per funder (Word)' },
  'format.lead-annex-docx': {
    nl: 'Bijlage voor de hoofdaannemer of kassier (Word)',
    en: 'Annex for the main contractor or cashier (Word)',
  },
  'format.xlsx': { nl: 'Werkmap (Excel)', en: 'Workbook (Excel)' },
  'format.csv': { nl: 'CSV', en: 'CSV' },
  'format.monitoring-csv': { nl: 'Overzicht NZa-monitoring (CSV)', en: 'NZa monitoring overview (CSV)' },
  'format.json': { nl: 'Plan (JSON)', en: 'Plan (JSON)' },
  'table.allocation': { nl: 'Toedeling', en: 'Allocation' },
  'table.schedule': { nl: 'Betaalschema', en: 'Payment schedule' },
  'table.monitoring': { nl: 'Monitoring', en: 'Monitoring' },
  'table.payments': { nl: 'Betalingen per financier en ontvanger', en: 'Payments per funder and payee' },
} as const satisfies Record<string, Msg>;

export type ExportMenuMsgKey = keyof typeof exportMenuMsg;

/** The menu's message in the locale, with `{name}` placeholders filled in (values are plain text). */
export function tm(key: ExportMenuMsgKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return fill(exportMenuMsg[key][locale], params);
}

/** Both languages at once, for errors the host may show in either. */
export function tmMsg(key: ExportMenuMsgKey, params: Record<string, string | number> = {}): Msg {
  return fillMsg(exportMenuMsg[key], params);
}
