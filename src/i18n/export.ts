import type { Locale, Msg } from './locale.ts';
import { fill, fillMsg } from './index.ts';

/*
 * Every string the exports and the export menu show: contract annex, workbook, CSV headers,
 * print view and menu. nl is the contract language; en is complete so an English-speaking
 * partner gets the same document.
 */
export const exportMsg = {
  // Document titles and marks
  annexTitle: { nl: 'Bijlage bij de overeenkomst', en: 'Contract annex' },
  funderAnnexTitle: { nl: 'Bijlage bij de overeenkomst voor {funder}', en: 'Contract annex for {funder}' },
  draftMark: { nl: 'CONCEPT', en: 'DRAFT' },
  draftNotice: {
    nl: 'Concept: dit scenario bevat nog fouten en is niet bedoeld om te ondertekenen.',
    en: 'Draft: this scenario still has errors and is not meant to be signed.',
  },
  scenario: { nl: 'Scenario', en: 'Scenario' },
  exportDate: { nl: 'Datum', en: 'Date' },
  fingerprint: { nl: 'Vingerafdruk van de inhoud (SHA-256)', en: 'Content fingerprint (SHA-256)' },
  fingerprintNote: {
    nl: 'De vingerafdruk is berekend over het volledige plan; elke wijziging geeft een andere waarde.',
    en: 'The fingerprint is computed over the whole plan; any change gives a different value.',
  },
  notFilledIn: { nl: '(niet ingevuld)', en: '(not filled in)' },
  none: { nl: 'geen', en: 'none' },
  yes: { nl: 'ja', en: 'yes' },
  no: { nl: 'nee', en: 'no' },
  total: { nl: 'Totaal', en: 'Total' },
  unassigned: { nl: '(niet toegewezen)', en: '(unassigned)' },
  unknownRef: { nl: '(onbekend: {id})', en: '(unknown: {id})' },

  // Sections
  secPlan: { nl: 'Plan en samenwerking', en: 'Plan and collaboration' },
  secParties: { nl: 'Partijen', en: 'Parties' },
  secProviders: { nl: 'Zorgaanbieders en welzijnsorganisaties', en: 'Care providers and welfare organisations' },
  secFunders: { nl: 'Financiers', en: 'Funders' },
  secTargetGroups: { nl: 'Doelgroep(en)', en: 'Target group(s)' },
  secActivities: { nl: 'Activiteiten en budget', en: 'Activities and budget' },
  secSchedule: { nl: 'Lumpsum per periode en betaalschema', en: 'Lumpsum per period and payment schedule' },
  secSplit: { nl: 'Verdeling per domein en sector', en: 'Split per domain and sector' },
  secByProvider: { nl: 'Bedrag per zorgaanbieder', en: 'Amount per provider' },
  secByFunder: { nl: 'Bedrag per financier', en: 'Amount per funder' },
  secExecution: { nl: 'Uitvoeringsmodel en penvoerder', en: 'Execution model and lead organisation' },
  secDeductible: { nl: 'Eigen risico', en: 'Deductible' },
  secDoubleFunding: { nl: 'Dubbele bekostiging', en: 'Double financing' },
  secClauses: { nl: 'Afspraken', en: 'Agreements' },
  secFunderShare: { nl: 'Uw aandeel', en: 'Your share' },
  secPayees: { nl: 'Te betalen aan', en: 'Payees' },
  secFunderActivities: { nl: 'Uw bijdrage per activiteit', en: 'Your contribution per activity' },
  secMonitoring: { nl: 'Monitoring (NZa)', en: 'Monitoring (NZa)' },
  secFindings: { nl: 'Bevindingen', en: 'Findings' },

  // Plan fields
  planName: { nl: 'Naam van het plan', en: 'Plan name' },
  region: { nl: 'Regio', en: 'Region' },
  collaboration: { nl: 'Samenwerkingsverband', en: 'Collaboration' },
  paymentTitle: { nl: 'Prestatie', en: 'Payment title' },
  otherTitles: { nl: 'Andere prestaties in de samenwerking', en: 'Other payment titles in the collaboration' },
  period: { nl: 'Looptijd', en: 'Term' },
  periodValue: { nl: '{start} t/m {end}', en: '{start} to {end}' },
  granularity: { nl: 'Betaalperiode', en: 'Payment period' },
  marketShareDate: { nl: 'Peildatum marktaandelen', en: 'Market share reference date' },
  executionModel: { nl: 'Uitvoeringsmodel', en: 'Execution model' },
  lead: { nl: 'Penvoerder / hoofdaannemer', en: 'Lead organisation' },
  annualTotal: { nl: 'Budget per jaar', en: 'Budget per year' },
  planTotal: { nl: 'Budget over de looptijd', en: 'Budget over the term' },

  // Columns
  colName: { nl: 'Naam', en: 'Name' },
  colAgb: { nl: 'AGB-code', en: 'AGB code' },
  colUzovi: { nl: 'UZOVI-code', en: 'UZOVI code' },
  colDomain: { nl: 'Domein', en: 'Domain' },
  colSector: { nl: 'Sector', en: 'Sector' },
  colRole: { nl: 'Rol', en: 'Role' },
  colContribution: { nl: 'Bijdrage', en: 'Contribution' },
  colKind: { nl: 'Soort', en: 'Kind' },
  colShareBasis: { nl: 'Aandeel', en: 'Share' },
  colCharacteristics: { nl: 'Kenmerken', en: 'Characteristics' },
  colPostcodes: { nl: 'Postcodes', en: 'Postcodes' },
  colReferenceDate: { nl: 'Peildatum', en: 'Reference date' },
  colSize: { nl: 'Omvang (aantal personen)', en: 'Size (number of persons)' },
  colActivity: { nl: 'Activiteit', en: 'Activity' },
  colTargetGroups: { nl: 'Doelgroepen', en: 'Target groups' },
  colCategory: { nl: 'Categorie', en: 'Category' },
  colCostBasis: { nl: 'Kostenbasis', en: 'Cost basis' },
  colAnnual: { nl: 'Per jaar', en: 'Per year' },
  colPlanTotal: { nl: 'Looptijd', en: 'Term' },
  colPeriod: { nl: 'Periode', en: 'Period' },
  colStart: { nl: 'Begin', en: 'Start' },
  colEnd: { nl: 'Einde', en: 'End' },
  colAmount: { nl: 'Bedrag', en: 'Amount' },
  colPercent: { nl: 'Percentage', en: 'Percent' },
  colShareOfTotal: { nl: 'Aandeel in totaal', en: 'Share of total' },
  colProvider: { nl: 'Zorgaanbieder', en: 'Provider' },
  colFunder: { nl: 'Financier', en: 'Funder' },
  colSplitRow: { nl: 'Verdeling', en: 'Split' },
  colSeverity: { nl: 'Ernst', en: 'Severity' },
  colCode: { nl: 'Code', en: 'Code' },
  colSection: { nl: 'Onderdeel', en: 'Section' },
  colRow: { nl: 'Rij', en: 'Row' },
  colMessage: { nl: 'Melding', en: 'Message' },
  colLevel: { nl: 'Niveau', en: 'Level' },
  colField: { nl: 'Veld', en: 'Field' },
  colValue: { nl: 'Waarde', en: 'Value' },
  defaultSplit: { nl: 'Standaardverdeling', en: 'Default split' },

  // Values
  'title.bdss': { nl: 'Prestatie patiëntengroepsgebonden samenwerking Zvw', en: 'Patient-group cooperation payment title (Zvw)' },
  'title.oi': { nl: 'Organisatie en Infrastructuur (O&I)', en: 'Organisation and Infrastructure (O&I)' },
  'title.adz': { nl: 'Aanvullende dienstverlening zorgverzekeraars (ADZ)', en: 'Additional insurer services (ADZ)' },
  'title.wmo-subsidy': { nl: 'Wmo-subsidie', en: 'Wmo subsidy' },
  'title.other': { nl: 'Overig', en: 'Other' },
  'model.main-contractor': { nl: 'Hoofdaannemer', en: 'Main contractor' },
  'model.cashier': { nl: 'Kassier', en: 'Cashier' },
  'model.equal-partners': { nl: 'Gelijkwaardige partners', en: 'Equal partners' },
  'role.main-contractor': { nl: 'Hoofdaannemer', en: 'Main contractor' },
  'role.cashier': { nl: 'Kassier', en: 'Cashier' },
  'role.partner': { nl: 'Partner', en: 'Partner' },
  'funder.insurer': { nl: 'Zorgverzekeraar', en: 'Health insurer' },
  'funder.municipality': { nl: 'Gemeente', en: 'Municipality' },
  'funder.care-office': { nl: 'Zorgkantoor', en: 'Care office' },
  'funder.other': { nl: 'Overig', en: 'Other' },
  'gran.month': { nl: 'maand', en: 'month' },
  'gran.quarter': { nl: 'kwartaal', en: 'quarter' },
  'gran.year': { nl: 'jaar', en: 'year' },
  'cat.client-bound': { nl: 'Cliëntgebonden', en: 'Client-bound' },
  'cat.general': { nl: 'Algemeen', en: 'General' },
  'sev.error': { nl: 'Fout', en: 'Error' },
  'sev.warning': { nl: 'Waarschuwing', en: 'Warning' },
  'cost.lumpsum': { nl: 'Lumpsum {amount} per {per}', en: 'Lumpsum {amount} per {per}' },
  'cost.hours': { nl: '{hours} uur per jaar × {rate}', en: '{hours} hours per year × {rate}' },
  'cost.fte': { nl: '{fte} fte × {cost} per jaar', en: '{fte} FTE × {cost} per year' },
  'cost.persons': { nl: '{persons} personen × {rate} per jaar', en: '{persons} persons × {rate} per year' },
  'share.count': { nl: '{count} verzekerden/inwoners', en: '{count} insured/inhabitants' },
  'share.percent': { nl: '{percent} van het domein', en: '{percent} of the domain' },
  'share.none': { nl: 'naar rato (niet opgegeven)', en: 'pro rata (not given)' },

  // Statements
  deductibleStatement: {
    nl: 'Voor deze prestatie wordt geen eigen risico in rekening gebracht bij de verzekerde.',
    en: 'No deductible (eigen risico) is charged to the insured for this payment title.',
  },
  deductibleCharged: {
    nl: 'Let op: het plan geeft aan dat eigen risico wordt gerekend. Dat is voor deze prestatie niet toegestaan.',
    en: 'Note: the plan states that a deductible is charged. That is not allowed for this payment title.',
  },
  doubleFundingStatement: {
    nl: 'Partijen verklaren dat de activiteiten in deze bijlage niet ook via een andere prestatie of bekostiging worden vergoed (geen dubbele bekostiging).',
    en: 'The parties declare that the activities in this annex are not also paid through another payment title or funding (no double financing).',
  },
  doubleFundingMeasures: { nl: 'Maatregelen tegen dubbele bekostiging', en: 'Measures against double financing' },
  leadNone: { nl: 'Geen (gelijkwaardige partners)', en: 'None (equal partners)' },
  clauseDeclaration: { nl: 'Declaratieproces', en: 'Declaration process' },
  clauseInformation: { nl: 'Informatie-uitwisseling', en: 'Information exchange' },
  clauseEvaluation: { nl: 'Evaluatie', en: 'Evaluation' },
  clauseControls: { nl: 'Controles', en: 'Controls' },
  clauseQuality: { nl: 'Kwaliteitsafspraken', en: 'Quality agreements' },
  payeesRule: {
    nl: 'Uw bedrag is over de zorgaanbieders in uw domein verdeeld naar rato van hun bedrag, tot op de cent (grootste-restmethode).',
    en: 'Your amount is divided over the providers in your domain pro rata to their amounts, to the cent (largest remainder).',
  },
  funderShareOfDomain: { nl: 'Aandeel in het domein {domain}', en: 'Share of the domain {domain}' },
  funderAmount: { nl: 'Uw bedrag per jaar', en: 'Your amount per year' },

  // Monitoring
  monCase: { nl: 'Casus (plan)', en: 'Case (plan)' },
  monTargetGroup: { nl: 'Doelgroep', en: 'Target group' },
  monCases: { nl: 'Aantal casussen (omvang doelgroep)', en: 'Number of cases (target group size)' },
  monBudget: { nl: 'Omvang budget per jaar', en: 'Budget size per year' },
  monBudgetTerm: { nl: 'Omvang budget over de looptijd', en: 'Budget size over the term' },
  monSectors: { nl: 'Betrokken sectoren', en: 'Sectors involved' },
  monCharged: { nl: 'Ten laste van macrokader (per jaar)', en: 'Charged to macro framework (per year)' },
  monSizeUnknown: { nl: 'onbekend', en: 'unknown' },

  // Workbook sheet names (max 31 characters, no []:*?/\)
  sheetPlan: { nl: 'Plan', en: 'Plan' },
  sheetSplits: { nl: 'Verdelingen', en: 'Splits' },
  sheetAllocation: { nl: 'Toedeling', en: 'Allocation' },
  sheetSchedule: { nl: 'Betaalschema', en: 'Schedule' },
  sheetFindings: { nl: 'Bevindingen', en: 'Findings' },
  sheetMonitoring: { nl: 'Monitoring', en: 'Monitoring' },
  levelActivity: { nl: 'Activiteit', en: 'Activity' },
  levelDomain: { nl: 'Domein', en: 'Domain' },
  levelSector: { nl: 'Sector', en: 'Sector' },
  levelProvider: { nl: 'Zorgaanbieder', en: 'Provider' },
  levelFunder: { nl: 'Financier', en: 'Funder' },
  noFindings: { nl: 'Geen bevindingen.', en: 'No findings.' },

  // Errors (never thrown into the host page: the menu shows them)
  'error.has-errors': {
    nl: 'Exporteren kan niet: het scenario bevat {count} fout(en). Los ze op, of exporteer een concept.',
    en: 'Cannot export: the scenario has {count} error(s). Fix them, or export a draft.',
  },
  'error.invalid-plan': { nl: 'Het plan is onleesbaar: {detail}', en: 'The plan cannot be read: {detail}' },
  'error.unknown-funder': { nl: 'Financier "{id}" bestaat niet in dit plan.', en: 'Funder "{id}" does not exist in this plan.' },
  'error.no-funders': { nl: 'Dit plan heeft geen financiers.', en: 'This plan has no funders.' },
  'error.amount-too-large': {
    nl: 'Een bedrag is te groot om exact in een werkmap te schrijven.',
    en: 'An amount is too large to write exactly into a workbook.',
  },
  'error.failed': { nl: 'Exporteren is mislukt: {detail}', en: 'Export failed: {detail}' },

  // Menu
  menuTitle: { nl: 'Exporteren', en: 'Export' },
  menuFormat: { nl: 'Formaat', en: 'Format' },
  menuFunder: { nl: 'Financier', en: 'Funder' },
  menuTable: { nl: 'Tabel', en: 'Table' },
  menuDraft: { nl: 'Als concept exporteren (ondanks fouten)', en: 'Export as draft (despite errors)' },
  menuDownload: { nl: 'Downloaden', en: 'Download' },
  menuPrint: { nl: 'Afdrukken / PDF', en: 'Print / PDF' },
  menuBusy: { nl: 'Bezig met exporteren…', en: 'Exporting…' },
  menuDone: { nl: '{file} is klaar.', en: '{file} is ready.' },
  menuNoPlan: { nl: 'Geen plan geopend.', en: 'No plan open.' },
  menuRefused: { nl: 'Export geweigerd', en: 'Export refused' },
  menuAllFunders: { nl: 'Alle financiers (afzonderlijke bestanden)', en: 'All funders (separate files)' },
  'format.annex-docx': { nl: 'Contractbijlage (Word)', en: 'Contract annex (Word)' },
  'format.funder-annex-docx': { nl: 'Bijlage per financier (Word)', en: 'Annex per funder (Word)' },
  'format.xlsx': { nl: 'Werkmap (Excel)', en: 'Workbook (Excel)' },
  'format.csv': { nl: 'CSV', en: 'CSV' },
  'format.monitoring-csv': { nl: 'Monitoring NZa (CSV)', en: 'NZa monitoring (CSV)' },
  'format.json': { nl: 'Plan (JSON)', en: 'Plan (JSON)' },
  'table.allocation': { nl: 'Toedeling', en: 'Allocation' },
  'table.schedule': { nl: 'Betaalschema', en: 'Payment schedule' },
  'table.monitoring': { nl: 'Monitoring', en: 'Monitoring' },
} as const satisfies Record<string, Msg>;

export type ExportMsgKey = keyof typeof exportMsg;

/** The message in the locale, with `{name}` placeholders filled in (values are plain text). */
export function tx(key: ExportMsgKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return fill(exportMsg[key][locale], params);
}

/** Both languages at once, for errors the host may show in either. */
export function txMsg(key: ExportMsgKey, params: Record<string, string | number> = {}): Msg {
  return fillMsg(exportMsg[key], params);
}
