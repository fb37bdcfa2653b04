import type { Msg } from './locale.ts';

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
  'planner.status.ok': { nl: 'Plan klopt', en: 'Plan is consistent' },
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
    nl: 'Zorgspecifieke kenmerken en werkgebied (postcodes) van elke doelgroep.',
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
  'planner.compare.tooMany': { nl: 'U kunt hoogstens vier scenario’s tegelijk vergelijken.', en: 'You can compare at most four scenarios at once.' },
  'planner.compare.loading': { nl: 'Scenario’s laden…', en: 'Loading scenarios…' },
  'planner.collab.you': { nl: '{name} (u)', en: '{name} (you)' },
  'planner.collab.participants': { nl: 'Deelnemers', en: 'Participants' },

  // shared form words
  'form.none': { nl: '— geen —', en: '— none —' },
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
  'details.otherTitles': { nl: 'Andere betaaltitels in de samenwerking', en: 'Other payment titles in the collaboration' },
  'details.otherTitles.hint': {
    nl: 'Nodig om dubbele bekostiging te herkennen (bijvoorbeeld O&I voor huisartsen).',
    en: 'Needed to spot double funding (for example O&I for GPs).',
  },
  'details.deductibleCharged': { nl: 'Eigen risico wordt in rekening gebracht', en: 'Deductible (eigen risico) is charged' },
  'details.period': { nl: 'Looptijd en betaalritme', en: 'Period and payment schedule' },
  'details.periodStart': { nl: 'Startdatum', en: 'Start date' },
  'details.periodEnd': { nl: 'Einddatum', en: 'End date' },
  'details.granularity': { nl: 'Betaling per', en: 'Payment per' },
  'details.execution': { nl: 'Uitvoering', en: 'Execution' },
  'details.executionModel': { nl: 'Uitvoeringsmodel', en: 'Execution model' },
  'details.leadProvider': { nl: 'Penvoerder (hoofdaannemer of kassier)', en: 'Lead organisation (main contractor or cashier)' },
  'details.marketShareDate': { nl: 'Peildatum marktaandelen', en: 'Market share reference date' },
  'details.marketShareDate.hint': {
    nl: 'Verzekerden in de postcodes van het werkgebied op deze datum.',
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
  'paymentTitle.adz': { nl: 'Aanvullende dienstverlening zorgverzekeraars (ADZ)', en: 'Additional insurer services (ADZ)' },
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
  'parties.share.hint': { nl: 'Leeg = gelijk verdeeld binnen de sector', en: 'Empty = split equally within the sector' },
  'parties.kind': { nl: 'Soort', en: 'Kind' },
  'parties.uzovi': { nl: 'UZOVI-code', en: 'UZOVI code' },
  'parties.shareBasis': { nl: 'Marktaandeel als', en: 'Market share as' },
  'parties.shareValue': { nl: 'Marktaandeel', en: 'Market share' },
  'parties.noSector': { nl: '— (domein zonder sectoren)', en: '— (domain without sectors)' },
  'parties.actions': { nl: 'Acties', en: 'Actions' },

  'role.main-contractor': { nl: 'Hoofdaannemer', en: 'Main contractor' },
  'role.cashier': { nl: 'Kassier', en: 'Cashier' },
  'role.partner': { nl: 'Partner', en: 'Partner' },

  'funderKind.insurer': { nl: 'Zorgverzekeraar', en: 'Health insurer' },
  'funderKind.municipality': { nl: 'Gemeente', en: 'Municipality' },
  'funderKind.care-office': { nl: 'Zorgkantoor', en: 'Care office' },
  'funderKind.other': { nl: 'Anders', en: 'Other' },

  'shareBasis.none': { nl: 'Niet opgegeven', en: 'Not given' },
  'shareBasis.count': { nl: 'Aantal verzekerden/inwoners', en: 'Number insured/inhabitants' },
  'shareBasis.percent': { nl: 'Percentage', en: 'Percentage' },

  // findings
  'findings.title': { nl: 'Bevindingen', en: 'Findings' },
  'findings.none': { nl: 'Geen bevindingen: het plan is volledig en sluit op de cent.', en: 'No findings: the plan is complete and adds up to the cent.' },
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
