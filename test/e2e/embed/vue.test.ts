import { describeFrameworkPage } from './framework-suite.ts';

/* demo/embed/vue.html: Vue 3 binds the plan with .prop and hears @rp-change and @rp-flow-select. */
describeFrameworkPage('Vue', '/demo/embed/vue.html', () => import('../../../demo/embed/vue.ts'));
