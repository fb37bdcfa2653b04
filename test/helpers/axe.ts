import axe from 'axe-core';

/*
 * Runs axe-core on an element (shadow roots included: axe walks open shadow DOM) or a whole
 * document and fails with a readable list when a serious or critical violation is found.
 * WCAG 2.1 A/AA rules only: that is what Dutch public-sector sites must meet.
 */
export async function expectNoSeriousViolations(target: Element | Document = document): Promise<void> {
  // nodeType, not instanceof: an iframe's document is a Document of another realm.
  const doc = target.nodeType === Node.DOCUMENT_NODE ? (target as Document) : (target as Element).ownerDocument;
  // axe must run in the realm of the document it checks (an iframe has its own window).
  const win = doc.defaultView as (Window & { axe?: typeof axe }) | null;
  const runner = win && win !== window ? await axeIn(win) : axe;
  const result = await runner.run(target as Element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  });
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length === 0) return;
  const lines = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`)
        .join('\n')}`,
  );
  throw new Error(`axe found ${serious.length} serious/critical violation(s):\n${lines.join('\n')}`);
}

/** Loads axe-core into another window (an iframe) so it checks that document in its own realm. */
async function axeIn(win: Window & { axe?: typeof axe }): Promise<typeof axe> {
  if (!win.axe) {
    const script = win.document.createElement('script');
    script.textContent = axe.source;
    win.document.head.append(script);
  }
  return win.axe!;
}
