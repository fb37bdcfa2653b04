import type { Msg } from './locale.ts';
import { checksPassedLong, checksPassedShort } from './findings.ts';

/*
 * Every string the elements show, in nl and en. Placeholders are `{name}` and are filled by `t()`.
 * Keys are grouped by the element or concept that shows them.
 */
export const ui = {
  // planner
  'planner.untitled': { nl: 'Naamloos plan', en: 'Untitled plan' },
  'planner.undo': { nl: 'Ongedaan maken', en: 'Undo' },
  'planner.redo': { nl: 'Opnieuw', en: 'Redo' },
  'planner.undoHint': { nl: 'Ongedaan maken (Ctrl+Z)', en: 'Undo (Ctrl+Z)' },
  'planner.redoHint': { nl: 'Opnieuw (Ctrl+Y)', en: 'Redo (Ctrl+Y)' },
  'planner.annualTotal': { nl: 'Budget per jaar', en: 'Budget per year' },
  'planner.planTotal': { nl: 'Budget planperiode', en: 'Budget for the plan period' },
  'planner.activityCount': { nl: 'Activiteiten', en: 'Activities' },
  'planner.status.ok': checksPassedShort,
  'count.error.one': { nl: '1 fout', en: '1 error' },
  'count.error.other': { nl: '{n} fouten', en: '{n} errors' },
  'count.warning.one': { nl: '1 waarschuwing', en: '1 warning' },
  'count.warning.other': { nl: '{n} waarschuwingen', en: '{n} warnings' },
  'planner.nav.count.one': { nl: '1 bevinding', en: '1 finding' },
  'planner.nav.count.other': { nl: '{n} bevindingen', en: '{n} findings' },
  'planner.sections': { nl: 'Onderdelen van het plan', en: 'Plan sections' },
  'planner.section.details': { nl: 'Plangegevens', en: 'Plan details' },
  'planner.section.details.hint': {
    nl: 'Betaaltitel, looptijd, uitvoeringsmodel en afspraken voor de contractbijlage.',
    en: 'Payment title, period, execution model and agreements for the contract annex.',
  },
  'planner.section.targetGroups': { nl: 'Doelgroepen', en: 'Target groups' },
  'planner.section.targetGroups.hint': {
    nl: 'Zorgspecifieke kenmerken en verzorgingsgebied (postcodes) van elke doelgroep.',
    en: 'Care characteristics and service area (postcodes) of each target group.',
  },
  'planner.section.parties': { nl: 'Partijen', en: 'Parties' },
  'planner.section.parties.hint': {
    nl: 'Wie levert de zorg en wie betaalt welk deel.',
    en: 'Who provides the care and who pays which share.',
  },
  'planner.section.activities': { nl: 'Activiteiten en budget', en: 'Activities and budget' },
  'planner.section.activities.hint': {
    nl: 'Wat de samenwerking doet, voor welke doelgroep, en wat het kost.',
    en: 'What the collaboration does, for which target group, and what it costs.',
  },
  'planner.section.split': { nl: 'Verdeling over domeinen en sectoren', en: 'Split across domains and sectors' },
  'planner.section.split.hint': {
    nl: 'Elke rij telt op tot precies 100 %. Bedragen zijn op de cent verdeeld (grootste-restmethode).',
    en: 'Each row adds up to exactly 100 %. Amounts are split to the cent (largest remainder method).',
  },
  'planner.invalidPlan': {
    nl: 'Dit plan kan niet worden geladen: het bestand klopt niet ({count} problemen, eerste: {first}). Het vorige plan blijft staan.',
    en: 'This plan cannot be loaded: the file is not valid ({count} problems, first: {first}). The previous plan is kept.',
  },
  'planner.noPlan': { nl: 'Nog geen plan geladen.', en: 'No plan loaded yet.' },
  'planner.engineFailed': {
    nl: 'De berekening is mislukt; de vorige uitkomst blijft staan.',
    en: 'The calculation failed; the previous result is kept.',
  },
  'planner.dismiss': { nl: 'Sluiten', en: 'Dismiss' },
  'planner.readonly': { nl: 'Alleen lezen', en: 'Read only' },
  'planner.firstScenario': { nl: 'Basisscenario', en: 'Base scenario' },
  'planner.view.label': { nl: 'Weergave', en: 'View' },
  'planner.view.edit': { nl: 'Plan bewerken', en: 'Edit plan' },
  'planner.view.compare': { nl: 'Vergelijken', en: 'Compare' },
  'planner.view.flow': { nl: 'Geldstromen', en: 'Money flows' },
  'planner.section.export': { nl: 'Exporteren', en: 'Export' },
  'planner.section.export.hint': {
    nl: 'Contractbijlage, werkmap, CSV en monitoringcijfers van het huidige scenario.',
    en: 'Contract annex, workbook, CSV and monitoring figures of the current scenario.',
  },
  'planner.compare.pick': { nl: 'Kies twee tot vier scenario’s', en: 'Pick two to four scenarios' },
  'planner.compare.tooFew': {
    nl: 'Kies minstens twee scenario’s. Maak er een bij met “Nieuw” of “Dupliceren” in de scenariobalk.',
    en: 'Pick at least two scenarios. Add one with “New” or “Duplicate” in the scenario bar.',
  },
  'planner.compare.tooMany': {
    nl: 'U kunt hoogstens vier scenario’s tegelijk vergelijken.',
    en: 'You can compare at most four scenarios at once.',
  },
  'planner.compare.loading': { nl: 'Scenario’s laden…', en: 'Loading scenarios…' },
  'planner.viewLoadFailed': {
    nl: 'Dit onderdeel kon niet worden geladen (geen verbinding?). Probeer het opnieuw.',
    en: 'This part could not be loaded (no connection?). Please try again.',
  },
  'part.loading': { nl: 'Laden…', en: 'Loading…' },
  'part.retry': { nl: 'Opnieuw proberen', en: 'Try again' },
  'planner.collab.you': { nl: '{name} (u)', en: '{name} (you)' },
  'planner.collab.participants': { nl: 'Deelnemers', en: 'Participants' },
  'planner.published.notice': {
    nl: 'De site heeft een nieuwe versie van dit plan gepubliceerd. Uw bewerkingen blijven staan tot u de nieuwe versie overneemt.',
    en: 'The site has published a new version of this plan. Your edits stay until you adopt the new version.',
  },
  'planner.published.compare': { nl: 'Vergelijken', en: 'Compare' },
  'planner.published.hideCompare': { nl: 'Vergelijking sluiten', en: 'Close comparison' },
  'planner.published.adopt': { nl: 'Nieuwe versie overnemen', en: 'Adopt the new version' },
  'planner.published.keep': { nl: 'Mijn versie houden', en: 'Keep my version' },
  'planner.published.mine': { nl: 'Uw versie', en: 'Your version' },
  'planner.published.theirs': { nl: 'Gepubliceerde versie', en: 'Published version' },
  'planner.export.noPlan': {
    nl: 'Er is nog geen plan geladen om te exporteren.',
    en: 'No plan has been loaded to export yet.',
  },
  'planner.export.notFound': { nl: 'Scenario “{id}” is niet gevonden.', en: 'Scenario “{id}” was not found.' },
  'planner.export.format': {
    nl: 'Onbekend exportformaat “{format}”: kies docx, xlsx, csv, monitoring-csv of json.',
    en: 'Unknown export format “{format}”: choose docx, xlsx, csv, monitoring-csv or json.',
  },

  // shared form words
  'form.none': { nl: '— geen —', en: '— none —' },
  'date.placeholder': { nl: 'dd-mm-jjjj', en: 'dd-mm-yyyy' },
  'budget.description': { nl: 'Omschrijving', en: 'Description' },
  'budget.justification': {
    nl: 'Onderbouwing (zorgbehoefte, complexiteit, waarom geen reguliere zorg)',
    en: 'Justification (care need, complexity, why not regular care)',
  },
  'budget.regularShare': { nl: 'Al via reguliere tarieven', en: 'Already via regular tariffs' },
  'budget.regularShareExplanation': {
    nl: 'Hoe dubbele bekostiging wordt voorkomen',
    en: 'How double funding is prevented',
  },
  'budget.textTooLong': { nl: 'hoogstens {max} tekens.', en: 'at most {max} characters.' },
  'date.incomplete': {
    nl: '‘{text}’ is geen volledige datum: typ dag, maand en jaar, bijvoorbeeld 31-12-2025. Er is niets opgeslagen.',
    en: '‘{text}’ is not a complete date: type day, month and year, e.g. 31-12-2025. Nothing was saved.',
  },
  'date.year': {
    nl: 'Het jaar {year} ligt niet tussen {first} en {last}; klopt het jaartal? Er is niets opgeslagen.',
    en: 'The year {year} is not between {first} and {last}; is the year right? Nothing was saved.',
  },
  'date.month': {
    nl: 'Maand {month} bestaat niet: een jaar heeft 12 maanden. Er is niets opgeslagen.',
    en: 'Month {month} does not exist: a year has 12 months. Nothing was saved.',
  },
  'date.day': {
    nl: '{day} {month} {year} bestaat niet: {month} heeft {days} dagen. Er is niets opgeslagen.',
    en: '{day} {month} {year} does not exist: {month} has {days} days. Nothing was saved.',
  },
  'form.error': { nl: 'Fout', en: 'Error' },
  'form.warning': { nl: 'Waarschuwing', en: 'Warning' },
  'form.notAWholeNumber': {
    nl: '“{value}” is geen heel getal van 0 of meer. De vorige waarde blijft staan.',
    en: '“{value}” is not a whole number of 0 or more. The previous value is kept.',
  },

  // plan details
  'details.name': { nl: 'Naam van het plan', en: 'Plan name' },
  'details.region': { nl: 'Regio', en: 'Region' },
  'details.collaboration': { nl: 'Samenwerkingsverband', en: 'Collaboration' },
  'details.identity': { nl: 'Plan', en: 'Plan' },
  'details.payment': { nl: 'Bekostiging', en: 'Payment' },
  'details.paymentTitle': { nl: 'Betaaltitel', en: 'Payment title' },
  'details.otherTitles': {
    nl: 'Andere betaaltitels in de samenwerking',
    en: 'Other payment titles in the collaboration',
  },
  'details.otherTitles.hint': {
    nl: 'Nodig om dubbele bekostiging te herkennen (bijvoorbeeld O&I voor huisartsen).',
    en: 'Needed to spot double funding (for example O&I for GPs).',
  },
  'details.deductibleCharged': {
    nl: 'Eigen risico wordt in rekening gebracht',
    en: 'Deductible (eigen risico) is charged',
  },
  'details.period': { nl: 'Looptijd en betaalritme', en: 'Period and payment schedule' },
  'details.periodStart': { nl: 'Startdatum', en: 'Start date' },
  'details.periodEnd': { nl: 'Einddatum', en: 'End date' },
  'details.granularity': { nl: 'Betaling per', en: 'Payment per' },
  'details.execution': { nl: 'Uitvoering', en: 'Execution' },
  'details.executionModel': { nl: 'Uitvoeringsmodel', en: 'Execution model' },
  'details.leadProvider': {
    nl: 'Hoofdaannemer of kassier (niet bij gelijkwaardige partners)',
    en: 'Main contractor or cashier (none for equal partners)',
  },
  'details.lead.main-contractor': { nl: 'Hoofdaannemer', en: 'Main contractor' },
  'details.lead.cashier': { nl: 'Kassier', en: 'Cashier' },
  'details.lead.hint.main-contractor': {
    nl: 'Alle financiers betalen de hoofdaannemer; die betaalt de andere aanbieders (onderaannemers) hun deel.',
    en: 'Every funder pays the main contractor, which pays the other providers (subcontractors) their part.',
  },
  'details.lead.hint.cashier': {
    nl: 'De kassier ontvangt het geld van alle financiers en verdeelt het over de partners.',
    en: 'The cashier receives the money of every funder and distributes it to the partners.',
  },
  'details.unnamedProvider': { nl: 'Aanbieder zonder naam (rij {row})', en: 'Provider without a name (row {row})' },
  'details.marketShares': { nl: 'Marktaandelen van de zorgverzekeraars', en: 'Market shares of the health insurers' },
  'details.marketShares.hint': {
    nl: 'Volgens de handleiding (§4 ‘Hoe te gebruiken?’): het aantal verzekerden van elke zorgverzekeraar in het verzorgingsgebied (postcodes) op de peildatum, van het totaal van alle verzekerden daar. Elke zorgverzekeraar betaalt zijn eigen deel; wat geen zorgverzekeraar in het plan dekt, is niet gedekt.',
    en: 'As the NZa handbook defines them (§4): each insurer’s number of insured in the service area (postcodes) on the reference date, out of all insured there. Each insurer pays its own share; what no insurer in the plan covers stays uncovered.',
  },
  'details.insuredTotal': {
    nl: 'Totaal aantal verzekerden in het verzorgingsgebied',
    en: 'Total number of insured in the service area',
  },
  'details.insuredTotal.hint': {
    nl: 'Op de peildatum, van alle zorgverzekeraars samen (ook die niet meedoen). Het aantal per zorgverzekeraar staat bij de financiers.',
    en: 'On the reference date, of all insurers together (also those not taking part). The number per insurer is with the funders.',
  },
  'details.marketShareDefinition': {
    nl: 'Afgesproken definitie van het marktaandeel',
    en: 'Agreed definition of the market share',
  },
  'details.marketShareDefinition.hint': {
    nl: 'Verzorgingsgebied (postcodes), peildatum en bron, bijvoorbeeld een trusted third party. Deze tekst komt in de contractbijlage.',
    en: 'Service area (postcodes), reference date and source, e.g. a trusted third party. This text goes into the contract annex.',
  },
  'details.laterYears': { nl: 'Latere kalenderjaren', en: 'Later calendar years' },
  'details.laterYears.hint': {
    nl: 'Verzekerden kunnen op 1 januari van zorgverzekeraar wisselen: geef per volgend kalenderjaar een eigen peildatum en telling.',
    en: 'Insured persons may switch insurer on 1 January: give each later calendar year its own reference date and count.',
  },
  'details.yearDate': { nl: 'Peildatum {year}', en: 'Reference date {year}' },
  'details.yearTotal': { nl: 'Totaal verzekerden {year}', en: 'Total insured {year}' },
  'details.yearCount': { nl: '{name}, verzekerden {year}', en: '{name}, insured {year}' },
  'details.agreement': { nl: 'Afspraken over de samenwerking', en: 'Agreements on the cooperation' },
  'details.patientRepresentation': {
    nl: 'Betrokkenheid van patiëntenvertegenwoordiging',
    en: 'Involvement of patients’ representatives',
  },
  'details.patientRepresentation.hint': {
    nl: 'Hoe patiënten- of cliëntenvertegenwoordiging is betrokken bij de afspraken (handleiding §2 ‘Wanneer te gebruiken?’).',
    en: 'How patients’ or clients’ representatives are involved in the agreements (handbook §2).',
  },
  'details.evaluationMoments': { nl: 'Afgesproken evaluatiemomenten', en: 'Agreed evaluation moments' },
  'details.evaluationDate': { nl: 'Datum', en: 'Date' },
  'details.evaluationTopic': { nl: 'Wat wordt geëvalueerd, door wie', en: 'What is evaluated, by whom' },
  'details.addEvaluation': { nl: 'Evaluatiemoment toevoegen', en: 'Add an evaluation moment' },
  'details.removeEvaluation': { nl: 'Evaluatiemoment {n} verwijderen', en: 'Remove evaluation moment {n}' },
  'details.noEvaluation': { nl: 'Nog geen evaluatiemomenten.', en: 'No evaluation moments yet.' },
  'details.marketShareDate': { nl: 'Peildatum marktaandelen', en: 'Market share reference date' },
  'details.marketShareDate.hint': {
    nl: 'Verzekerden in de postcodes van het verzorgingsgebied op deze datum.',
    en: 'Insured persons in the service area’s postcodes on this date.',
  },
  'details.clauses': { nl: 'Afspraken voor de contractbijlage', en: 'Agreements for the contract annex' },
  'details.clause.declaration': { nl: 'Declaratieproces', en: 'Declaration process' },
  'details.clause.informationExchange': { nl: 'Informatie-uitwisseling', en: 'Information exchange' },
  'details.clause.evaluation': { nl: 'Evaluatie', en: 'Evaluation' },
  'details.clause.controls': { nl: 'Controles', en: 'Controls' },
  'details.clause.quality': { nl: 'Kwaliteitsafspraken', en: 'Quality agreements' },
  'details.clause.doubleFunding': { nl: 'Voorkomen van dubbele bekostiging', en: 'Preventing double funding' },

  'paymentTitle.bdss': { nl: 'Patiëntengroepsgebonden samenwerking Zvw', en: 'Patient-group cooperation (Zvw)' },
  'paymentTitle.oi': { nl: 'Organisatie en infrastructuur (O&I)', en: 'Organisation and infrastructure (O&I)' },
  'paymentTitle.adz': {
    nl: 'Algemene diensten ten behoeve van verzekerde zorg (ADZ)',
    en: 'General services for insured care (ADZ)',
  },
  'paymentTitle.wmo-subsidy': { nl: 'Wmo-subsidie', en: 'Wmo subsidy' },
  'paymentTitle.other': { nl: 'Anders', en: 'Other' },

  'executionModel.main-contractor': { nl: 'Hoofdaannemer', en: 'Main contractor' },
  'executionModel.cashier': { nl: 'Kassier', en: 'Cashier' },
  'executionModel.equal-partners': { nl: 'Gelijkwaardige partners', en: 'Equal partners' },

  'granularity.month': { nl: 'Maand', en: 'Month' },
  'granularity.quarter': { nl: 'Kwartaal', en: 'Quarter' },
  'granularity.year': { nl: 'Jaar', en: 'Year' },

  // target groups
  'targetGroups.empty': { nl: 'Nog geen doelgroepen.', en: 'No target groups yet.' },
  'targetGroups.add': { nl: 'Doelgroep toevoegen', en: 'Add target group' },
  'targetGroups.remove': { nl: 'Doelgroep “{name}” verwijderen', en: 'Remove target group “{name}”' },
  'targetGroups.unnamed': { nl: 'Doelgroep {n}', en: 'Target group {n}' },
  'targetGroups.name': { nl: 'Naam', en: 'Name' },
  'targetGroups.characteristics': { nl: 'Zorgspecifieke kenmerken', en: 'Care characteristics' },
  'targetGroups.postcodes': { nl: 'Postcodes (PC4 en reeksen)', en: 'Postcodes (PC4 and ranges)' },
  'targetGroups.postcodes.hint': { nl: 'Bijvoorbeeld: 5611, 5612-5658', en: 'For example: 5611, 5612-5658' },
  'targetGroups.estimatedSize': { nl: 'Geschatte omvang (personen)', en: 'Estimated size (persons)' },
  'targetGroups.referenceDate': { nl: 'Peildatum', en: 'Reference date' },

  // parties
  'parties.providers': { nl: 'Zorgaanbieders en welzijnsorganisaties', en: 'Care providers and welfare organisations' },
  'parties.funders': { nl: 'Financiers', en: 'Funders' },
  'parties.providers.empty': { nl: 'Nog geen aanbieders.', en: 'No providers yet.' },
  'parties.funders.empty': { nl: 'Nog geen financiers.', en: 'No funders yet.' },
  'parties.addProvider': { nl: 'Aanbieder toevoegen', en: 'Add provider' },
  'parties.addFunder': { nl: 'Financier toevoegen', en: 'Add funder' },
  'parties.removeRow': { nl: '“{name}” verwijderen', en: 'Remove “{name}”' },
  'parties.unnamed': { nl: '(zonder naam)', en: '(unnamed)' },
  'parties.name': { nl: 'Naam', en: 'Name' },
  'parties.agb': { nl: 'AGB-code', en: 'AGB code' },
  'parties.domain': { nl: 'Domein', en: 'Domain' },
  'parties.sector': { nl: 'Sector', en: 'Sector' },
  'parties.role': { nl: 'Rol', en: 'Role' },
  'parties.contribution': { nl: 'Bijdrage', en: 'Contribution' },
  'parties.share': { nl: 'Aandeel (%)', en: 'Share (%)' },
  'parties.share.hint': {
    nl: 'Leeg = gelijk verdeeld binnen de sector',
    en: 'Empty = split equally within the sector',
  },
  'parties.kind': { nl: 'Soort', en: 'Kind' },
  'parties.uzovi': { nl: 'UZOVI-code', en: 'UZOVI code' },
  'parties.shareBasis': { nl: 'Marktaandeel als', en: 'Market share as' },
  'parties.shareValue': { nl: 'Marktaandeel', en: 'Market share' },
  'parties.noSector': { nl: '— (domein zonder sectoren)', en: '— (domain without sectors)' },
  'parties.actions': { nl: 'Acties', en: 'Actions' },

  'role.main-contractor': { nl: 'Hoofdaannemer', en: 'Main contractor' },
  'role.cashier': { nl: 'Kassier', en: 'Cashier' },
  'role.partner': { nl: 'Partner', en: 'Partner' },
  'role.subcontractor': { nl: 'Onderaannemer', en: 'Subcontractor' },

  'funderKind.insurer': { nl: 'Zorgverzekeraar', en: 'Health insurer' },
  'funderKind.municipality': { nl: 'Gemeente', en: 'Municipality' },
  'funderKind.care-office': { nl: 'Zorgkantoor', en: 'Care office' },
  'funderKind.other': { nl: 'Anders', en: 'Other' },

  'shareBasis.none': { nl: 'Niet opgegeven', en: 'Not given' },
  'shareBasis.count.insured': {
    nl: 'Aantal verzekerden in het verzorgingsgebied',
    en: 'Number of insured in the service area',
  },
  'shareBasis.count.inhabitants': { nl: 'Aantal inwoners', en: 'Number of inhabitants' },
  'shareBasis.count.other': { nl: 'Aantal', en: 'Number' },
  'shareBasis.percent.insured': {
    nl: '% van alle verzekerden in het verzorgingsgebied',
    en: '% of all insured in the service area',
  },
  'shareBasis.percent.inhabitants': { nl: 'Percentage', en: 'Percentage' },
  'shareBasis.percent.other': { nl: 'Percentage', en: 'Percentage' },

  // findings
  'findings.title': { nl: 'Bevindingen', en: 'Findings' },
  'findings.none': checksPassedLong,
  'findings.errors': { nl: 'Fouten', en: 'Errors' },
  'findings.warnings': { nl: 'Waarschuwingen', en: 'Warnings' },
  'findings.announce': { nl: '{errors} en {warnings}.', en: '{errors} and {warnings}.' },
  'findings.announceNone': { nl: 'Geen bevindingen meer.', en: 'No findings left.' },

  'section.plan': { nl: 'Plangegevens', en: 'Plan details' },
  'section.domains': { nl: 'Domeinen', en: 'Domains' },
  'section.split': { nl: 'Verdeling', en: 'Split' },
  'section.activities': { nl: 'Activiteiten', en: 'Activities' },
  'section.targetGroups': { nl: 'Doelgroepen', en: 'Target groups' },
  'section.providers': { nl: 'Aanbieders', en: 'Providers' },
  'section.funders': { nl: 'Financiers', en: 'Funders' },
  'section.defaultSplit': { nl: 'standaardverdeling', en: 'default split' },
} as const satisfies Record<string, Msg>;

export type UiKey = keyof typeof ui;
