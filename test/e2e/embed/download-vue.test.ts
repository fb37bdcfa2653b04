import { describeDownload } from './download-suite.ts';
import { loadBody } from './page.ts';

/* demo/embed/vue.html: the Vue page's download button, through a template ref to <rp-planner>. */
describeDownload('/demo/embed/vue.html', async () => {
  await loadBody('/demo/embed/vue.html');
  await import('../../../demo/embed/vue.ts');
  return document;
});
