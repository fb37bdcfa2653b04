import type { Msg } from '../i18n/locale.ts';
import type { Plan } from '../model/plan.ts';

/*
 * Names for comparison rows and changed fields, in nl and en, taken from the plans themselves
 * (the scenario being compared wins, so a renamed party shows its new name).
 */

const same = (s: string): Msg => ({ nl: s, en: s });

export const UNASSIGNED: Msg = { nl: 'Niet toegewezen', en: 'Unassigned' };
/** The Zvw part no listed insurer covers (the funderId-null line of a Zvw domain). */
export const UNCOVERED: Msg = {
  nl: 'Niet gedekt door een gecontracteerde zorgverzekeraar',
  en: 'Not covered by a contracting insurer',
};

export const TOTAL_LABELS = {
  annual: { nl: 'Totaal per jaar', en: 'Total per year' },
  plan: { nl: 'Totaal planperiode', en: 'Total plan period' },
} satisfies Record<string, Msg>;

const FIELD_LABELS: Record<string, Msg> = {
  name: { nl: 'Naam', en: 'Name' },
  region: { nl: 'Regio', en: 'Region' },
  collaboration: { nl: 'Samenwerkingsverband', en: 'Collaboration' },
  paymentTitle: { nl: 'Prestatie', en: 'Payment title' },
  otherTitles: { nl: 'Andere prestaties', en: 'Other payment titles' },
  executionModel: { nl: 'Uitvoeringsmodel', en: 'Execution model' },
  leadProviderId: { nl: 'Hoofdaannemer of kassier', en: 'Main contractor or cashier' },
  'period.start': { nl: 'Begindatum', en: 'Start date' },
  'period.end': { nl: 'Einddatum', en: 'End date' },
  granularity: { nl: 'Betaalperiode', en: 'Payment period' },
  deductibleCharged: { nl: 'Eigen risico', en: 'Deductible' },
  marketShareDate: { nl: 'Peildatum marktaandeel', en: 'Market share reference date' },
  'marketShare.definition': { nl: 'Definitie marktaandeel', en: 'Market share definition' },
  'marketShare.insuredTotal': {
    nl: 'Verzekerden in het verzorgingsgebied (totaal)',
    en: 'Insured in the service area (total)',
  },
  patientRepresentation: { nl: 'Patiëntenvertegenwoordiging', en: "Patients' representation" },
  kind: { nl: 'Soort', en: 'Kind' },
  sectors: { nl: 'Sectoren', en: 'Sectors' },
  'cost.kind': { nl: 'Kostengrondslag', en: 'Cost basis' },
  'cost.amount': { nl: 'Bedrag', en: 'Amount' },
  'cost.per': { nl: 'Per', en: 'Per' },
  'cost.hours': { nl: 'Uren', en: 'Hours' },
  'cost.rate': { nl: 'Tarief', en: 'Rate' },
  'cost.fte': { nl: 'Fte', en: 'FTE' },
  'cost.yearlyCost': { nl: 'Jaarkosten', en: 'Yearly cost' },
  'cost.persons': { nl: 'Personen', en: 'Persons' },
  category: { nl: 'Categorie', en: 'Category' },
  targetGroupIds: { nl: 'Doelgroepen', en: 'Target groups' },
  agb: { nl: 'AGB-code', en: 'AGB code' },
  uzovi: { nl: 'UZOVI-code', en: 'UZOVI code' },
  domainId: { nl: 'Domein', en: 'Domain' },
  sectorId: { nl: 'Sector', en: 'Sector' },
  role: { nl: 'Rol', en: 'Role' },
  contribution: { nl: 'Bijdrage', en: 'Contribution' },
  share: { nl: 'Aandeel', en: 'Share' },
  'share.basis': { nl: 'Grondslag aandeel', en: 'Share basis' },
  'share.count': { nl: 'Aantal (verzekerden of inwoners)', en: 'Count (insured or inhabitants)' },
  'share.percent': { nl: 'Aandeel (%)', en: 'Share (%)' },
  characteristics: { nl: 'Kenmerken', en: 'Characteristics' },
  postcodes: { nl: 'Verzorgingsgebied (postcodes)', en: 'Service area (postcodes)' },
  estimatedSize: { nl: 'Geschatte omvang', en: 'Estimated size' },
  referenceDate: { nl: 'Peildatum', en: 'Reference date' },
  split: { nl: 'Verdeling', en: 'Split' },
  row: { nl: 'Regel', en: 'Row' },
};

export const fieldLabel = (field: string): Msg => FIELD_LABELS[field] ?? same(field);

/** Labels for ids, looked up in b first, then a. */
export class Names {
  constructor(
    private readonly a: Plan,
    private readonly b: Plan,
  ) {}

  private find<T extends { id: string }>(pick: (p: Plan) => readonly T[], id: string): T | undefined {
    return pick(this.b).find((x) => x.id === id) ?? pick(this.a).find((x) => x.id === id);
  }

  domain(id: string | null): Msg {
    return id === null ? UNASSIGNED : same(this.find((p) => p.domains, id)?.name || id);
  }

  sector(domainId: string | null, sectorId: string | null): Msg {
    const domain = this.domain(domainId);
    if (domainId === null) return UNASSIGNED;
    if (sectorId === null) {
      const hasSectors = (this.find((p) => p.domains, domainId)?.sectors.length ?? 0) > 0;
      return hasSectors ? { nl: `${domain.nl} – niet toegewezen`, en: `${domain.en} – unassigned` } : domain;
    }
    const d = this.find((p) => p.domains, domainId);
    const s = d?.sectors.find((x) => x.id === sectorId);
    return same(s?.name || sectorId);
  }

  provider(id: string | null): Msg {
    return id === null ? UNASSIGNED : same(this.find((p) => p.providers, id)?.name || id);
  }

  /** A funder line; the null line of a Zvw domain is the part no contracting insurer covers. */
  funder(id: string | null, domainId: string | null = null): Msg {
    if (id !== null) return same(this.find((p) => p.funders, id)?.name || id);
    return domainId !== null && this.find((p) => p.domains, domainId)?.kind === 'zvw' ? UNCOVERED : UNASSIGNED;
  }

  row(collection: 'activities' | 'providers' | 'funders' | 'targetGroups' | 'domains', id: string): Msg {
    return same(this.find<{ id: string; name: string }>((p) => p[collection], id)?.name || id);
  }
}
