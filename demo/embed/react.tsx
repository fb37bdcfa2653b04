import { createElement as h, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  allocate,
  formatMoney,
  type Plan,
  type RpChangeDetail,
  type Locale,
  type RpPlanner,
  type ExportError,
} from '../../entry/regioplan.ts';
import type { FlowSelectDetail } from '../../entry/regioplan.ts';
import { samplePlan } from '../plans/index.ts';

/*
 * regioplan in React 19. React 19 passes props to custom elements as properties when the element
 * has one (plan, allocation, locale) and `on<event-name>` props become event listeners
 * (onrp-change). Written with createElement so it typechecks without a JSX compiler setting;
 * in a JSX project the same is <rp-planner plan={plan} onrp-change={onChange} />.
 */

const texts = {
  nl: {
    title: 'Regioplan in React',
    lang: 'English',
    total: 'Budget per jaar',
    errors: 'fout(en)',
    selected: 'Gekozen stroom',
    loading: 'Plan laden…',
    failed: 'Het voorbeeldplan kon niet worden geladen.',
    download: 'Bijlage downloaden',
    downloaded: 'Gedownload',
  },
  en: {
    title: 'Regioplan in React',
    lang: 'Nederlands',
    total: 'Budget per year',
    errors: 'error(s)',
    selected: 'Chosen flow',
    loading: 'Loading plan…',
    failed: 'The sample plan could not be loaded.',
    download: 'Download annex',
    downloaded: 'Downloaded',
  },
} as const;

function App() {
  const [locale, setLocale] = useState<Locale>('nl');
  const [plan, setPlan] = useState<Plan | null>(null);
  const [status, setStatus] = useState('');
  const [selection, setSelection] = useState('');
  const [failed, setFailed] = useState(false);
  const [flowPlan, setFlowPlan] = useState<Plan | null>(null);
  const [download, setDownload] = useState('');
  const planner = useRef<RpPlanner | null>(null);
  const t = texts[locale];

  useEffect(() => {
    samplePlan('handbook')!
      .load()
      .then(setPlan, () => setFailed(true));
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // The change handler keeps the host's copy of the plan: the flow diagram and the status line follow it.
  const onChange = useCallback(
    (e: Event) => {
      const { plan: next, findings } = (e as CustomEvent<RpChangeDetail>).detail;
      const errors = findings.filter((f) => f.severity === 'error').length;
      setStatus(`${t.total} ${formatMoney(allocate(next).annualTotal, locale)}, ${errors} ${t.errors}`);
      setFlowPlan(next);
    },
    [locale, t],
  );
  const shown = flowPlan ?? plan;

  const onSelect = useCallback((e: Event) => {
    const d = (e as CustomEvent<FlowSelectDetail>).detail;
    setSelection(Object.values(d).filter(Boolean).join(' → '));
  }, []);

  // The site's own download button: the element makes the file (an ExportError, in nl and en, when it refuses).
  const onDownload = useCallback(async () => {
    try {
      const file = await planner.current!.exportScenario('docx', { locale });
      const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(file), download: file.name });
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
      setDownload(`${t.downloaded}: ${file.name}`);
    } catch (e) {
      setDownload((e as ExportError).messages?.[locale] ?? String(e));
    }
  }, [locale, t]);

  if (failed) return h('p', { role: 'alert' }, t.failed);
  return h(
    'div',
    null,
    h('h1', null, t.title),
    h(
      'div',
      { className: 'bar' },
      h(
        'button',
        {
          type: 'button',
          onClick: () => setLocale(locale === 'nl' ? 'en' : 'nl'),
          lang: locale === 'nl' ? 'en' : 'nl',
        },
        t.lang,
      ),
      h('button', { type: 'button', id: 'download', onClick: onDownload, disabled: !plan }, t.download),
      h('output', { id: 'download-status', 'aria-live': 'polite' }, download),
    ),
    plan
      ? h('rp-planner', {
          ref: planner,
          plan,
          locale,
          storage: 'none',
          'license-key': 'non-commercial-and-evaluation',
          'onrp-change': onChange,
        })
      : h('p', null, t.loading),
    h('output', { id: 'status', 'aria-live': 'polite' }, status),
    shown ? h('rp-flow', { plan: shown, allocation: allocate(shown), locale, 'onrp-flow-select': onSelect }) : null,
    selection ? h('p', { id: 'selection' }, `${t.selected}: ${selection}`) : null,
  );
}

createRoot(document.getElementById('app')!).render(h(App));
