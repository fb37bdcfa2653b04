import { describeFrameworkPage } from './framework-suite.ts';

/* demo/embed/react.html: React 19 passes the plan as a property and hears rp-change and rp-flow-select. */
describeFrameworkPage('React', '/demo/embed/react.html', () => import('../../../demo/embed/react.tsx'));
