import { createApp, computed, ref, shallowRef } from 'vue';
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
 * regioplan in Vue 3. Vue must know rp-* are custom elements (compilerOptions.isCustomElement);
 * `.prop` binds the plan as a DOM property (objects cannot be attributes); `@rp-change` listens
 * to the element's event. The template is compiled at runtime, hence vue's esm-bundler build
 * (aliased in vite.config.ts); a project with .vue files needs neither.
 */

const texts = {
  nl: {
    title: 'Regioplan in Vue',
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
    title: 'Regioplan in Vue',
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

const app = createApp({
  setup() {
    const locale = ref<Locale>('nl');
    const plan = shallowRef<Plan | null>(null);
    const current = shallowRef<Plan | null>(null);
    const status = ref('');
    const selection = ref('');
    const failed = ref(false);
    const t = computed(() => texts[locale.value]);
    const allocation = computed(() => (current.value ? allocate(current.value) : null));
    samplePlan('handbook')!
      .load()
      .then(
        (p) => {
          plan.value = p;
          current.value = p;
        },
        () => {
          failed.value = true;
        },
      );

    const onChange = (e: CustomEvent<RpChangeDetail>) => {
      const errors = e.detail.findings.filter((f) => f.severity === 'error').length;
      current.value = e.detail.plan;
      status.value = `${t.value.total} ${formatMoney(allocate(e.detail.plan).annualTotal, locale.value)}, ${errors} ${t.value.errors}`;
    };
    const onSelect = (e: CustomEvent<FlowSelectDetail>) => {
      selection.value = Object.values(e.detail).filter(Boolean).join(' → ');
    };
    // The site's own download button: the element makes the file (an ExportError, in nl and en, when it refuses).
    const planner = ref<RpPlanner | null>(null);
    const download = ref('');
    const onDownload = async () => {
      try {
        const file = await planner.value!.exportScenario('docx', { locale: locale.value });
        const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(file), download: file.name });
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
        download.value = `${t.value.downloaded}: ${file.name}`;
      } catch (e) {
        download.value = (e as ExportError).messages?.[locale.value] ?? String(e);
      }
    };
    const toggle = () => {
      locale.value = locale.value === 'nl' ? 'en' : 'nl';
      document.documentElement.lang = locale.value;
    };
    return {
      locale,
      plan,
      current,
      status,
      selection,
      failed,
      t,
      allocation,
      onChange,
      onSelect,
      toggle,
      planner,
      download,
      onDownload,
    };
  },
  template: `
    <p v-if="failed" role="alert">{{ t.failed }}</p>
    <template v-else>
      <h1>{{ t.title }}</h1>
      <div class="bar">
        <button type="button" :lang="locale === 'nl' ? 'en' : 'nl'" @click="toggle">{{ t.lang }}</button>
        <button type="button" id="download" :disabled="!plan" @click="onDownload">{{ t.download }}</button>
        <output id="download-status" aria-live="polite">{{ download }}</output>
      </div>
      <rp-planner v-if="plan" ref="planner" :plan.prop="plan" :locale="locale" storage="none"
        license-key="non-commercial-and-evaluation" @rp-change="onChange"></rp-planner>
      <p v-else>{{ t.loading }}</p>
      <output id="status" aria-live="polite">{{ status }}</output>
      <rp-flow v-if="current" :plan.prop="current" :allocation.prop="allocation" :locale="locale" @rp-flow-select="onSelect"></rp-flow>
      <p v-if="selection" id="selection">{{ t.selected }}: {{ selection }}</p>
    </template>
  `,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('rp-');
app.mount('#app');
