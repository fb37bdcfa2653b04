import type { Locale, Msg } from './locale.ts';
import { fill, fillMsg } from './index.ts';
import { exportMenuMsg } from './export-menu.ts';

/*
 * Every string the exports show: contract annex, workbook, CSV headers and print view (the
 * menu's own strings, loaded with the elements, are in ./export-menu.ts and included here). nl is the contract language; en is complete so an English-speaking
 * partner gets the same document.
 */
export const exportMsg = {
  ...exportMenuMsg,
  // Document titles and marks
  annexTitle: { nl: 'Bijlage bij de overeenkomst', en: 'Contract annex' },
  funderAnnexTitle: { nl: 'Bijlage bij de overeenkomst voor {funder}', en: 'Contract annex for {funder}' },
  'leadAnnexTitle.main-contractor': {
    nl: 'Bijlage voor de hoofdaannemer {lead}',
    en: 'Annex for the main contractor {lead}',
  },
  'leadAnnexTitle.cashier': { nl: 'Bijlage voor de kassier {lead}', en: 'Annex for the cashier {lead}' },
  secReceived: { nl: 'Wat u ontvangt van de financiers', en: 'What you receive from the funders' },
  secOwnPart: { nl: 'Uw eigen deel', en: 'Your own part' },
  ownPartLine: {
    nl: 'U ontvangt {received} over de looptijd en betaalt {passed} door; uw eigen deel is {own}.',
    en: 'You receive {received} over the term and pass on {passed}; your own part is {own}.',
  },
  receivedRule: {
    nl: 'Elke financier betaalt u zijn volledige bijdrage; wat geen gecontracteerde zorgverzekeraar dekt, ontvangt u niet.',
    en: 'Every funder pays you its whole contribution; what no contracting insurer covers, you do not receive.',
  },
  draftMark: { nl: 'CONCEPT', en: 'DRAFT' },
  draftNotice: {
    nl: 'Concept: dit scenario bevat nog fouten en is niet bedoeld om te ondertekenen.',
    en: 'Draft: this scenario still has errors and is not meant to be signed.',
  },
  scenario: { nl: 'Scenario', en: 'Scenario' },
  exportDate: { nl: 'Datum', en: 'Date' },
  fingerprint: { nl: 'Vingerafdruk van de inhoud (SHA-256)', en: 'Content fingerprint (SHA-256)' },
  fingerprintNote: {
    nl: 'De vingerafdruk is een controlegetal dat uit alle cijfers en afspraken van dit plan wordt berekend. Het staat ook onderaan elke pagina. Tekent elke partij een eigen exemplaar, dan zien partijen aan dit getal dat zij dezelfde cijfers ondertekenen: verandert er één bedrag of één woord, dan is het getal anders.',
    en: 'The fingerprint is a check number computed from every figure and agreement in this plan. It is also at the foot of every page. When each party signs its own copy, the parties can see from this number that they sign the same figures: change one amount or one word and the number is different.',
  },
  mainAgreement: {
    nl: 'Deze bijlage hoort bij de hoofdovereenkomst ______________________________ (naam en kenmerk) van __________ (datum) en maakt daar deel van uit. Bij strijd gaat de hoofdovereenkomst voor, behalve voor de bedragen en het betaalschema in deze bijlage.',
    en: 'This annex belongs to and forms part of the main agreement ______________________________ (name and reference) of __________ (date). In case of conflict the main agreement prevails, except for the amounts and the payment schedule in this annex.',
  },
  secSignatures: { nl: 'Ondertekening', en: 'Signatures' },
  signaturesIntro: {
    nl: 'Aldus overeengekomen en ondertekend door de partijen bij deze bijlage, elk in een eigen exemplaar met dezelfde vingerafdruk.',
    en: 'Agreed and signed by the parties to this annex, each in its own copy with the same fingerprint.',
  },
  signName: { nl: 'Naam', en: 'Name' },
  signFunction: { nl: 'Functie', en: 'Position' },
  signDate: { nl: 'Datum', en: 'Date' },
  signSignature: { nl: 'Handtekening', en: 'Signature' },
  notFilledIn: { nl: '(niet ingevuld)', en: '(not filled in)' },
  tablePart: { nl: '{title} (deel {n} van {of})', en: '{title} (part {n} of {of})' },
  none: { nl: 'geen', en: 'none' },
  yes: { nl: 'ja', en: 'yes' },
  no: { nl: 'nee', en: 'no' },
  total: { nl: 'Totaal', en: 'Total' },
  unassigned: { nl: '(niet toegewezen)', en: '(unassigned)' },
  /** The Zvw part no listed insurer covers (the engine's funderId-null line in a Zvw domain). */
  uncovered: { nl: 'Niet gedekt door een gecontracteerde zorgverzekeraar', en: 'Not covered by a contracting insurer' },
  unpaid: { nl: 'niemand (wordt niet betaald)', en: 'nobody (not paid)' },
  noLead: { nl: '(geen hoofdaannemer of kassier gekozen)', en: '(no main contractor or cashier chosen)' },
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
  secByProvider: { nl: 'Bedrag per zorgaanbieder, per jaar', en: 'Amount per provider, per year' },
  secByDomain: { nl: 'Bedrag per domein, per jaar', en: 'Amount per domain, per year' },
  secBySector: { nl: 'Bedrag per sector, per jaar', en: 'Amount per sector, per year' },
  secByFunder: { nl: 'Bedrag per financier, per jaar', en: 'Amount per funder, per year' },
  secByFunderYear: {
    nl: 'Bedrag per financier per kalenderjaar (marktaandelen van dat jaar)',
    en: "Amount per funder per calendar year (that year's market shares)",
  },
  colSharesYear: { nl: 'Marktaandelen van', en: 'Market shares of' },
  secExecution: { nl: 'Uitvoeringsmodel', en: 'Execution model' },
  secVat: { nl: 'Btw', en: 'VAT' },
  secMarketShare: { nl: 'Marktaandeel', en: 'Market share' },
  secPatients: { nl: 'Patiëntenvertegenwoordiging', en: "Patients' representation" },
  secEvaluationMoments: { nl: 'Evaluatiemomenten', en: 'Evaluation moments' },
  secJustification: { nl: 'Onderbouwing per activiteit', en: 'Justification per activity' },
  secPaymentSchedule: { nl: 'Betaalschema per periode', en: 'Payment schedule per period' },
  secPassOn: { nl: 'Doorbetaling aan de andere aanbieders', en: 'Passed on to the other providers' },
  secParts: {
    nl: 'Waarvoor de bijdrage is: het deel van elke aanbieder',
    en: "What the contribution is for: each provider's part",
  },
  secPaymentsAll: { nl: 'Betalingen per financier en ontvanger', en: 'Payments per funder and payee' },
  secDeductible: { nl: 'Eigen risico', en: 'Deductible' },
  deductibleField: { nl: 'Eigen risico in rekening gebracht', en: 'Deductible charged' },
  secDoubleFunding: { nl: 'Dubbele bekostiging', en: 'Double financing' },
  secClauses: { nl: 'Afspraken', en: 'Agreements' },
  secFunderShare: { nl: 'Uw aandeel', en: 'Your share' },
  secPayees: { nl: 'Te betalen aan', en: 'Payees' },
  secSocialDomain: { nl: 'Wettelijk kader', en: 'Legal framework' },
  secFunderActivities: { nl: 'Uw bijdrage per activiteit', en: 'Your contribution per activity' },
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
  'lead.main-contractor': { nl: 'Hoofdaannemer', en: 'Main contractor' },
  'lead.cashier': { nl: 'Kassier', en: 'Cashier' },
  marketShareDefinition: { nl: 'Afgesproken definitie van marktaandeel', en: 'Agreed market-share definition' },
  insuredTotal: {
    nl: 'Verzekerden in het verzorgingsgebied op de peildatum (alle zorgverzekeraars)',
    en: 'Insured in the service area on the reference date (all insurers)',
  },
  marketShareYear: { nl: 'Peildatum en aantallen voor {year}', en: 'Reference date and counts for {year}' },
  marketShareYearValue: {
    nl: 'peildatum {date}; {total} verzekerden in het verzorgingsgebied',
    en: 'reference date {date}; {total} insured in the service area',
  },
  yourCount: { nl: 'Uw aantal verzekerden in het verzorgingsgebied', en: 'Your insured in the service area' },
  yourCountInhabitants: { nl: 'Aantal inwoners', en: 'Number of inhabitants' },
  annualTotal: { nl: 'Budget per jaar', en: 'Budget per year' },
  termAmount: { nl: 'Over de looptijd', en: 'Over the term' },
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
  colPostcodes: { nl: 'Verzorgingsgebied (postcodes)', en: 'Service area (postcodes)' },
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
  colAmountAnnual: { nl: 'Bedrag per jaar', en: 'Amount per year' },
  colAmountTerm: { nl: 'Bedrag over de looptijd', en: 'Amount over the term' },
  colAmountPeriod: { nl: 'Bedrag in de periode', en: 'Amount in the period' },
  colAmountYear: { nl: 'Bedrag in het kalenderjaar', en: 'Amount in the calendar year' },
  colPayee: { nl: 'Ontvanger', en: 'Payee' },
  colDescription: { nl: 'Omschrijving', en: 'Description' },
  colJustification: {
    nl: 'Onderbouwing (zorgbehoefte, complexiteit, waarom geen reguliere zorg)',
    en: 'Justification (care need, complexity, why not regular care)',
  },
  colRegularShare: { nl: 'Deel al betaald via reguliere tarieven', en: 'Share already paid through regular tariffs' },
  colRegularExplanation: { nl: 'Toelichting reguliere tarieven', en: 'Regular tariffs explained' },
  colDate: { nl: 'Datum', en: 'Date' },
  colTopic: { nl: 'Onderwerp', en: 'Topic' },
  colYear: { nl: 'Kalenderjaar', en: 'Calendar year' },
  colDeclarant: { nl: 'Declarerende aanbieder', en: 'Declaring provider' },
  colDeclarations: { nl: 'Aantal declaraties van de prestatie', en: 'Number of declarations of the prestatie' },
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
  'title.bdss': {
    nl: 'Prestatie patiëntengroepsgebonden samenwerking Zvw',
    en: 'Patient-group cooperation payment title (Zvw)',
  },
  'title.oi': { nl: 'Organisatie en Infrastructuur (O&I)', en: 'Organisation and Infrastructure (O&I)' },
  'title.adz': {
    nl: 'Algemene diensten ten behoeve van verzekerde zorg (ADZ)',
    en: 'General services for insured care (ADZ)',
  },
  'title.wmo-subsidy': { nl: 'Wmo-subsidie', en: 'Wmo subsidy' },
  'title.other': { nl: 'Overig', en: 'Other' },
  'model.main-contractor': { nl: 'Hoofdaannemer met onderaannemers', en: 'Main contractor with subcontractors' },
  'model.cashier': { nl: 'Kassier', en: 'Cashier' },
  'model.equal-partners': { nl: 'Gelijkwaardige partners', en: 'Equal partners' },
  'role.partner': { nl: 'Partner', en: 'Partner' },
  'role.subcontractor': { nl: 'Onderaannemer', en: 'Subcontractor' },
  'funder.insurer': { nl: 'Zorgverzekeraar', en: 'Health insurer' },
  'funder.municipality': { nl: 'Gemeente', en: 'Municipality' },
  'funder.care-office': { nl: 'Zorgkantoor', en: 'Care office' },
  'funder.other': { nl: 'Overig', en: 'Other' },
  'gran.month': { nl: 'maand', en: 'month' },
  'gran.quarter': { nl: 'kwartaal', en: 'quarter' },
  'gran.year': { nl: 'jaar', en: 'year' },
  'per.month': { nl: 'per maand', en: 'per month' },
  'per.quarter': { nl: 'per kwartaal', en: 'per quarter' },
  'per.year': { nl: 'per jaar', en: 'per year' },
  'cat.client-bound': { nl: 'Cliëntgebonden', en: 'Client-bound' },
  'cat.general': { nl: 'Algemeen', en: 'General' },
  'cost.lumpsum': { nl: 'Lumpsum {amount} per {per}', en: 'Lumpsum {amount} per {per}' },
  'cost.hours': { nl: '{hours} uur per jaar × {rate}', en: '{hours} hours per year × {rate}' },
  'cost.fte': { nl: '{fte} fte × {cost} per jaar', en: '{fte} FTE × {cost} per year' },
  'cost.persons': { nl: '{persons} personen × {rate} per jaar', en: '{persons} persons × {rate} per year' },
  'share.count.insured': {
    nl: '{count} verzekerden in het verzorgingsgebied',
    en: '{count} insured in the service area',
  },
  'share.count.inhabitants': { nl: '{count} inwoners', en: '{count} inhabitants' },
  'share.count': { nl: 'aantal {count}', en: 'count {count}' },
  'share.percent.insured': {
    nl: '{percent} van alle verzekerden in het verzorgingsgebied',
    en: '{percent} of all insured in the service area',
  },
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
  doubleFundingStatementMunicipal: {
    nl: 'Partijen verklaren dat de activiteiten in deze bijlage niet ook op een andere manier worden vergoed, zoals via een maatwerkvoorziening, een subsidie of een Zvw-prestatie (geen dubbele bekostiging).',
    en: 'The parties declare that the activities in this annex are not also paid another way, such as through a tailored provision (maatwerkvoorziening), a subsidy or a Zvw payment title (no double financing).',
  },
  clauseInvoicing: { nl: 'Facturatie en betaling', en: 'Invoicing and payment' },
  'payees.main-contractor': {
    nl: 'U betaalt uw volledige bijdrage aan de hoofdaannemer {lead}. De hoofdaannemer brengt uw bijdrage bij u in rekening en betaalt de onderaannemers hun deel door (zie hieronder).',
    en: 'You pay your whole contribution to the main contractor {lead}. The main contractor charges your contribution to you and passes on to the subcontractors their part (see below).',
  },
  'payees.cashier': {
    nl: 'U betaalt uw volledige bijdrage aan de kassier {lead}. De kassier ontvangt het geld van alle financiers en verdeelt het over de aanbieders (zie hieronder).',
    en: 'You pay your whole contribution to the cashier {lead}. The cashier receives the money of every funder and distributes it over the providers (see below).',
  },
  'payees.equal-partners': {
    nl: 'U betaalt elke aanbieder in uw domein rechtstreeks zijn eigen deel, naar rato van zijn bedrag, tot op de cent (grootste-restmethode).',
    en: 'You pay each provider in your domain its own part directly, pro rata to its amount, to the cent (largest remainder).',
  },
  'payees.no-lead': {
    nl: 'Er is nog geen hoofdaannemer of kassier gekozen; tot dan staat hier wat elke aanbieder rechtstreeks zou ontvangen.',
    en: 'No main contractor or cashier has been chosen yet; until then this shows what each provider would receive directly.',
  },
  'payeesAll.main-contractor': {
    nl: 'Elke financier betaalt zijn volledige bijdrage aan de hoofdaannemer {lead}; die betaalt de onderaannemers hun deel door.',
    en: 'Every funder pays its whole contribution to the main contractor {lead}, which passes on to the subcontractors their part.',
  },
  'payeesAll.cashier': {
    nl: 'Elke financier betaalt zijn volledige bijdrage aan de kassier {lead}; die verdeelt het geld over de aanbieders.',
    en: 'Every funder pays its whole contribution to the cashier {lead}, which distributes the money over the providers.',
  },
  'payeesAll.equal-partners': {
    nl: 'Elke financier betaalt elke aanbieder in zijn domein rechtstreeks diens eigen deel.',
    en: 'Every funder pays each provider in its domain its own part directly.',
  },
  payLine: { nl: '{per} {amount} aan {payee}', en: '{amount} {per} to {payee}' },
  payLineVarying: {
    nl: '{per} van {min} tot {max} aan {payee} (bedrag per periode in het betaalschema); totaal {total}',
    en: '{min} to {max} {per} to {payee} (amount per period in the payment schedule); total {total}',
  },
  payeeAgb: { nl: '{name} (AGB {agb})', en: '{name} (AGB {agb})' },
  scheduleRule: {
    nl: 'Elke periode is tot op de cent verdeeld (grootste-restmethode, naar de lengte van de periode): de periodes tellen op tot het bedrag van elke ontvanger en de ontvangers tot uw bedrag.',
    en: "Each period is split to the cent (largest remainder, by the period's length): the periods add up to each payee's amount and the payees to your amount.",
  },
  passOnRule: {
    nl: '{lead} ontvangt het geld van de financiers en betaalt elke andere aanbieder zijn deel door, per periode tot op de cent.',
    en: '{lead} receives the money of the funders and passes on to every other provider its part, per period to the cent.',
  },
  'vat.main-contractor': {
    nl: 'Hoofdaannemer: de hoofdaannemer ontvangt het hele bedrag en betaalt de onderaannemers door. Partijen laten beoordelen of over de diensten van de onderaannemers aan de hoofdaannemer btw verschuldigd is, en of een vrijstelling geldt.',
    en: 'Main contractor: the main contractor receives the whole amount and pays the subcontractors. The parties should have it assessed whether VAT is due on the services of the subcontractors to the main contractor, and whether an exemption applies.',
  },
  'vat.cashier': {
    nl: 'Kassier: de kassier ontvangt en verdeelt het geld. Partijen laten beoordelen of het innen en doorbetalen (en een vergoeding voor de kassier) een btw-belaste dienst is, en hoe de doorbetaalde bedragen voor de btw worden behandeld.',
    en: 'Cashier: the cashier receives and distributes the money. The parties should have it assessed whether collecting and passing on (and a fee for the cashier) is a service subject to VAT, and how the amounts passed on are treated for VAT.',
  },
  'vat.equal-partners': {
    nl: 'Gelijkwaardige partners: elke aanbieder ontvangt zijn eigen deel rechtstreeks van elke financier; er wordt niets tussen aanbieders doorbetaald. Partijen laten per aanbieder beoordelen of btw verschuldigd is.',
    en: 'Equal partners: each provider receives its own part directly from each funder; nothing is passed on between providers. The parties should have it assessed per provider whether VAT is due.',
  },
  vatNote: {
    nl: 'De handleiding vraagt bij de keuze van het uitvoeringsmodel rekening te houden met de fiscale (btw-)gevolgen (handleiding, "Hoe te gebruiken?"). Dit is een aandachtspunt, geen fiscaal advies.',
    en: 'The handbook asks the parties to consider the tax (VAT) consequences when choosing the execution model (handbook, "Hoe te gebruiken?"). This is a point to consider, not tax advice.',
  },
  marketShareRule: {
    nl: 'Elke zorgverzekeraar betaalt zijn eigen marktaandeel van het Zvw-deel: zijn aantal verzekerden in het verzorgingsgebied op de peildatum, van alle verzekerden daar. Wat geen gecontracteerde zorgverzekeraar dekt, blijft niet gedekt en komt niet ten laste van de anderen.',
    en: 'Each insurer pays its own market share of the Zvw part: its number of insured in the service area on the reference date, out of all insured there. What no contracting insurer covers stays uncovered and is not charged to the others.',
  },
  'socialDomainStatement.wmo': {
    nl: 'Uw bijdrage valt onder de {domain} en wordt door de gemeente betaald uit haar eigen middelen voor maatschappelijke ondersteuning: elk wettelijk domein blijft verantwoordelijk voor zijn eigen bijdrage aan de samenwerking (handleiding, "Waarvoor te gebruiken?"). Het gaat om samenwerking en afstemming rond een groep inwoners, niet om een maatwerkvoorziening voor één inwoner. De Zvw-prestatie, het eigen risico en de marktaandelen gelden niet voor uw bijdrage.',
    en: 'Your contribution falls under the {domain} (Social Support Act) and is paid by the municipality from its own means for social support: each legal domain stays responsible for its own contribution to the cooperation (handbook, "Waarvoor te gebruiken?"). It pays for cooperation and coordination around a group of residents, not for a tailored provision (maatwerkvoorziening) for one resident. The Zvw payment title, the deductible and the market shares do not apply to your contribution.',
  },
  'socialDomainStatement.jw': {
    nl: 'Uw bijdrage valt onder de {domain} en wordt door de gemeente betaald uit haar eigen middelen voor jeugdhulp: elk wettelijk domein blijft verantwoordelijk voor zijn eigen bijdrage aan de samenwerking (handleiding, "Waarvoor te gebruiken?"). Het gaat om samenwerking en afstemming rond een groep jeugdigen en gezinnen, niet om een individuele voorziening voor één jeugdige. De Zvw-prestatie, het eigen risico en de marktaandelen gelden niet voor uw bijdrage.',
    en: 'Your contribution falls under the {domain} (Youth Act) and is paid by the municipality from its own means for youth care: each legal domain stays responsible for its own contribution to the cooperation (handbook, "Waarvoor te gebruiken?"). It pays for cooperation and coordination around a group of young people and families, not for an individual provision for one young person. The Zvw payment title, the deductible and the market shares do not apply to your contribution.',
  },
  'socialDomainStatement.wpg': {
    nl: 'Uw bijdrage valt onder de {domain} (Wet publieke gezondheid) en wordt door de gemeente betaald uit haar eigen middelen voor publieke gezondheid: elk wettelijk domein blijft verantwoordelijk voor zijn eigen bijdrage aan de samenwerking (handleiding, "Waarvoor te gebruiken?"). De Zvw-prestatie, het eigen risico en de marktaandelen gelden niet voor uw bijdrage.',
    en: 'Your contribution falls under the {domain} (Public Health Act) and is paid by the municipality from its own means for public health: each legal domain stays responsible for its own contribution to the cooperation (handbook, "Waarvoor te gebruiken?"). The Zvw payment title, the deductible and the market shares do not apply to your contribution.',
  },
  socialDomainStatement: {
    nl: 'Uw bijdrage valt onder {domain} en wordt vanuit uw eigen domein bekostigd: elk wettelijk domein blijft verantwoordelijk voor zijn eigen bijdrage aan de samenwerking (handleiding, "Waarvoor te gebruiken?"). De Zvw-prestatie, het eigen risico en het marktaandeel van zorgverzekeraars gelden niet voor uw bijdrage.',
    en: 'Your contribution falls under {domain} and is funded from your own domain: each legal domain stays responsible for its own contribution to the cooperation (handbook, "Waarvoor te gebruiken?"). The Zvw payment title, the deductible and insurers\' market shares do not apply to your contribution.',
  },
  regularShareValue: { nl: '{percent}', en: '{percent}' },
  notStated: { nl: '(niet vermeld)', en: '(not stated)' },
  funderShareOfDomain: { nl: 'Aandeel in het domein {domain}', en: 'Share of the domain {domain}' },
  funderAmount: { nl: 'Uw bedrag per jaar', en: 'Your amount per year' },
  funderAmountTerm: { nl: 'Uw bedrag over de looptijd', en: 'Your amount over the term' },
  secFunderYears: { nl: 'Uw bedrag per kalenderjaar', en: 'Your amount per calendar year' },
  yourCountYear: { nl: 'Uw aantal verzekerden in {year}', en: 'Your insured in {year}' },

  // Monitoring (handleiding, "Monitoring en evaluatie")
  secMonitoring: {
    nl: 'Overzicht voor de eigen administratie en voor vragen van de NZa',
    en: "Overview for the parties' own accounting and for questions from the NZa",
  },
  monNote: {
    nl: 'Dit is geen rapportage: de NZa monitort de prestatie met reguliere declaratiegegevens en legt geen aanvullende rapportageverplichting op (handleiding, "Monitoring en evaluatie"). Het overzicht volgt wat de NZa telt: per kalenderjaar het aantal keer dat de prestatie is gedeclareerd, de omvang van het budget, de betrokken sectoren en het bedrag ten laste van het macrokader van elke sector. Welk macrokader wordt belast, volgt uit wie declareert (handleiding, "Hoe uit te voeren en te verantwoorden?").',
    en: 'This is not a report: the NZa monitors the payment title with regular declaration data and imposes no extra reporting duty (handbook, "Monitoring en evaluatie"). The overview follows what the NZa counts: per calendar year the number of times the payment title was declared, the size of the budget, the sectors involved and the amount charged to each sector\'s macro budget. Which macro budget is charged follows from who declares (handbook, "Hoe uit te voeren en te verantwoorden?").',
  },
  monNotZvw: {
    nl: 'Dit plan gebruikt niet de prestatie patiëntengroepsgebonden samenwerking Zvw; de NZa-monitoring van die prestatie is hier niet van toepassing.',
    en: 'This plan does not use the patient-group cooperation payment title (Zvw); the NZa monitoring of that title does not apply.',
  },
  monCase: { nl: 'Plan', en: 'Plan' },
  monBudget: {
    nl: 'Zvw-budget in het kalenderjaar (prestatie patiëntengroepsgebonden samenwerking)',
    en: 'Zvw budget in the calendar year (patient-group cooperation title)',
  },
  monDeclared: {
    nl: 'Gedeclareerd in het kalenderjaar bij gecontracteerde zorgverzekeraars',
    en: 'Declared in the calendar year to contracting insurers',
  },
  monUses: { nl: 'Aantal declaraties van de prestatie', en: 'Number of declarations of the prestatie' },
  monSectors: { nl: 'Betrokken Zvw-sectoren in de samenwerking', en: 'Zvw sectors involved in the cooperation' },
  monChargedSectors: {
    nl: 'Belast macrokader (sector van wie declareert)',
    en: 'Macro budget charged (sector of who declares)',
  },
  monCharged: { nl: 'Ten laste van het macrokader van de sector', en: "Charged to the sector's macro budget" },
  monChargedTable: {
    nl: 'Declaraties en macrokader per kalenderjaar',
    en: 'Declarations and macro budget per calendar year',
  },
  monOutsideZvw: { nl: '(declarant buiten de Zvw)', en: '(declarant outside the Zvw)' },
  monSizeUnknown: { nl: 'onbekend', en: 'unknown' },

  // Workbook sheet names (max 31 characters, no []:*?/\)
  sheetPlan: { nl: 'Plan', en: 'Plan' },
  sheetSplits: { nl: 'Verdelingen', en: 'Splits' },
  sheetAllocation: { nl: 'Toedeling', en: 'Allocation' },
  sheetSchedule: { nl: 'Betaalschema', en: 'Schedule' },
  sheetFindings: { nl: 'Bevindingen', en: 'Findings' },
  sheetMonitoring: { nl: 'Monitoring', en: 'Monitoring' },
  sheetPayments: { nl: 'Betalingen', en: 'Payments' },
  sheetComments: { nl: 'Opmerkingen', en: 'Comments' },
  secComments: { nl: 'Opmerkingen bij het plan', en: 'Comments on the plan' },
  noComments: { nl: 'Er zijn geen opmerkingen.', en: 'There are no comments.' },
  colThread: { nl: 'Draad', en: 'Thread' },
  colAbout: { nl: 'Waarover', en: 'About' },
  colStatus: { nl: 'Status', en: 'Status' },
  colAuthor: { nl: 'Van', en: 'By' },
  colTime: { nl: 'Tijd (UTC)', en: 'Time (UTC)' },
  colComment: { nl: 'Opmerking', en: 'Comment' },
  commentOpen: { nl: 'open', en: 'open' },
  commentResolved: { nl: 'opgelost', en: 'resolved' },
  commentOrphaned: { nl: 'regel verwijderd', en: 'row deleted' },
  commentPlan: { nl: 'Het plan als geheel', en: 'The plan as a whole' },
  commentFinding: { nl: 'bevinding {code}', en: 'finding {code}' },
  commentAnonymous: { nl: '(geen naam)', en: '(no name)' },
  levelActivity: { nl: 'Activiteit', en: 'Activity' },
  levelDomain: { nl: 'Domein', en: 'Domain' },
  levelSector: { nl: 'Sector', en: 'Sector' },
  levelProvider: { nl: 'Zorgaanbieder', en: 'Provider' },
  levelFunder: { nl: 'Financier', en: 'Funder' },
  noFindings: { nl: 'Geen bevindingen.', en: 'No findings.' },
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
