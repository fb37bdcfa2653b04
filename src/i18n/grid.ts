import type { Locale, Msg } from './locale.ts';

/** Every string the split and budget grids show or announce, in nl and en. */
export const gridText = {
  splitGridLabel: { nl: 'Verdeling over domeinen en sectoren', en: 'Split across domains and sectors' },
  budgetGridLabel: { nl: 'Activiteiten en budgetten', en: 'Activities and budgets' },
  rowColumn: { nl: 'Regel', en: 'Row' },
  defaultRow: { nl: 'Standaardverdeling', en: 'Default split' },
  usesDefault: { nl: 'volgt standaardverdeling', en: 'uses default split' },
  total: { nl: 'Totaal', en: 'Total' },
  domainsTogether: { nl: 'Domeinen samen', en: 'Domains together' },
  sectorsTogether: { nl: 'Sectoren samen', en: 'Sectors together' },
  ofTotal: { nl: '% van totaal', en: '% of total' },
  ofDomain: { nl: '% van {domain}', en: '% of {domain}' },
  domainAmount: { nl: 'domein', en: 'domain' },
  splitLegend: {
    nl: 'Een domein krijgt een deel van het totaal; samen 100 %. Een sector krijgt een deel van zijn domein; per domein samen 100 %.',
    en: 'A domain gets a share of the total; together 100 %. A sector gets a share of its domain; per domain together 100 %.',
  },
  columnsLabel: { nl: 'Kolommen', en: 'Columns' },
  allDomains: { nl: 'Toon alle domeinen', en: 'Show all domains' },
  allDomainsHidden: { nl: 'Toon alle domeinen (+{n})', en: 'Show all domains (+{n})' },
  allDomainsHint: {
    nl: 'Toont ook de domeinen en sectoren zonder partij of aandeel in dit plan.',
    en: 'Also shows the domains and sectors without a party or share in this plan.',
  },
  domainsOnly: { nl: 'Alleen domeinen', en: 'Domains only' },
  domainsOnlyHint: {
    nl: 'Toont alleen de domeinaandelen naast elkaar, bijvoorbeeld om een rij uit Excel te plakken.',
    en: 'Shows only the domain shares side by side, e.g. to paste a row from Excel.',
  },
  unassigned: { nl: 'Niet verdeeld', en: 'Not assigned' },
  percentView: { nl: 'Percentages', en: 'Percentages' },
  euroView: { nl: 'Bedragen (€)', en: 'Amounts (€)' },
  viewLabel: { nl: 'Weergave', en: 'View' },
  balance: { nl: 'Aanvullen tot 100 %', en: 'Balance to 100 %' },
  balanceHint: {
    nl: 'Maakt de gekozen rij precies 100 % (of anders de eerste rij die niet klopt) en zegt wat er veranderde (Alt+B).',
    en: 'Makes the chosen row exactly 100 % (or else the first row that is off) and says what changed (Alt+B).',
  },
  resetRow: { nl: 'Terug naar standaardverdeling', en: 'Reset to default split' },
  addRow: { nl: 'Activiteit toevoegen', en: 'Add activity' },
  removeRow: { nl: 'Activiteit verwijderen', en: 'Remove activity' },
  newActivity: { nl: 'Nieuwe activiteit', en: 'New activity' },
  name: { nl: 'Activiteit', en: 'Activity' },
  targetGroup: { nl: 'Doelgroep', en: 'Target group' },
  noTargetGroup: { nl: '(geen)', en: '(none)' },
  category: { nl: 'Categorie', en: 'Category' },
  clientBound: { nl: 'Cliëntgebonden', en: 'Client-bound' },
  general: { nl: 'Algemeen', en: 'General' },
  costBasis: { nl: 'Kostenbasis', en: 'Cost basis' },
  lumpsum: { nl: 'Lumpsum', en: 'Lumpsum' },
  hours: { nl: 'Uren × tarief', en: 'Hours × rate' },
  fte: { nl: 'Fte × jaarkosten', en: 'FTE × yearly cost' },
  persons: { nl: 'Personen × tarief', en: 'Persons × rate' },
  amount: { nl: 'Bedrag', en: 'Amount' },
  per: { nl: 'Per', en: 'Per' },
  month: { nl: 'maand', en: 'month' },
  quarter: { nl: 'kwartaal', en: 'quarter' },
  year: { nl: 'jaar', en: 'year' },
  quantity: { nl: 'Aantal per jaar (uren, fte, personen)', en: 'Quantity per year (hours, FTE, persons)' },
  rate: { nl: 'Tarief / jaarkosten', en: 'Rate / yearly cost' },
  annual: { nl: 'Budget per jaar', en: 'Annual budget' },
  notApplicable: { nl: 'niet van toepassing', en: 'not applicable' },
  selectCellFirst: { nl: 'Kies eerst een cel in het raster.', en: 'Choose a cell in the grid first.' },
  balanceNotHere: {
    nl: 'Aanvullen kan alleen in een percentagecel van de verdeling.',
    en: 'Balancing works only in a percentage cell of the split.',
  },
  balanceNegative: {
    nl: 'De andere cellen zijn samen al meer dan 100 %; aanvullen kan hier niet.',
    en: 'The other cells already exceed 100 % together; this cell cannot balance the row.',
  },
  balanceNothingOff: {
    nl: 'Alle rijen tellen al op tot 100 %; er is niets aan te vullen.',
    en: 'Every row already adds up to 100 %; there is nothing to balance.',
  },
  balanced: {
    nl: '{row} aangevuld tot 100 %: {column} {from} → {to}.',
    en: '{row} balanced to 100 %: {column} {from} → {to}.',
  },
  rowSumNow: {
    nl: 'telt nu op tot {total}; Aanvullen tot 100 % (Alt+B) maakt de rij rond.',
    en: 'now adds up to {total}; Balance to 100 % (Alt+B) rounds the row off.',
  },
  sectorSumNow: {
    nl: 'de sectoren van {domain} tellen nu op tot {total} van {domain}; Aanvullen tot 100 % (Alt+B) maakt dat rond.',
    en: 'the sectors of {domain} now add up to {total} of {domain}; Balance to 100 % (Alt+B) rounds that off.',
  },
  findingsWaiting: {
    nl: 'Meldingen over een regel die u net hebt toegevoegd, verschijnen zodra u die regel verlaat.',
    en: 'Findings about a row you have just added appear once you leave that row.',
  },
  readonly: { nl: 'Alleen-lezen', en: 'Read-only' },
  editsRefused: { nl: 'Niet overgenomen', en: 'Not accepted' },
  oldValueKept: { nl: 'de oude waarde is behouden', en: 'the old value was kept' },
  notAnOption: { nl: 'is geen keuze uit de lijst', en: 'is not one of the choices' },
  nameTooLong: { nl: 'is te lang (maximaal 300 tekens)', en: 'is too long (at most 300 characters)' },
  implausibleSmall: {
    nl: '{amount} is veel kleiner dan de andere bedragen (rond {typical}); klopt dat?',
    en: '{amount} is far smaller than the other amounts (about {typical}); is that right?',
  },
  implausibleLarge: {
    nl: '{amount} is veel groter dan de andere bedragen (rond {typical}); klopt dat?',
    en: '{amount} is far larger than the other amounts (about {typical}); is that right?',
  },
  gridFailed: { nl: 'Het raster kon dit plan niet tonen', en: 'The grid could not show this plan' },
  cellInput: { nl: 'Celinvoer', en: 'Cell input' },
  participant: { nl: 'Deelnemer', en: 'Participant' },
  isEditingCell: { nl: 'bewerkt deze cel', en: 'is editing this cell' },
  error: { nl: 'Fout', en: 'Error' },
  warning: { nl: 'Waarschuwing', en: 'Warning' },
} satisfies Record<string, Msg>;

export type GridTextKey = keyof typeof gridText;

/** The text of a grid string in a locale. */
export const gt = (key: GridTextKey, locale: Locale): string => gridText[key][locale];
