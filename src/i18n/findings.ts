import type { Dec } from '../money/decimal.ts';
import { formatMoney, formatNumber, formatPercent } from '../money/format.ts';
import type { FindingCode } from '../model/finding.ts';
import type { Locale, Msg } from './locale.ts';

/*
 * The texts of validation findings, in nl and en. A message names the row or party by its name, so
 * that it reads on its own (in a list, a tooltip, an export) without the grid beside it. Numbers are
 * formatted per locale; percentages keep every decimal, so a split that is 0,0001 % off never reads
 * as "100 %, 0 % te weinig".
 */

const PERCENT_PLACES = 12;
const pct = (d: Dec | string, l: Locale) => formatPercent(d, l, PERCENT_PLACES);
const both = (make: (l: Locale) => string): Msg => ({ nl: make('nl'), en: make('en') });
/** Text a person typed, quoted in a message: kept short so a message stays readable (and within its cap). */
const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** A name as people typed it, trimmed and never empty. */
const named = (name: string, id: string, l: Locale) =>
  name.trim() ? `‘${clip(name.trim())}’` : l === 'nl' ? `zonder naam (${clip(id)})` : `without a name (${clip(id)})`;

/** How the subjects of findings are called: "Activiteit ‘Netwerkoverleg’", "Default split". */
export const subject = {
  activity: (name: string, id: string) => both((l) => `${l === 'nl' ? 'Activiteit' : 'Activity'} ${named(name, id, l)}`),
  defaultSplit: (): Msg => ({ nl: 'Standaardverdeling', en: 'Default split' }),
  provider: (name: string, id: string) => both((l) => `${l === 'nl' ? 'Aanbieder' : 'Provider'} ${named(name, id, l)}`),
  funder: (name: string, id: string) => both((l) => `${l === 'nl' ? 'Financier' : 'Funder'} ${named(name, id, l)}`),
  targetGroup: (name: string, id: string) => both((l) => `${l === 'nl' ? 'Doelgroep' : 'Target group'} ${named(name, id, l)}`),
  /** A split column: "Zvw – Huisartsenzorg", or the domain alone. */
  column: (domainName: string, sectorName?: string): Msg => {
    const text = sectorName === undefined ? domainName : `${domainName} – ${sectorName}`;
    return { nl: text, en: text };
  },
};

/** Labels of the fields findings point at. */
export const fieldLabel = {
  amount: { nl: 'bedrag', en: 'amount' },
  hours: { nl: 'uren', en: 'hours' },
  rate: { nl: 'tarief', en: 'rate' },
  fte: { nl: 'fte', en: 'FTE' },
  yearlyCost: { nl: 'jaarkosten', en: 'yearly cost' },
  persons: { nl: 'aantal personen', en: 'number of persons' },
  estimatedSize: { nl: 'geschatte omvang', en: 'estimated size' },
  share: { nl: 'aandeel', en: 'share' },
  marketShare: { nl: 'marktaandeel', en: 'market share' },
  start: { nl: 'startdatum', en: 'start date' },
  end: { nl: 'einddatum', en: 'end date' },
  marketShareDate: { nl: 'peildatum marktaandeel', en: 'market-share reference date' },
  referenceDate: { nl: 'peildatum', en: 'reference date' },
} satisfies Record<string, Msg>;
export type FieldLabel = keyof typeof fieldLabel;

const COLLECTION: Record<string, Msg> = {
  activities: { nl: 'Activiteiten', en: 'Activities' },
  targetGroups: { nl: 'Doelgroepen', en: 'Target groups' },
  providers: { nl: 'Aanbieders', en: 'Providers' },
  funders: { nl: 'Financiers', en: 'Funders' },
  domains: { nl: 'Domeinen', en: 'Domains' },
  sectors: { nl: 'Sectoren', en: 'Sectors' },
};

/** "Standaardverdeling, Zvw – Huisartsenzorg": a row and a column. */
const at = (row: Msg, col: Msg): Msg => ({ nl: `${row.nl}, ${col.nl}`, en: `${row.en}, ${col.en}` });

/** "99 %, 1 % te weinig" / "99%, 1% short". */
function offBy(total: Dec, target: Dec, l: Locale): string {
  const diff = target.minus(total);
  const amount = pct(diff.abs(), l);
  if (l === 'nl') return `${pct(total, l)}, ${amount} ${diff.isPositive() ? 'te weinig' : 'te veel'}`;
  return `${pct(total, l)}, ${amount} ${diff.isPositive() ? 'short' : 'too much'}`;
}

const dateFormats: Partial<Record<Locale, Intl.DateTimeFormat>> = {};
/** "1 mei 2024" / "1 May 2024"; text that is no real date is shown as typed. */
export function formatDate(iso: string, l: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.getUTCDate() !== Number(m[3])) return iso;
  dateFormats[l] ??= new Intl.DateTimeFormat(l === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return dateFormats[l]!.format(date);
}

/** The experiment's limits (handbook §6): from 1 May 2024, at most five years. */
export const EXPERIMENT_START = '2024-05-01';
export const EXPERIMENT_END = '2029-05-01';

type MessageFactory = (...args: never[]) => Msg;

export const findingText = {
  'split-sum': {
    domains: (row: Msg, total: Dec, target: Dec) => both((l) =>
      l === 'nl' ? `${row.nl}: verdeling over de domeinen telt op tot ${offBy(total, target, l)}`
        : `${row.en}: split over the domains adds up to ${offBy(total, target, l)}`),
    sectors: (row: Msg, domain: string, total: Dec, target: Dec) => both((l) =>
      l === 'nl' ? `${row.nl}: sectoren binnen ${domain} tellen op tot ${offBy(total, target, l)}`
        : `${row.en}: sectors within ${domain} add up to ${offBy(total, target, l)}`),
    providerShares: (column: Msg, total: Dec, target: Dec) => both((l) =>
      l === 'nl' ? `Aanbieders in ${column.nl}: aandelen tellen op tot ${offBy(total, target, l)}`
        : `Providers in ${column.en}: shares add up to ${offBy(total, target, l)}`),
  },
  'percent-range': {
    outOfRange: (row: Msg, col: Msg, value: Dec) => both((l) => {
      const w = at(row, col)[l];
      return l === 'nl' ? `${w}: ${pct(value, l)} ligt niet tussen 0 % en 100 %` : `${w}: ${pct(value, l)} is not between 0% and 100%`;
    }),
    unreadable: (row: Msg, col: Msg, raw: string) => both((l) => {
      const w = at(row, col)[l];
      return l === 'nl' ? `${w}: ‘${clip(raw)}’ is geen percentage` : `${w}: ‘${clip(raw)}’ is not a percentage`;
    }),
  },
  'amount-invalid': {
    negative: (row: Msg, field: FieldLabel, value: Dec, money: boolean) => both((l) => {
      const shown = money ? formatMoney(value, l) : formatNumber(value, l);
      return l === 'nl' ? `${row.nl}, ${fieldLabel[field].nl}: mag niet negatief zijn (${shown})`
        : `${row.en}, ${fieldLabel[field].en}: must not be negative (${shown})`;
    }),
    tooPrecise: (row: Msg, field: FieldLabel, raw: string) => both((l) =>
      l === 'nl' ? `${row.nl}, ${fieldLabel[field].nl}: een bedrag heeft hoogstens 2 decimalen (${raw})`
        : `${row.en}, ${fieldLabel[field].en}: an amount has at most 2 decimals (${raw})`),
    unreadable: (row: Msg, field: FieldLabel, raw: string) => both((l) =>
      l === 'nl' ? `${row.nl}, ${fieldLabel[field].nl}: ‘${clip(raw)}’ is geen getal`
        : `${row.en}, ${fieldLabel[field].en}: ‘${clip(raw)}’ is not a number`),
    notWhole: (row: Msg, field: FieldLabel, raw: string) => both((l) =>
      l === 'nl' ? `${row.nl}, ${fieldLabel[field].nl}: moet een geheel getal van 0 of meer zijn (nu ${raw})`
        : `${row.en}, ${fieldLabel[field].en}: must be a whole number of 0 or more (now ${raw})`),
    zeroCost: (row: Msg) => both((l) =>
      l === 'nl' ? `${row.nl}: kost ${formatMoney('0', l)} per jaar` : `${row.en}: costs ${formatMoney('0', l)} per year`),
  },
  'market-share-sum': {
    percentSum: (domain: Msg, total: Dec, target: Dec) => both((l) =>
      l === 'nl' ? `Financiers van ${domain.nl}: marktaandelen tellen op tot ${offBy(total, target, l)}`
        : `Funders of ${domain.en}: market shares add up to ${offBy(total, target, l)}`),
    mixedBasis: (funder: Msg, domain: Msg) => both((l) =>
      l === 'nl' ? `${funder.nl}: aantallen en percentages door elkaar binnen ${domain.nl}; geef alle marktaandelen op dezelfde manier op`
        : `${funder.en}: counts and percentages mixed within ${domain.en}; give every market share the same way`),
    missingShare: (funder: Msg, domain: Msg) => both((l) =>
      l === 'nl' ? `${funder.nl}: geen marktaandeel, terwijl andere financiers van ${domain.nl} er wel een hebben`
        : `${funder.en}: no market share, while other funders of ${domain.en} have one`),
    insurerWithoutShare: (funder: Msg, domain: Msg, insurers: number) => both((l) =>
      l === 'nl' ? `${funder.nl}: geen marktaandeel, terwijl ${domain.nl} ${insurers} zorgverzekeraars heeft`
        : `${funder.en}: no market share, while ${domain.en} has ${insurers} health insurers`),
    countInvalid: (funder: Msg, raw: string) => both((l) =>
      l === 'nl' ? `${funder.nl}: het aantal moet een positief geheel getal zijn (nu ‘${clip(raw)}’)`
        : `${funder.en}: the count must be a positive whole number (now ‘${clip(raw)}’)`),
  },
  'period-invalid': {
    impossibleDate: (row: Msg | null, field: FieldLabel, raw: string) => both((l) => {
      const where = row ? `${row[l]}, ${fieldLabel[field][l]}` : cap(fieldLabel[field][l]);
      return l === 'nl' ? `${where}: ‘${clip(raw)}’ is geen bestaande datum` : `${where}: ‘${clip(raw)}’ is not a real date`;
    }),
    endBeforeStart: (start: string, end: string) => both((l) =>
      l === 'nl' ? `De einddatum (${formatDate(end, l)}) ligt vóór de startdatum (${formatDate(start, l)})`
        : `The end date (${formatDate(end, l)}) is before the start date (${formatDate(start, l)})`),
  },
  'period-outside-experiment': {
    startsEarly: (start: string) => both((l) =>
      l === 'nl' ? `De prestatie patiëntengroepsgebonden samenwerking bestaat pas vanaf ${formatDate(EXPERIMENT_START, l)}; de planperiode begint op ${formatDate(start, l)}`
        : `The BDSS payment title exists only from ${formatDate(EXPERIMENT_START, l)}; the plan period starts on ${formatDate(start, l)}`),
    endsLate: (end: string) => both((l) =>
      l === 'nl' ? `Het experiment met de prestatie patiëntengroepsgebonden samenwerking eindigt uiterlijk op ${formatDate(EXPERIMENT_END, l)}; de planperiode loopt tot ${formatDate(end, l)}`
        : `The BDSS experiment ends on ${formatDate(EXPERIMENT_END, l)} at the latest; the plan period runs until ${formatDate(end, l)}`),
  },
  'target-group-incomplete': {
    noCharacteristics: (group: Msg) => both((l) =>
      l === 'nl' ? `${group.nl}: de zorgspecifieke kenmerken ontbreken` : `${group.en}: the care-specific characteristics are missing`),
    noPostcodes: (group: Msg) => both((l) =>
      l === 'nl' ? `${group.nl}: het verzorgingsgebied (postcodes) ontbreekt` : `${group.en}: the service area (postcodes) is missing`),
    none: (): Msg => ({
      nl: 'Het plan heeft activiteiten maar geen doelgroep',
      en: 'The plan has activities but no target group',
    }),
  },
  'postcode-invalid': {
    entry: (group: Msg, raw: string) => both((l) =>
      l === 'nl' ? `${group.nl}: ‘${clip(raw)}’ is geen postcode (PC4, 1000–9999) of reeks zoals 1000-1099`
        : `${group.en}: ‘${clip(raw)}’ is not a postcode (PC4, 1000–9999) or a range such as 1000-1099`),
    reversed: (group: Msg, raw: string) => both((l) =>
      l === 'nl' ? `${group.nl}: in de reeks ‘${clip(raw)}’ is het begin groter dan het eind`
        : `${group.en}: in the range ‘${clip(raw)}’ the start is greater than the end`),
  },
  'zvw-without-provider': {
    bucket: (column: Msg) => both((l) =>
      l === 'nl' ? `${column.nl} krijgt geld, maar er is geen aanbieder in die sector`
        : `${column.en} receives money, but there is no provider in that sector`),
  },
  'zvw-without-insurer': {
    domain: (domain: Msg) => both((l) =>
      l === 'nl' ? `${domain.nl} krijgt geld, maar er is geen zorgverzekeraar die het betaalt`
        : `${domain.en} receives money, but no health insurer pays for it`),
  },
  'provider-domain-mismatch': {
    unknownDomain: (party: Msg, domainId: string) => both((l) =>
      l === 'nl' ? `${party.nl}: domein ‘${clip(domainId)}’ bestaat niet` : `${party.en}: domain ‘${clip(domainId)}’ does not exist`),
    sectorNotInDomain: (party: Msg, sectorId: string, domain: Msg) => both((l) =>
      l === 'nl' ? `${party.nl}: sector ‘${clip(sectorId)}’ hoort niet bij ${domain.nl}` : `${party.en}: sector ‘${clip(sectorId)}’ is not part of ${domain.en}`),
    sectorMissing: (party: Msg, domain: Msg) => both((l) =>
      l === 'nl' ? `${party.nl}: kies een sector binnen ${domain.nl}` : `${party.en}: choose a sector within ${domain.en}`),
    insurerOutsideZvw: (funder: Msg, domain: Msg) => both((l) =>
      l === 'nl' ? `${funder.nl}: een zorgverzekeraar betaalt Zvw-zorg, niet ${domain.nl}`
        : `${funder.en}: a health insurer pays for Zvw care, not ${domain.en}`),
    municipalityOnZvw: (funder: Msg, domain: Msg) => both((l) =>
      l === 'nl' ? `${funder.nl}: een gemeente betaalt geen Zvw-zorg (${domain.nl})`
        : `${funder.en}: a municipality does not pay for Zvw care (${domain.en})`),
  },
  'double-funding-oi': {
    gp: (): Msg => ({
      nl: 'Huisartsenzorg doet mee en het plan gebruikt zowel de prestatie patiëntengroepsgebonden samenwerking als O&I; kies één titel voor alle Zvw-aanbieders (handboek §6)',
      en: 'GP care takes part and the plan uses both the BDSS payment title and O&I; choose one title for all Zvw providers (handbook §6)',
    }),
  },
  'deductible-charged': {
    bdss: (): Msg => ({
      nl: 'Voor de prestatie patiëntengroepsgebonden samenwerking wordt geen eigen risico in rekening gebracht (vanaf 1 januari 2025)',
      en: 'No deductible (eigen risico) is charged for the BDSS payment title (from 1 January 2025)',
    }),
  },
  'lead-missing': {
    none: (model: 'main-contractor' | 'cashier') => both((l) =>
      l === 'nl' ? `Uitvoeringsmodel ${LEAD[model].nl}: kies welke aanbieder de ${LEAD[model].nl} is`
        : `${cap(LEAD[model].en)} model: choose which provider is the ${LEAD[model].en}`),
    unknown: (model: 'main-contractor' | 'cashier', id: string) => both((l) =>
      l === 'nl' ? `Uitvoeringsmodel ${LEAD[model].nl}: ‘${clip(id)}’ is geen aanbieder in dit plan`
        : `${cap(LEAD[model].en)} model: ‘${clip(id)}’ is not a provider in this plan`),
  },
  duplicate: {
    id: (collection: string, id: string) => both((l) => {
      const c = (COLLECTION[collection] ?? { nl: collection, en: collection })[l];
      return l === 'nl' ? `${c}: id ‘${clip(id)}’ komt meer dan eens voor` : `${c}: id ‘${clip(id)}’ occurs more than once`;
    }),
    splitEntry: (row: Msg, column: Msg) => both((l) =>
      l === 'nl' ? `${row.nl}: ${column.nl} staat meer dan eens in de verdeling` : `${row.en}: ${column.en} appears more than once in the split`),
    agb: (provider: Msg, other: Msg, code: string) => both((l) =>
      l === 'nl' ? `${provider.nl}: AGB-code ${code} is ook die van ${lower(other.nl)}` : `${provider.en}: AGB code ${code} is also that of ${lower(other.en)}`),
    uzovi: (funder: Msg, other: Msg, code: string) => both((l) =>
      l === 'nl' ? `${funder.nl}: UZOVI-code ${code} is ook die van ${lower(other.nl)}` : `${funder.en}: UZOVI code ${code} is also that of ${lower(other.en)}`),
    activityName: (activity: Msg) => both((l) =>
      l === 'nl' ? `${activity.nl}: er is al een activiteit met deze naam` : `${activity.en}: there is already an activity with this name`),
    postcode: (group: Msg, raw: string) => both((l) =>
      l === 'nl' ? `${group.nl}: ‘${clip(raw)}’ staat meer dan eens in het verzorgingsgebied` : `${group.en}: ‘${clip(raw)}’ appears more than once in the service area`),
  },
  'code-invalid': {
    agb: (provider: Msg, raw: string) => both((l) =>
      l === 'nl' ? `${provider.nl}: een AGB-code bestaat uit 8 cijfers (nu ‘${clip(raw)}’)` : `${provider.en}: an AGB code has 8 digits (now ‘${clip(raw)}’)`),
    agbMissing: (provider: Msg) => both((l) =>
      l === 'nl' ? `${provider.nl}: een Zvw-aanbieder heeft een AGB-code van 8 cijfers nodig` : `${provider.en}: a Zvw provider needs an 8-digit AGB code`),
    uzovi: (funder: Msg, raw: string) => both((l) =>
      l === 'nl' ? `${funder.nl}: een UZOVI-code bestaat uit 4 cijfers (nu ‘${clip(raw)}’)` : `${funder.en}: a UZOVI code has 4 digits (now ‘${clip(raw)}’)`),
    uzoviMissing: (funder: Msg) => both((l) =>
      l === 'nl' ? `${funder.nl}: een zorgverzekeraar heeft een UZOVI-code van 4 cijfers nodig` : `${funder.en}: a health insurer needs a 4-digit UZOVI code`),
  },
  'reference-missing': {
    targetGroup: (activity: Msg, id: string) => both((l) =>
      l === 'nl' ? `${activity.nl}: doelgroep ‘${clip(id)}’ bestaat niet` : `${activity.en}: target group ‘${clip(id)}’ does not exist`),
    noTargetGroup: (activity: Msg) => both((l) =>
      l === 'nl' ? `${activity.nl}: er is geen doelgroep gekozen` : `${activity.en}: no target group is chosen`),
    domain: (row: Msg, domainId: string) => both((l) =>
      l === 'nl' ? `${row.nl}: domein ‘${clip(domainId)}’ in de verdeling bestaat niet` : `${row.en}: domain ‘${clip(domainId)}’ in the split does not exist`),
    sector: (row: Msg, domain: Msg, sectorId: string) => both((l) =>
      l === 'nl' ? `${row.nl}: sector ‘${clip(sectorId)}’ bestaat niet binnen ${domain.nl}` : `${row.en}: sector ‘${clip(sectorId)}’ does not exist within ${domain.en}`),
  },
} satisfies Record<FindingCode, Record<string, MessageFactory>>;

const LEAD: Record<'main-contractor' | 'cashier', Msg> = {
  'main-contractor': { nl: 'hoofdaannemer', en: 'main contractor' },
  cashier: { nl: 'kassier', en: 'cashier' },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Aanbieder ‘X’" inside a sentence: "… is ook die van aanbieder ‘X’". */
function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
