import { describeDownload } from './download-suite.ts';
import { loadBody } from './page.ts';

/* demo/embed/react.html: the React page's download button, through a ref to <rp-planner>. */
describeDownload('/demo/embed/react.html', async () => {
  await loadBody('/demo/embed/react.html');
  await import('../../../demo/embed/react.tsx');
  return document;
});
