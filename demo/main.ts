import '../components/index.ts';
import type { RpPlanner } from '../components/planner/planner.ts';
import { asLocale, type Locale, type Msg } from '../src/i18n/locale.ts';
import { installTheme } from '../components/theme/index.ts';
import { samplePlan, samplePlans } from './plans/index.ts';
import { seedScenarios } from './seed-scenarios.ts';

/*
 * The demo page: one <rp-planner>, a picker for the sample plans (each with two alternatives as
 * scenarios, seed-scenarios.ts), a theme switch, a language switch and a workshop switch. The chosen plan, language and theme live in the URL (?plan=…&lang=…&theme=…)
 * so a view can be linked; the workshop name is remembered in this browser. Two windows that join
 * the workshop edit the same plan live through the collaboration server `npm start` runs beside it.
 */

const texts = {
  documentTitle: {
    nl: 'Regioplan — kostenverdeling voor regionale samenwerking',
    en: 'Regioplan — cost sharing for regional collaboration',
  },
  skip: { nl: 'Naar de planner', en: 'Skip to the planner' },
  tagline: { nl: 'Kostenverdeling voor regionale samenwerking', en: 'Cost sharing for regional collaboration' },
  pickerLabel: { nl: 'Voorbeeldplan', en: 'Sample plan' },
  title: { nl: 'Wie betaalt welk deel? Op de cent.', en: 'Who pays which share? To the cent.' },
  intro: {
    nl: 'Het rekenblad voor regionale samenwerking in zorg en welzijn: verdeel het budget over domeinen en sectoren, en zie meteen waar het plan nog niet klopt.',
    en: 'The spreadsheet for regional collaboration in care and welfare: split the budget across legal domains and sectors, and see at once where the plan does not add up yet.',
  },
  aboutTitle: { nl: 'Waarom Regioplan', en: 'Why Regioplan' },
  fact1Title: { nl: 'Exact', en: 'Exact' },
  fact1: { nl: 'Bedragen tellen op elk niveau op tot op de cent.', en: 'Amounts add up to the cent at every level.' },
  fact2Title: { nl: 'Direct gecontroleerd', en: 'Checked as you type' },
  fact2: {
    nl: 'Elke wijziging wordt getoetst aan regels uit de handleiding.',
    en: 'Every change is checked against rules from the handbook.',
  },
  fact3Title: { nl: 'Insluitbaar', en: 'Embeddable' },
  fact3: { nl: 'Eén element op de website van uw regioplan.', en: 'One element on your regional plan’s website.' },
  footer: {
    nl: 'Gebaseerd op de handleiding voor de prestatie patiëntengroepsgebonden samenwerking Zvw. Voorbeeldgegevens zijn fictief.',
    en: 'Based on the handbook for the Zvw patient-group cooperation payment title. Sample data is fictitious.',
  },
  loadFailed: { nl: 'Dit voorbeeldplan kon niet worden geladen.', en: 'This sample plan could not be loaded.' },
  workshopTitle: { nl: 'Werksessie', en: 'Workshop' },
  workshopHint: {
    nl: 'Bewerk het plan samen, live, vanuit meerdere vensters.',
    en: 'Edit the plan together, live, from several windows.',
  },
  workshopJoined: {
    nl: 'U doet mee. Open deze pagina in een tweede venster om samen te werken.',
    en: 'You have joined. Open this page in a second window to work together.',
  },
  workshopName: { nl: 'Uw naam', en: 'Your name' },
  workshopRole: { nl: 'Rol', en: 'Role' },
  roleEditor: { nl: 'Deelnemer', en: 'Participant' },
  roleObserver: { nl: 'Meekijker', en: 'Observer' },
  join: { nl: 'Deelnemen', en: 'Join' },
  leave: { nl: 'Verlaten', en: 'Leave' },
  themeLabel: { nl: 'Weergave', en: 'Appearance' },
  themeAuto: { nl: 'Systeem', en: 'System' },
  themeLight: { nl: 'Licht', en: 'Light' },
  themeDark: { nl: 'Donker', en: 'Dark' },
} satisfies Record<string, Msg>;

/** `auto` follows the visitor's system; light and dark are forced with theme="…" on <html>. */
type Theme = 'auto' | 'light' | 'dark';
const asTheme = (value: string | null | undefined): Theme => (value === 'light' || value === 'dark' ? value : 'auto');

const planner = document.querySelector<RpPlanner>('#planner')!;
const picker = document.querySelector<HTMLSelectElement>('#plan-picker')!;
const langButtons = [...document.querySelectorAll<HTMLButtonElement>('#lang-switch button')];
const themeSwitch = document.querySelector<HTMLElement>('#theme-switch')!;
const themeButtons = [...themeSwitch.querySelectorAll<HTMLButtonElement>('button')];
const sampleTitle = document.querySelector<HTMLElement>('#sample-title')!;
const sampleDescription = document.querySelector<HTMLElement>('#sample-description')!;
const workshop = document.querySelector<HTMLFormElement>('#workshop')!;
const workshopName = document.querySelector<HTMLInputElement>('#workshop-name')!;
const workshopRole = document.querySelector<HTMLSelectElement>('#workshop-role')!;
const workshopJoin = document.querySelector<HTMLButtonElement>('#workshop-join')!;
const workshopLeave = document.querySelector<HTMLButtonElement>('#workshop-leave')!;
const workshopHint = document.querySelector<HTMLElement>('#workshop-hint')!;

/*
 * The planner's sticky findings panel sits below the site's sticky header. The header wraps onto two
 * lines on narrower screens, so its real height (not a fixed guess) sets where the panel sticks.
 */
const siteHeader = document.querySelector<HTMLElement>('.site-header')!;
new ResizeObserver(() => {
  const sticky = getComputedStyle(siteHeader).position === 'sticky';
  planner.style.setProperty('--rp-sticky-top', sticky ? `${siteHeader.offsetHeight + 16}px` : '1rem');
}).observe(siteHeader);

/** Set by `npm start` (scripts/start.mjs); the same default port otherwise. */
const collabUrl: string =
  (import.meta.env.RP_COLLAB_URL as string | undefined) ?? `ws://${location.hostname || '127.0.0.1'}:1234`;
const NAME_KEY = 'regioplan-demo-name';

const params = new URLSearchParams(location.search);
let locale: Locale = asLocale(params.get('lang') ?? 'nl');
let theme: Theme = asTheme(params.get('theme'));
let planId = samplePlan(params.get('plan') ?? '') ? params.get('plan')! : samplePlans[0]!.id;
let failed = false;

function remember(): void {
  const url = new URL(location.href);
  url.searchParams.set('plan', planId);
  url.searchParams.set('lang', locale);
  if (theme === 'auto') url.searchParams.delete('theme');
  else url.searchParams.set('theme', theme);
  history.replaceState(null, '', url);
}

/** The page and the planner's tokens (theme.css) both switch on the theme attribute of <html>. */
function applyTheme(): void {
  if (theme === 'auto') document.documentElement.removeAttribute('theme');
  else document.documentElement.setAttribute('theme', theme);
  for (const b of themeButtons) b.setAttribute('aria-pressed', String(b.dataset.theme === theme));
}

function renderTexts(): void {
  document.documentElement.lang = locale;
  document.title = texts.documentTitle[locale];
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const key = el.dataset.text as keyof typeof texts;
    if (texts[key]) el.textContent = texts[key][locale];
  }
  for (const b of langButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === locale));
  themeSwitch.setAttribute('aria-label', texts.themeLabel[locale]);
  picker.replaceChildren(...samplePlans.map((p) => new Option(p.title[locale], p.id, false, p.id === planId)));
  const sample = samplePlan(planId)!;
  sampleTitle.textContent = sample.title[locale];
  sampleDescription.textContent = failed ? texts.loadFailed[locale] : sample.description[locale];
  planner.locale = locale;
  renderWorkshop();
}

const joined = (): boolean => planner.hasAttribute('collab-url');

function renderWorkshop(): void {
  const inside = joined();
  workshop.toggleAttribute('data-joined', inside);
  workshopJoin.hidden = inside;
  workshopLeave.hidden = !inside;
  workshopName.disabled = inside;
  workshopRole.disabled = inside;
  workshopHint.textContent = texts[inside ? 'workshopJoined' : 'workshopHint'][locale];
}

function join(): void {
  const name = workshopName.value.trim();
  if (!name) {
    workshopName.reportValidity();
    return;
  }
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    /* private mode: the name is just not remembered */
  }
  planner.setAttribute('user-name', name);
  planner.setAttribute('collab-token', workshopRole.value);
  planner.setAttribute('collab-url', collabUrl);
  renderWorkshop();
}

function leave(): void {
  planner.removeAttribute('collab-url');
  planner.removeAttribute('collab-token');
  renderWorkshop();
  workshopName.focus();
}

async function open(id: string): Promise<void> {
  const sample = samplePlan(id);
  if (!sample) return;
  planId = id;
  try {
    const plan = await sample.load();
    planner.plan = plan;
    sampleTitle.hidden = sampleDescription.hidden = false;
    failed = false;
    // Its alternatives, on a first visit, so "Vergelijken" has something to compare.
    void seedScenarios(planner, id, plan, locale);
  } catch {
    failed = true;
  }
  remember();
  renderTexts();
}

picker.addEventListener('change', () => void open(picker.value));
// The sample's title and description belong to the sample: not shown over a plan of the user's own.
planner.addEventListener('rp-plan-open', (e) => {
  const own = e.detail.source !== 'host';
  sampleTitle.hidden = own;
  sampleDescription.hidden = own;
});
workshop.addEventListener('submit', (e) => {
  e.preventDefault();
  join();
});
workshopLeave.addEventListener('click', leave);
try {
  workshopName.value = localStorage.getItem(NAME_KEY) ?? '';
} catch {
  /* no storage: start empty */
}
for (const b of langButtons) {
  b.addEventListener('click', () => {
    locale = asLocale(b.dataset.lang);
    remember();
    renderTexts();
  });
}

for (const b of themeButtons) {
  b.addEventListener('click', () => {
    theme = asTheme(b.dataset.theme);
    applyTheme();
    remember();
  });
}

installTheme();
applyTheme();
renderTexts();
void open(planId);
