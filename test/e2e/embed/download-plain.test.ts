import { describeDownload } from './download-suite.ts';
// Lets the test server's dependency scan see what the page's script will import (see plain.test.ts).
import '../../../entry/regioplan.ts';

/* demo/embed/plain.html, loaded whole in a frame: its download button works without a framework. */
describeDownload('/demo/embed/plain.html', async () => {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1280px; height: 900px; border: 0';
  frame.src = '/demo/embed/plain.html';
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  return frame.contentDocument!;
});
