import type { Dec } from '../money/decimal.ts';
import { formatMoney, formatNumber, formatPercent } from '../money/format.ts';
import type { FindingCode } from '../model/finding.ts';
import { EXPERIMENT_END, EXPERIMENT_LAST_DAY, EXPERIMENT_START } from '../model/experiment.ts';
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
/**
 * How an unnamed row is told apart without its internal id (an id means nothing to a person): its
 * row number where the rule knows it, else a code people see in the grid (AGB, UZOVI).
 */
export interface Unnamed {
  row?: number;
  code?: string;
}
/**
 * Stands for " (rij N)" in the message of a row check, which cannot know its row's position (its
 * findings are cached per row object while rows move); the validator fills it in (rowNumbered).
 */
const ROW_MARK = '\uE000';
/** A name as people typed it, trimmed and never empty. */
const named = (name: string, l: Locale, hint: Unnamed = {}) => {
  if (name.trim()) return `‘${clip(name.trim())}’`;
  const base = l === 'nl' ? 'zonder naam' : 'without a name';
  if (hint.row !== undefined) return `${base} (${l === 'nl' ? 'rij' : 'row'} ${hint.row})`;
  return `${base}${ROW_MARK}`;
};

/** A message with its row mark replaced by the row number (1-based; 0 = unknown, the mark is dropped). */
export function rowNumbered(message: Msg, row: number): Msg {
  if (!message.nl.includes(ROW_MARK) && !message.en.includes(ROW_MARK)) return message;
  const fill = (text: string, word: string) => text.replaceAll(ROW_MARK, row > 0 ? ` (${word} ${row})` : '');
  return { nl: fill(message.nl, 'rij'), en: fill(message.en, 'row') };
}

/**
 * Where a rule's message points in the handleiding: by section number AND heading (numbers in our
 * copy are easy to misread). The headings stay Dutch in English text, as the document is Dutch.
 */
const SECTION = {
  when: { n: 2, heading: 'Wanneer te gebruiken?', en: 'when to use it' },
  what: { n: 3, heading: 'Waarvoor te gebruiken?', en: 'what to use it for' },
  how: { n: 4, heading: 'Hoe te gebruiken?', en: 'how to use it' },
  execute: { n: 5, heading: 'Hoe uit te voeren en te verantwoorden?', en: 'how to carry out and account for it' },
  others: {
    n: 6,
    heading: 'Verhouding tot andere bekostigingsmethoden voor samenwerking',
    en: 'relation to other payment methods for cooperation',
  },
  monitoring: { n: 7, heading: 'Monitoring en evaluatie', en: 'monitoring and evaluation' },
} as const;
export type HandleidingSection = keyof typeof SECTION;
/** " (handleiding §7 ‘Monitoring en evaluatie’)" / " (handbook §7 ‘Monitoring en evaluatie’, monitoring and evaluation)". */
export const cite = (section: HandleidingSection, l: Locale): string => {
  const s = SECTION[section];
  return l === 'nl' ? ` (handleiding §${s.n} ‘${s.heading}’)` : ` (NZa handbook §${s.n} ‘${s.heading}’: ${s.en})`;
};

/** How the subjects of findings are called: "Activiteit ‘Netwerkoverleg’", "Default split". */
export const subject = {
  activity: (name: string, _id?: string, hint?: Unnamed) =>
    both((l) => `${l === 'nl' ? 'Activiteit' : 'Activity'} ${named(name, l, hint)}`),
  defaultSplit: (): Msg => ({ nl: 'Standaardverdeling', en: 'Default split' }),
  provider: (name: string, _id?: string, hint?: Unnamed) =>
    both((l) => `${l === 'nl' ? 'Aanbieder' : 'Provider'} ${named(name, l, hint)}`),
  funder: (name: string, _id?: string, hint?: Unnamed) =>
    both((l) => `${l === 'nl' ? 'Financier' : 'Funder'} ${named(name, l, hint)}`),
  targetGroup: (name: string, _id?: string, hint?: Unnamed) =>
    both((l) => `${l === 'nl' ? 'Doelgroep' : 'Target group'} ${named(name, l, hint)}`),
  /** A split column: "Zvw – Huisartsenzorg", or the domain alone. */
  column: (domainName: string, sectorName?: string): Msg => {
    const text = sectorName === undefined ? domainName : `${domainName} – ${sectorName}`;
    return { nl: text, en: text };
  },
};

/** "Evaluatiemoment 2": an agreed evaluation moment, by its number in the plan's list. */
export const evaluationMoment = (n: number): Msg => ({ nl: `Evaluatiemoment ${n}`, en: `Evaluation moment ${n}` });

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
  insuredTotal: {
    nl: 'totaal aantal verzekerden in het verzorgingsgebied',
    en: 'total number of insured in the service area',
  },
  regularShare: { nl: 'deel al betaald via reguliere tarieven', en: 'share already paid through regular tariffs' },
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
  dateFormats[l] ??= new Intl.DateTimeFormat(l === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return dateFormats[l]!.format(date);
}

type MessageFactory = (...args: never[]) => Msg;

export const findingText = {
  'split-sum': {
    domains: (row: Msg, total: Dec, target: Dec) =>
      both((l) =>
        l === 'nl'
          ? `${row.nl}: verdeling over de domeinen telt op tot ${offBy(total, target, l)}`
          : `${row.en}: split over the domains adds up to ${offBy(total, target, l)}`,
      ),
    sectors: (row: Msg, domain: string, total: Dec, target: Dec) =>
      both((l) =>
        l === 'nl'
          ? `${row.nl}: sectoren binnen ${domain} tellen op tot ${offBy(total, target, l)}`
          : `${row.en}: sectors within ${domain} add up to ${offBy(total, target, l)}`,
      ),
    providerShares: (column: Msg, total: Dec, target: Dec) =>
      both((l) =>
        l === 'nl'
          ? `Aanbieders in ${column.nl}: aandelen tellen op tot ${offBy(total, target, l)}`
          : `Providers in ${column.en}: shares add up to ${offBy(total, target, l)}`,
      ),
  },
  'percent-range': {
    outOfRange: (row: Msg, col: Msg, value: Dec) =>
      both((l) => {
        const w = at(row, col)[l];
        return l === 'nl'
          ? `${w}: ${pct(value, l)} ligt niet tussen 0 % en 100 %`
          : `${w}: ${pct(value, l)} is not between 0% and 100%`;
      }),
    unreadable: (row: Msg, col: Msg, raw: string) =>
      both((l) => {
        const w = at(row, col)[l];
        return l === 'nl' ? `${w}: ‘${clip(raw)}’ is geen percentage` : `${w}: ‘${clip(raw)}’ is not a percentage`;
      }),
  },
  'amount-invalid': {
    negative: (row: Msg, field: FieldLabel, value: Dec, money: boolean) =>
      both((l) => {
        const shown = money ? formatMoney(value, l) : formatNumber(value, l);
        return l === 'nl'
          ? `${row.nl}, ${fieldLabel[field].nl}: mag niet negatief zijn (${shown})`
          : `${row.en}, ${fieldLabel[field].en}: must not be negative (${shown})`;
      }),
    tooPrecise: (row: Msg, field: FieldLabel, raw: string) =>
      both((l) =>
        l === 'nl'
          ? `${row.nl}, ${fieldLabel[field].nl}: een bedrag heeft hoogstens 2 decimalen (${raw})`
          : `${row.en}, ${fieldLabel[field].en}: an amount has at most 2 decimals (${raw})`,
      ),
    unreadable: (row: Msg, field: FieldLabel, raw: string) =>
      both((l) =>
        l === 'nl'
          ? `${row.nl}, ${fieldLabel[field].nl}: ‘${clip(raw)}’ is geen getal`
          : `${row.en}, ${fieldLabel[field].en}: ‘${clip(raw)}’ is not a number`,
      ),
    notWhole: (row: Msg, field: FieldLabel, raw: string) =>
      both((l) =>
        l === 'nl'
          ? `${row.nl}, ${fieldLabel[field].nl}: moet een geheel getal van 0 of meer zijn (nu ${raw})`
          : `${row.en}, ${fieldLabel[field].en}: must be a whole number of 0 or more (now ${raw})`,
      ),
    zeroCost: (row: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${row.nl}: kost ${formatMoney('0', l)} per jaar`
          : `${row.en}: costs ${formatMoney('0', l)} per year`,
      ),
  },
  'market-share-sum': {
    percentSum: (domain: Msg, total: Dec, target: Dec) =>
      both((l) =>
        l === 'nl'
          ? `Financiers van ${domain.nl}: marktaandelen tellen op tot ${offBy(total, target, l)}`
          : `Funders of ${domain.en}: market shares add up to ${offBy(total, target, l)}`,
      ),
    mixedBasis: (funder: Msg, domain: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${funder.nl}: aantallen en percentages door elkaar binnen ${domain.nl}; geef alle marktaandelen op dezelfde manier op`
          : `${funder.en}: counts and percentages mixed within ${domain.en}; give every market share the same way`,
      ),
    missingShare: (funder: Msg, domain: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${funder.nl}: geen marktaandeel, terwijl andere financiers van ${domain.nl} er wel een hebben`
          : `${funder.en}: no market share, while other funders of ${domain.en} have one`,
      ),
    insurerWithoutShare: (funder: Msg, domain: Msg, insurers: number) =>
      both((l) =>
        l === 'nl'
          ? `${funder.nl}: geen marktaandeel, terwijl ${domain.nl} ${insurers} zorgverzekeraars heeft${cite('how', l)}`
          : `${funder.en}: no market share, while ${domain.en} has ${insurers} health insurers${cite('how', l)}`,
      ),
    aboveTotal: (domain: Msg, counted: Dec, total: Dec) =>
      both((l) =>
        l === 'nl'
          ? `Zorgverzekeraars van ${domain.nl}: samen ${formatNumber(counted, l)} verzekerden, meer dan de ${formatNumber(total, l)} verzekerden in het hele verzorgingsgebied${cite('how', l)}`
          : `Insurers of ${domain.en}: together ${formatNumber(counted, l)} insured, more than the ${formatNumber(total, l)} insured in the whole service area${cite('how', l)}`,
      ),
    percentAbove: (domain: Msg, total: Dec) =>
      both((l) =>
        l === 'nl'
          ? `Zorgverzekeraars van ${domain.nl}: marktaandelen tellen op tot ${pct(total, l)}, meer dan alle verzekerden in het verzorgingsgebied${cite('how', l)}`
          : `Insurers of ${domain.en}: market shares add up to ${pct(total, l)}, more than all insured in the service area${cite('how', l)}`,
      ),
    loneInsurer: (funder: Msg, domain: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${funder.nl}: geen marktaandeel; nu betaalt deze zorgverzekeraar het hele ${domain.nl}-deel, alsof al zijn verzekerden het hele verzorgingsgebied vormen. Geef het aantal verzekerden (met het totaal in het gebied) of het percentage van alle verzekerden${cite('how', l)}`
          : `${funder.en}: no market share; this insurer now pays the whole ${domain.en} part, as if it insured everyone in the service area. Give its number of insured (with the area total) or its percentage of all insured${cite('how', l)}`,
      ),
    countInvalid: (funder: Msg, raw: string) =>
      both((l) =>
        l === 'nl'
          ? `${funder.nl}: het aantal moet een positief geheel getal zijn (nu ‘${clip(raw)}’)`
          : `${funder.en}: the count must be a positive whole number (now ‘${clip(raw)}’)`,
      ),
  },
  'period-invalid': {
    impossibleDate: (row: Msg | null, field: FieldLabel, raw: string) =>
      both((l) => {
        const where = row ? `${row[l]}, ${fieldLabel[field][l]}` : cap(fieldLabel[field][l]);
        return l === 'nl'
          ? `${where}: ‘${clip(raw)}’ is geen bestaande datum`
          : `${where}: ‘${clip(raw)}’ is not a real date`;
      }),
    farFromPeriod: (what: Msg, date: string, start: string, end: string) =>
      both((l) =>
        l === 'nl'
          ? `${what[l]}: ${formatDate(date, l)} ligt jaren buiten de looptijd (${formatDate(start, l)} t/m ${formatDate(end, l)}); klopt het jaartal?`
          : `${what[l]}: ${formatDate(date, l)} is years outside the term (${formatDate(start, l)} to ${formatDate(end, l)}); is the year right?`,
      ),
    endBeforeStart: (start: string, end: string) =>
      both((l) =>
        l === 'nl'
          ? `De einddatum (${formatDate(end, l)}) ligt vóór de startdatum (${formatDate(start, l)})`
          : `The end date (${formatDate(end, l)}) is before the start date (${formatDate(start, l)})`,
      ),
  },
  'period-outside-experiment': {
    startsEarly: (start: string) =>
      both((l) =>
        l === 'nl'
          ? `De prestatie patiëntengroepsgebonden samenwerking bestaat pas vanaf ${formatDate(EXPERIMENT_START, l)}; de planperiode begint op ${formatDate(start, l)}${cite('monitoring', l)}`
          : `The BDSS payment title exists only from ${formatDate(EXPERIMENT_START, l)}; the plan period starts on ${formatDate(start, l)}${cite('monitoring', l)}`,
      ),
    endsLate: (end: string) =>
      both((l) =>
        l === 'nl'
          ? `Het experiment eindigt uiterlijk op ${formatDate(EXPERIMENT_END, l)}: die dag valt er al buiten, dus de planperiode moet eindigen op of vóór ${formatDate(EXPERIMENT_LAST_DAY, l)}; nu loopt ze tot en met ${formatDate(end, l)}${cite('monitoring', l)}`
          : `The experiment ends on ${formatDate(EXPERIMENT_END, l)} at the latest: that day is already outside, so the plan period must end on or before ${formatDate(EXPERIMENT_LAST_DAY, l)}; it now runs until ${formatDate(end, l)}${cite('monitoring', l)}`,
      ),
  },
  'target-group-incomplete': {
    noCharacteristics: (group: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${group.nl}: de zorgspecifieke kenmerken ontbreken${cite('how', l)}`
          : `${group.en}: the care-specific characteristics are missing${cite('how', l)}`,
      ),
    noPostcodes: (group: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${group.nl}: het verzorgingsgebied (postcodes) ontbreekt${cite('how', l)}`
          : `${group.en}: the service area (postcodes) is missing${cite('how', l)}`,
      ),
    none: (): Msg => ({
      nl: 'Het plan heeft activiteiten maar geen doelgroep',
      en: 'The plan has activities but no target group',
    }),
  },
  'postcode-invalid': {
    entry: (group: Msg, raw: string) =>
      both((l) =>
        l === 'nl'
          ? `${group.nl}: ‘${clip(raw)}’ is geen postcode (PC4, 1000–9999) of reeks zoals 1000-1099`
          : `${group.en}: ‘${clip(raw)}’ is not a postcode (PC4, 1000–9999) or a range such as 1000-1099`,
      ),
    reversed: (group: Msg, raw: string) =>
      both((l) =>
        l === 'nl'
          ? `${group.nl}: in de reeks ‘${clip(raw)}’ is het begin groter dan het eind`
          : `${group.en}: in the range ‘${clip(raw)}’ the start is greater than the end`,
      ),
  },
  'zvw-without-provider': {
    bucket: (column: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${column.nl} krijgt geld, maar er is geen aanbieder in die sector${cite('how', l)}`
          : `${column.en} receives money, but there is no provider in that sector${cite('how', l)}`,
      ),
  },
  'zvw-without-insurer': {
    domain: (domain: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${domain.nl} krijgt geld, maar er is geen zorgverzekeraar die het betaalt${cite('how', l)}`
          : `${domain.en} receives money, but no health insurer pays for it${cite('how', l)}`,
      ),
  },
  'provider-domain-mismatch': {
    unknownDomain: (party: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${party.nl}: het gekozen domein bestaat niet (meer); kies een domein`
          : `${party.en}: the chosen domain no longer exists; choose a domain`,
      ),
    sectorNotInDomain: (party: Msg, domain: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${party.nl}: de gekozen sector hoort niet (meer) bij ${domain.nl}; kies een sector`
          : `${party.en}: the chosen sector is not part of ${domain.en}; choose a sector`,
      ),
    sectorMissing: (party: Msg, domain: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${party.nl}: kies een sector binnen ${domain.nl}`
          : `${party.en}: choose a sector within ${domain.en}`,
      ),
    insurerOutsideZvw: (funder: Msg, domain: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${funder.nl}: een zorgverzekeraar betaalt Zvw-zorg, niet ${domain.nl}`
          : `${funder.en}: a health insurer pays for Zvw care, not ${domain.en}`,
      ),
    municipalityOnZvw: (funder: Msg, domain: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${funder.nl}: een gemeente betaalt geen Zvw-zorg (${domain.nl})`
          : `${funder.en}: a municipality does not pay for Zvw care (${domain.en})`,
      ),
  },
  'double-funding-oi': {
    gp: (): Msg => ({
      nl: `Huisartsenzorg doet mee en het plan gebruikt zowel de prestatie patiëntengroepsgebonden samenwerking als O&I; kies één titel voor alle Zvw-aanbieders${cite('others', 'nl')}`,
      en: `GP care takes part and the plan uses both the BDSS payment title and O&I; choose one title for all Zvw providers${cite('others', 'en')}`,
    }),
  },
  'deductible-charged': {
    bdss: (): Msg => ({
      nl: `Voor de prestatie patiëntengroepsgebonden samenwerking wordt geen eigen risico in rekening gebracht (vanaf 1 januari 2025)${cite('execute', 'nl')}`,
      en: `No deductible (eigen risico) is charged for the BDSS payment title (from 1 January 2025)${cite('execute', 'en')}`,
    }),
  },
  'lead-missing': {
    none: (model: 'main-contractor' | 'cashier') =>
      both((l) =>
        l === 'nl'
          ? `Uitvoeringsmodel ${LEAD[model].nl}: kies welke aanbieder de ${LEAD[model].nl} is`
          : `${cap(LEAD[model].en)} model: choose which provider is the ${LEAD[model].en}`,
      ),
    unknown: (model: 'main-contractor' | 'cashier') =>
      both((l) =>
        l === 'nl'
          ? `Uitvoeringsmodel ${LEAD[model].nl}: de gekozen ${LEAD[model].nl} staat niet (meer) bij de aanbieders; kies opnieuw`
          : `${cap(LEAD[model].en)} model: the chosen ${LEAD[model].en} is no longer among the providers; choose again`,
      ),
  },
  duplicate: {
    id: (collection: string, rows: readonly number[]) =>
      both((l) => {
        const c = (COLLECTION[collection] ?? { nl: collection, en: collection })[l];
        const list = rows.join(', ');
        return l === 'nl'
          ? `${c}: de rijen ${list} hebben dezelfde interne sleutel (bijvoorbeeld na knippen en plakken); verwijder een van beide of voeg ze samen`
          : `${c}: rows ${list} share the same internal key (e.g. after cut and paste); remove one or merge them`;
      }),
    splitEntry: (row: Msg, column: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${row.nl}: ${column.nl} staat meer dan eens in de verdeling`
          : `${row.en}: ${column.en} appears more than once in the split`,
      ),
    agb: (provider: Msg, other: Msg, code: string) =>
      both((l) =>
        l === 'nl'
          ? `${provider.nl}: AGB-code ${code} is ook die van ${lower(other.nl)}`
          : `${provider.en}: AGB code ${code} is also that of ${lower(other.en)}`,
      ),
    uzovi: (funder: Msg, other: Msg, code: string) =>
      both((l) =>
        l === 'nl'
          ? `${funder.nl}: UZOVI-code ${code} is ook die van ${lower(other.nl)}`
          : `${funder.en}: UZOVI code ${code} is also that of ${lower(other.en)}`,
      ),
    activityName: (activity: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${activity.nl}: er is al een activiteit met deze naam`
          : `${activity.en}: there is already an activity with this name`,
      ),
    postcode: (group: Msg, raw: string) =>
      both((l) =>
        l === 'nl'
          ? `${group.nl}: ‘${clip(raw)}’ staat meer dan eens in het verzorgingsgebied`
          : `${group.en}: ‘${clip(raw)}’ appears more than once in the service area`,
      ),
  },
  'code-invalid': {
    agb: (provider: Msg, raw: string) =>
      both((l) =>
        l === 'nl'
          ? `${provider.nl}: een AGB-code bestaat uit 8 cijfers (nu ‘${clip(raw)}’)`
          : `${provider.en}: an AGB code has 8 digits (now ‘${clip(raw)}’)`,
      ),
    agbMissing: (provider: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${provider.nl}: een Zvw-aanbieder heeft een AGB-code van 8 cijfers nodig`
          : `${provider.en}: a Zvw provider needs an 8-digit AGB code`,
      ),
    uzovi: (funder: Msg, raw: string) =>
      both((l) =>
        l === 'nl'
          ? `${funder.nl}: een UZOVI-code bestaat uit 4 cijfers (nu ‘${clip(raw)}’)`
          : `${funder.en}: a UZOVI code has 4 digits (now ‘${clip(raw)}’)`,
      ),
    uzoviMissing: (funder: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${funder.nl}: een zorgverzekeraar heeft een UZOVI-code van 4 cijfers nodig`
          : `${funder.en}: a health insurer needs a 4-digit UZOVI code`,
      ),
  },
  'reference-missing': {
    targetGroup: (activity: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${activity.nl}: een gekozen doelgroep bestaat niet (meer); kies de doelgroepen opnieuw`
          : `${activity.en}: a chosen target group no longer exists; choose the target groups again`,
      ),
    noTargetGroup: (activity: Msg) =>
      both((l) =>
        l === 'nl' ? `${activity.nl}: er is geen doelgroep gekozen` : `${activity.en}: no target group is chosen`,
      ),
    domain: (row: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${row.nl}: de verdeling noemt een domein dat niet (meer) bestaat`
          : `${row.en}: the split names a domain that no longer exists`,
      ),
    sector: (row: Msg, domain: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${row.nl}: de verdeling noemt een sector binnen ${domain.nl} die niet (meer) bestaat`
          : `${row.en}: the split names a sector within ${domain.en} that no longer exists`,
      ),
  },
  'oi-without-gp': {
    noGp: (): Msg => ({
      nl: `Het plan gebruikt een O&I-prestatie, maar er doet geen huisartsenzorg mee: O&I vergoedt per ingeschreven verzekerde van de aangesloten huisartsen, dus huisartsen moeten deel uitmaken van het samenwerkingsverband${cite('others', 'nl')}`,
      en: `The plan uses an O&I payment title, but no GP care takes part: O&I pays per enrolled insured of the participating GPs, so GPs must be part of the collaboration${cite('others', 'en')}`,
    }),
  },
  'domain-without-party': {
    noProvider: (column: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${column.nl} krijgt een deel van het budget, maar er is geen aanbieder in dat domein; elk domein blijft verantwoordelijk voor de eigen bijdrage${cite('what', l)}`
          : `${column.en} gets a share of the budget, but there is no provider in that domain; each domain stays responsible for its own contribution${cite('what', l)}`,
      ),
    noFunder: (domain: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${domain.nl} krijgt een deel van het budget, maar er is geen financier die het betaalt; elk domein betaalt de eigen bijdrage${cite('what', l)}`
          : `${domain.en} gets a share of the budget, but no funder pays for it; each domain pays its own contribution${cite('what', l)}`,
      ),
  },
  'market-share-date': {
    missing: (insurers: number) =>
      both((l) =>
        l === 'nl'
          ? `Er zijn ${insurers} zorgverzekeraars, maar geen peildatum voor de marktaandelen: spreek af op welke datum de verzekerden in het verzorgingsgebied worden geteld${cite('how', l)}`
          : `There are ${insurers} health insurers, but no reference date for the market shares: agree on which date the insured in the service area are counted${cite('how', l)}`,
      ),
    afterStart: (date: string, start: string) =>
      both((l) =>
        l === 'nl'
          ? `De peildatum van de marktaandelen (${formatDate(date, l)}) ligt na het begin van de periode waarvoor ze gelden (${formatDate(start, l)}); tel de verzekerden op of vóór de start${cite('how', l)}`
          : `The market-share reference date (${formatDate(date, l)}) is after the start of the period it applies to (${formatDate(start, l)}); count the insured on or before the start${cite('how', l)}`,
      ),
    farAway: (date: string, start: string) =>
      both((l) =>
        l === 'nl'
          ? `De peildatum van de marktaandelen (${formatDate(date, l)}) ligt meer dan twee jaar vóór het begin van de periode waarvoor ze gelden (${formatDate(start, l)}); klopt het jaartal?`
          : `The market-share reference date (${formatDate(date, l)}) is more than two years before the start of the period it applies to (${formatDate(start, l)}); is the year right?`,
      ),
    yearMissing: (year: number) =>
      both((l) =>
        l === 'nl'
          ? `Voor ${year} ontbreken de marktaandelen: verzekerden kunnen op 1 januari van zorgverzekeraar wisselen, dus elk kalenderjaar heeft een eigen peildatum en telling; tot die er is, gelden de aandelen van het eerste jaar${cite('how', l)}`
          : `Market shares for ${year} are missing: insured persons may switch insurer on 1 January, so each calendar year has its own reference date and count; until then the first year's shares apply${cite('how', l)}`,
      ),
    yearDateMissing: (year: number) =>
      both((l) =>
        l === 'nl'
          ? `Marktaandelen ${year}: de peildatum ontbreekt${cite('how', l)}`
          : `Market shares ${year}: the reference date is missing${cite('how', l)}`,
      ),
    yearOutside: (year: number) =>
      both((l) =>
        l === 'nl'
          ? `Marktaandelen ${year}: dat jaar valt buiten de planperiode`
          : `Market shares ${year}: that year is outside the plan period`,
      ),
  },
  'title-adz': {
    chosen: (): Msg => ({
      nl: `ADZ (algemene diensten ten behoeve van verzekerde zorg) kent per initiatief een eigen, door de NZa vastgestelde prestatie; op dit moment bestaat er maar één: ADZ-ondersteuning van Parkinsonzorg. Kies ADZ alleen voor die zorg${cite('others', 'nl')}`,
      en: `ADZ (algemene diensten ten behoeve van verzekerde zorg, general services for insured care) has its own prestatie per initiative, set by the NZa; at present only one exists: ADZ support of Parkinson care. Choose ADZ only for that care${cite('others', 'en')}`,
    }),
  },
  'lead-domain': {
    notZvw: (model: 'main-contractor' | 'cashier', lead: Msg, domain: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${lead.nl} is ${LEAD[model].nl} en ontvangt dus het ${domain.nl}-deel, maar hoort zelf niet bij de Zvw: alleen een zorgaanbieder in de Zvw kan de prestatie patiëntengroepsgebonden samenwerking declareren bij de zorgverzekeraars${cite('how', l)}`
          : `${lead.en} is the ${LEAD[model].en} and so receives the ${domain.en} part, but is not a Zvw provider itself: only a Zvw care provider can declare the BDSS prestatie to the insurers${cite('how', l)}`,
      ),
  },
  'role-model': {
    roleWithoutModel: (provider: Msg, role: 'main-contractor' | 'cashier', model: ModelName) =>
      both((l) =>
        l === 'nl'
          ? `${provider.nl} heeft de rol ${LEAD[role].nl}, maar het uitvoeringsmodel is ${MODEL[model].nl}; maak de rol partner of kies het model ${LEAD[role].nl}${cite('how', l)}`
          : `${provider.en} has the role ${LEAD[role].en}, but the execution model is ${MODEL[model].en}; make the role partner or choose the ${LEAD[role].en} model${cite('how', l)}`,
      ),
    notLead: (provider: Msg, role: 'main-contractor' | 'cashier') =>
      both((l) =>
        l === 'nl'
          ? `${provider.nl} heeft de rol ${LEAD[role].nl}, maar is niet de gekozen ${LEAD[role].nl} van het plan; er is één ${LEAD[role].nl}`
          : `${provider.en} has the role ${LEAD[role].en}, but is not the plan's chosen ${LEAD[role].en}; there is one ${LEAD[role].en}`,
      ),
    leadRole: (provider: Msg, model: 'main-contractor' | 'cashier') =>
      both((l) =>
        l === 'nl'
          ? `${provider.nl} is de ${LEAD[model].nl} van het plan, maar heeft de rol partner; geef de rol ${LEAD[model].nl}`
          : `${provider.en} is the plan's ${LEAD[model].en}, but has the role partner; give it the role ${LEAD[model].en}`,
      ),
    leadInEqual: (): Msg => ({
      nl: 'Bij gelijkwaardige partners is er geen hoofdaannemer of kassier: elke aanbieder wordt door elke financier voor het eigen deel betaald; haal de gekozen hoofdaannemer of kassier weg',
      en: 'With equal partners there is no main contractor or cashier: each funder pays each provider its own part; clear the chosen lead organisation',
    }),
  },
  'provider-zero': {
    nothing: (provider: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${provider.nl} doet mee, maar ontvangt ${formatMoney('0', l)}: de verdeling geeft zijn domein of sector niets, of zijn aandeel is ${pct('0', l)}`
          : `${provider.en} takes part, but receives ${formatMoney('0', l)}: the split gives its domain or sector nothing, or its share is ${pct('0', l)}`,
      ),
  },
  'market-share-uncovered': {
    counts: (domain: Msg, uncovered: Dec, total: Dec, percent: Dec) =>
      both((l) =>
        l === 'nl'
          ? `${domain.nl}: ${formatNumber(uncovered, l)} van de ${formatNumber(total, l)} verzekerden in het verzorgingsgebied (${pct(percent.toDecimalPlaces(2), l)}) zijn niet gedekt door een zorgverzekeraar in het plan; dat deel van het Zvw-budget betaalt niemand, tot een andere zorgverzekeraar meedoet${cite('how', l)}`
          : `${domain.en}: ${formatNumber(uncovered, l)} of the ${formatNumber(total, l)} insured in the service area (${pct(percent.toDecimalPlaces(2), l)}) are not covered by an insurer in the plan; nobody pays that part of the Zvw budget until another insurer joins${cite('how', l)}`,
      ),
    percent: (domain: Msg, covered: Dec, target: Dec) =>
      both((l) =>
        l === 'nl'
          ? `${domain.nl}: de zorgverzekeraars in het plan dekken samen ${offBy(covered, target, l).replace('te weinig', 'niet gedekt')}; dat deel van het Zvw-budget betaalt niemand, tot een andere zorgverzekeraar meedoet${cite('how', l)}`
          : `${domain.en}: the insurers in the plan together cover ${offBy(covered, target, l).replace('short', 'not covered')}; nobody pays that part of the Zvw budget until another insurer joins${cite('how', l)}`,
      ),
  },
  'regular-share-unexplained': {
    unexplained: (activity: Msg, share: Dec) =>
      both((l) =>
        l === 'nl'
          ? `${activity.nl}: ${pct(share, l)} wordt al via reguliere tarieven betaald; licht toe hoe dubbele bekostiging wordt voorkomen (bijvoorbeeld een prijscorrectie van de andere prestatie)${cite('what', l)}`
          : `${activity.en}: ${pct(share, l)} is already paid through regular tariffs; explain how double funding is prevented (e.g. a price correction of the other prestatie)${cite('what', l)}`,
      ),
    outOfRange: (activity: Msg, raw: string) =>
      both((l) =>
        l === 'nl'
          ? `${activity.nl}, ${fieldLabel.regularShare.nl}: ‘${clip(raw)}’ is geen percentage tussen 0 % en 100 %`
          : `${activity.en}, ${fieldLabel.regularShare.en}: ‘${clip(raw)}’ is not a percentage between 0% and 100%`,
      ),
  },
  'area-total-missing': {
    first: (domain: Msg) =>
      both((l) =>
        l === 'nl'
          ? `${domain.nl}: vul het totaal aantal verzekerden in het verzorgingsgebied op de peildatum in (van alle zorgverzekeraars samen). Pas dan is het marktaandeel van elke zorgverzekeraar te berekenen; tot die tijd is het hele Zvw-deel niet gedekt${cite('how', l)}`
          : `${domain.en}: fill in the total number of insured in the service area on the reference date (of all insurers together). Only then can each insurer's market share be computed; until then the whole Zvw part is not covered${cite('how', l)}`,
      ),
    year: (year: number) =>
      both((l) =>
        l === 'nl'
          ? `Marktaandelen ${year}: vul het totaal aantal verzekerden in het verzorgingsgebied op de peildatum in${cite('how', l)}`
          : `Market shares ${year}: fill in the total number of insured in the service area on the reference date${cite('how', l)}`,
      ),
  },
  'clause-empty': {
    empty: (clause: RequiredClause) =>
      both((l) =>
        l === 'nl'
          ? `De afspraak over ${CLAUSE[clause].nl} is leeg; in elke bijlage staat dan ‘(niet ingevuld)’. Vul de afspraak in vóór de bijlagen worden ondertekend${cite('how', l)}`
          : `The agreement on ${CLAUSE[clause].en} is empty; every annex then reads ‘(not filled in)’. Fill it in before the annexes are signed${cite('how', l)}`,
      ),
  },
} satisfies Record<FindingCode, Record<string, MessageFactory>>;

type RequiredClause = 'declaration' | 'informationExchange' | 'evaluation' | 'controls' | 'doubleFunding';
/** The clauses as the handleiding names them (§4 "Hoe te gebruiken?"). */
const CLAUSE: Record<RequiredClause, Msg> = {
  declaration: { nl: 'het declaratieproces', en: 'the declaration process' },
  informationExchange: { nl: 'de informatie-uitwisseling', en: 'the information exchange' },
  evaluation: { nl: 'de evaluatie van de samenwerking', en: 'the evaluation of the cooperation' },
  controls: { nl: 'de controlemaatregelen', en: 'the control measures' },
  doubleFunding: {
    nl: 'het voorkomen van dubbele bekostiging',
    en: 'preventing double financing',
  },
};

type ModelName = 'main-contractor' | 'cashier' | 'equal-partners';
const MODEL: Record<ModelName, Msg> = {
  'main-contractor': { nl: 'hoofdaannemer', en: 'main contractor' },
  cashier: { nl: 'kassier', en: 'cashier' },
  'equal-partners': { nl: 'gelijkwaardige partners', en: 'equal partners' },
};

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

/**
 * What the validation checks, one entry per finding code (one rule each), with the handleiding
 * section it follows (null: a check of the plan's own consistency, not of the handleiding). The
 * "no findings" texts count from this, so they say what was checked and never claim more.
 */
export const checkSection = {
  'split-sum': 'how',
  'percent-range': null,
  'amount-invalid': null,
  'market-share-sum': 'how',
  'period-outside-experiment': 'monitoring',
  'target-group-incomplete': 'how',
  'postcode-invalid': 'how',
  'zvw-without-provider': 'how',
  'zvw-without-insurer': 'how',
  'provider-domain-mismatch': 'how',
  'double-funding-oi': 'others',
  'deductible-charged': 'execute',
  'lead-missing': 'how',
  duplicate: null,
  'code-invalid': null,
  'reference-missing': null,
  'period-invalid': null,
  'oi-without-gp': 'others',
  'domain-without-party': 'what',
  'market-share-date': 'how',
  'title-adz': 'others',
  'lead-domain': 'how',
  'role-model': 'how',
  'provider-zero': null,
  'market-share-uncovered': 'how',
  'regular-share-unexplained': 'what',
  'area-total-missing': 'how',
  'clause-empty': 'how',
} as const satisfies Record<FindingCode, HandleidingSection | null>;

const checkCodes = Object.keys(checkSection) as FindingCode[];
/** How many checks run, and how many of them follow the handleiding. */
export const checkCount = {
  all: checkCodes.length,
  handleiding: checkCodes.filter((c) => checkSection[c] !== null).length,
};

/** The status line when no check finds anything: "Plan klopt: 28 controles, 20 uit de handleiding". */
export const checksPassedShort: Msg = {
  nl: `Plan klopt: ${checkCount.all} controles, ${checkCount.handleiding} uit de handleiding`,
  en: `Plan checks out: ${checkCount.all} checks, ${checkCount.handleiding} from the handbook`,
};

/** The same, spelled out: what the checks cover and what they do not. */
export const checksPassedLong: Msg = {
  nl: `Plan klopt. Geen bevindingen bij ${checkCount.all} controles, waarvan ${checkCount.handleiding} uit de handleiding (§2–§7): verdeling over domeinen en sectoren tot 100 %, bedragen op de cent, looptijd binnen het experiment, doelgroep en verzorgingsgebied, partijen en hun codes, marktaandelen en peildatum, uitvoeringsmodel, andere prestaties en eigen risico, en de afspraken in de bijlage. De controles dekken niet alles wat de handleiding vraagt: lees de afspraken zelf na.`,
  en: `Plan checks out. No findings from ${checkCount.all} checks, ${checkCount.handleiding} of them from the handbook (§2–§7): the split over domains and sectors to 100%, amounts to the cent, the term within the experiment, target group and service area, the parties and their codes, market shares and reference date, the execution model, other payment titles and the deductible, and the agreements in the annex. The checks do not cover everything the handbook asks: read the agreements yourself too.`,
};
