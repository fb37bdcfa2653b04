import type { Locale, Msg } from './locale.ts';
import { fill, type MsgVars } from './index.ts';
import { negotiationUi, type NegotiationKey as FirstLoadKey } from './negotiation.ts';

/*
 * Strings of the sign-off and comments panels, the annex's sign-off section and the export menu's
 * sign-off lines: imported only by code loaded later (the panels' templates, an export), so they
 * load with it. The few the planner needs at once stay in negotiation.ts; `nt` here reads both.
 */
export const negotiationPanelsUi = {
  'signoff.notChosen': {
    nl: 'Markeer dit scenario eerst als gekozen ("Kiezen als definitief"); daarna kunnen de partijen akkoord geven.',
    en: 'First mark this scenario as chosen ("Mark as chosen"); then the parties can sign it off.',
  },
  'signoff.open': { nl: 'Ter ondertekening voorleggen', en: 'Put up for sign-off' },
  'signoff.opened': {
    nl: 'Ter ondertekening voorgelegd door {name} op {at}',
    en: 'Put up for sign-off by {name} on {at}',
  },
  'signoff.openedAnonymous': {
    nl: 'Ter ondertekening voorgelegd op {at} (zonder naam)',
    en: 'Put up for sign-off on {at} (no name given)',
  },
  'signoff.fingerprint': { nl: 'Vingerafdruk van deze versie', en: 'Fingerprint of this version' },
  'signoff.noParties': {
    nl: 'Het plan noemt nog geen financiers of aanbieders die akkoord moeten geven.',
    en: 'The plan names no funders or providers yet who have to sign.',
  },
  'signoff.colParty': { nl: 'Partij', en: 'Party' },
  'signoff.colState': { nl: 'Status', en: 'Status' },
  'signoff.colBy': { nl: 'Akkoord van', en: 'Signed by' },
  'signoff.state.valid': { nl: 'Akkoord op deze versie', en: 'Signed off on this version' },
  'signoff.state.outdated': {
    nl: 'Verouderd: het plan is sindsdien gewijzigd',
    en: 'Outdated: the plan changed since',
  },
  'signoff.state.missing': { nl: 'Nog geen akkoord', en: 'Not signed yet' },
  'signoff.complete': {
    nl: 'Alle partijen hebben akkoord gegeven op deze versie.',
    en: 'Every party has signed off on this version.',
  },
  'signoff.incomplete': {
    nl: '{valid} van {total} partijen akkoord op deze versie; een export wordt als concept gemarkeerd.',
    en: '{valid} of {total} parties signed off on this version; an export is marked as draft.',
  },
  'signoff.by': { nl: '{name} ({role}), {at}', en: '{name} ({role}), {at}' },
  'signoff.byNoRole': { nl: '{name}, {at}', en: '{name}, {at}' },
  'signoff.agree': { nl: 'Akkoord geven', en: 'Sign off' },
  'signoff.agreeFor': { nl: 'Akkoord geven namens {party}', en: 'Sign off for {party}' },
  'signoff.name': { nl: 'Naam', en: 'Name' },
  'signoff.role': { nl: 'Rol of functie', en: 'Role or position' },
  'signoff.confirm': { nl: 'Akkoord vastleggen', en: 'Record sign-off' },
  'signoff.cancel': { nl: 'Annuleren', en: 'Cancel' },
  'signoff.nameRequired': { nl: 'Vul een naam in.', en: 'Enter a name.' },
  'signoff.nameFromHost': {
    nl: 'De naam komt van de website waarin de planner staat.',
    en: 'The name comes from the website the planner is part of.',
  },
  'signoff.local': {
    nl: 'Vastgelegd door deze browser, niet geverifieerd: de naam is wat de website of de gebruiker opgaf.',
    en: 'Recorded by this browser, not verified: the name is what the website or the user supplied.',
  },
  'signoff.server': { nl: 'Vastgelegd door de werksessie-server', en: 'Recorded by the workshop server' },
  'signoff.changes': { nl: 'Gewijzigd sinds dit akkoord', en: 'Changed since this sign-off' },
  'signoff.changesUnknown': {
    nl: 'De getekende versie is niet bewaard; wat er veranderde is niet te tonen.',
    en: 'The signed version was not kept; what changed cannot be shown.',
  },
  'signoff.changesMore': { nl: 'en nog {n} wijzigingen', en: 'and {n} more changes' },
  'signoff.former': {
    nl: 'Akkoorden van partijen die niet meer in het plan staan',
    en: 'Sign-offs of parties no longer in the plan',
  },
  'signoff.role.funder': { nl: 'financier', en: 'funder' },
  'signoff.role.main-contractor': { nl: 'hoofdaannemer', en: 'main contractor' },
  'signoff.role.cashier': { nl: 'kassier', en: 'cashier' },
  'signoff.role.partner': { nl: 'aanbieder', en: 'provider' },
  // comments
  'comments.title': { nl: 'Opmerkingen', en: 'Comments' },
  'comments.open': { nl: '{n} open', en: '{n} open' },
  'comments.none': { nl: 'Geen open opmerkingen.', en: 'No open comments.' },
  'comments.showResolved': { nl: 'Ook afgehandelde tonen', en: 'Show resolved too' },
  'comments.new': { nl: 'Nieuwe opmerking bij', en: 'New comment on' },
  'comments.newHint': {
    nl: 'Kies een cel in een tabel (of een veld) en schrijf uw opmerking; die blijft bij de rij, ook als rijen verschuiven.',
    en: 'Choose a cell in a grid (or a field) and write your comment; it stays with the row, also when rows move.',
  },
  'comments.noAnchor': { nl: 'Het plan als geheel', en: 'The plan as a whole' },
  'comments.text': { nl: 'Opmerking', en: 'Comment' },
  'comments.reply': { nl: 'Antwoord', en: 'Reply' },
  'comments.send': { nl: 'Plaatsen', en: 'Post' },
  'comments.sendReply': { nl: 'Antwoorden', en: 'Reply' },
  'comments.resolve': { nl: 'Afhandelen', en: 'Resolve' },
  'comments.reopen': { nl: 'Heropenen', en: 'Reopen' },
  'comments.resolved': { nl: 'Afgehandeld', en: 'Resolved' },
  'comments.orphaned': {
    nl: 'De rij van deze opmerking bestaat niet meer; de opmerking is bewaard.',
    en: 'The row of this comment no longer exists; the comment is kept.',
  },
  'comments.goTo': { nl: 'Naar de cel', en: 'Go to the cell' },
  'comments.limit': { nl: '{n} van {max} tekens', en: '{n} of {max} characters' },
  'comments.refused.empty': { nl: 'Schrijf eerst een opmerking.', en: 'Write a comment first.' },
  'comments.refused.too-long': {
    nl: 'Een opmerking is hoogstens {max} tekens; er is niets weggelaten, kort de tekst in.',
    en: 'A comment is at most {max} characters; nothing was cut, please shorten it.',
  },
  'comments.refused.no-thread': { nl: 'Deze opmerking bestaat niet meer.', en: 'This comment no longer exists.' },
  'comments.by': { nl: '{author}, {at}', en: '{author}, {at}' },
  'comments.anonymous': { nl: 'Onbekende deelnemer', en: 'Unknown participant' },
  // anchors
  'anchor.section.plan': { nl: 'Plangegevens', en: 'Plan details' },
  'anchor.section.domains': { nl: 'Domeinen', en: 'Domains' },
  'anchor.section.split': { nl: 'Verdeling', en: 'Split' },
  'anchor.section.activities': { nl: 'Activiteiten', en: 'Activities' },
  'anchor.section.targetGroups': { nl: 'Doelgroepen', en: 'Target groups' },
  'anchor.section.providers': { nl: 'Aanbieders', en: 'Providers' },
  'anchor.section.funders': { nl: 'Financiers', en: 'Funders' },
  'anchor.finding': { nl: 'bevinding {code}', en: 'finding {code}' },
  // annex
  'annex.title': { nl: 'Akkoord van de partijen', en: 'Sign-off by the parties' },
  'annex.intro': {
    nl: 'Elk akkoord geldt voor precies één versie van het plan: de versie met de vermelde vingerafdruk (SHA-256). Deze bijlage beschrijft de versie met vingerafdruk {fingerprint}.',
    en: 'Each sign-off applies to exactly one version of the plan: the version with the fingerprint stated (SHA-256). This annex describes the version with fingerprint {fingerprint}.',
  },
  'annex.colParty': { nl: 'Partij', en: 'Party' },
  'annex.colSigner': { nl: 'Naam en rol', en: 'Name and role' },
  'annex.colAt': { nl: 'Tijdstip (UTC)', en: 'Time (UTC)' },
  'annex.colFingerprint': { nl: 'Vingerafdruk', en: 'Fingerprint' },
  'annex.colState': { nl: 'Geldt voor deze versie', en: 'Applies to this version' },
  'annex.yes': { nl: 'ja', en: 'yes' },
  'annex.noOutdated': { nl: 'nee, verouderd', en: 'no, outdated' },
  'annex.missing': { nl: 'nog geen akkoord', en: 'not signed yet' },
  'annex.local': {
    nl: 'Akkoorden met "lokaal" zijn vastgelegd door de browser van de ondertekenaar en niet geverifieerd.',
    en: 'Sign-offs marked "local" were recorded by the signer\'s browser and are not verified.',
  },
  'annex.sourceLocal': { nl: 'lokaal', en: 'local' },
  'annex.sourceServer': { nl: 'werksessie', en: 'workshop' },
  'export.concept': {
    nl: 'Niet alle partijen hebben akkoord gegeven op deze versie: de bijlage en werkmap worden als concept gemarkeerd.',
    en: 'Not every party has signed off on this version: the annex and workbook are marked as draft.',
  },
  'export.final': { nl: 'Toch als definitief exporteren', en: 'Export as final anyway' },
  'annex.concept': {
    nl: 'Niet alle partijen hebben akkoord gegeven op deze versie: dit document is een concept.',
    en: 'Not every party has signed off on this version: this document is a draft.',
  },
} as const satisfies Record<string, Msg>;

export type NegotiationKey = FirstLoadKey | keyof typeof negotiationPanelsUi;

const all: Record<NegotiationKey, Msg> = { ...negotiationUi, ...negotiationPanelsUi };

/** A sign-off or comment string in the given locale (of either module). */
export const nt = (locale: Locale, key: NegotiationKey, vars?: MsgVars): string => fill(all[key][locale], vars);
