import type { Msg } from './locale.ts';

/*
 * The flow diagram's strings (<rp-flow>), nl and en.
 */
export const flowText = {
  label: {
    nl: 'Geldstroom: financiers, domeinen, sectoren, aanbieders',
    en: 'Money flow: funders, domains, sectors, providers',
  },
  empty: { nl: 'Nog geen bedragen om te tonen.', en: 'No amounts to show yet.' },
  showTable: { nl: 'Toon als tabel', en: 'Show as table' },
  hideTable: { nl: 'Verberg tabel', en: 'Hide table' },
  caption: { nl: 'Geldstromen per jaar', en: 'Money flows per year' },
  from: { nl: 'Van', en: 'From' },
  to: { nl: 'Naar', en: 'To' },
  amount: { nl: 'Bedrag per jaar', en: 'Amount per year' },
  funders: { nl: 'Financiers', en: 'Funders' },
  domains: { nl: 'Domeinen', en: 'Domains' },
  sectors: { nl: 'Sectoren', en: 'Sectors' },
  providers: { nl: 'Aanbieders', en: 'Providers' },
  noFunder: { nl: 'Nog geen financier', en: 'No funder yet' },
  /** The Zvw part no listed insurer covers: its own node, never merged with other unassigned money. */
  uncovered: { nl: 'Niet gedekt door een gecontracteerde zorgverzekeraar', en: 'Not covered by a contracting insurer' },
  unpaid: { nl: 'niemand (wordt niet betaald)', en: 'nobody (not paid)' },
  /** What the main contractor or cashier keeps for its own work: not a node of its own (it is one organisation). */
  ownPart: { nl: 'eigen deel (blijft bij {lead})', en: 'own part (kept by {lead})' },
  labelLead: { nl: 'Geldstroom: financiers, {lead}, aanbieders', en: 'Money flow: funders, {lead}, providers' },
  'lead.main-contractor': { nl: 'Hoofdaannemer', en: 'Main contractor' },
  'lead.cashier': { nl: 'Kassier', en: 'Cashier' },
  noDomain: { nl: 'Niet verdeeld', en: 'Not split' },
  noSector: { nl: 'Geen sector', en: 'No sector' },
  noProvider: { nl: 'Nog geen aanbieder', en: 'No provider yet' },
  unknown: { nl: 'Onbekend ({id})', en: 'Unknown ({id})' },
  flow: { nl: '{from} naar {to}: {amount}', en: '{from} to {to}: {amount}' },
  selected: { nl: 'Geselecteerd: {flow}', en: 'Selected: {flow}' },
} satisfies Record<string, Msg>;
