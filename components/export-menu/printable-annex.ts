import type { AnnexDoc, Block } from '../../src/export/annex.ts';
import { displayCell } from '../../src/export/format.ts';
import type { Table } from '../../src/export/table.ts';
import { splitWideTable } from '../../src/export/table-split.ts';
import { tx } from '../../src/i18n/export.ts';
import { PRINT_CSS, pageMarginCss } from './print.styles.ts';

/*
 * The annex as an HTML document for printing. Built with DOM calls and textContent only, so a
 * name like `<img onerror=…>` stays text. Rendered from the same content as the .docx.
 */

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const NUMERIC = new Set(['money', 'percent', 'count']);
/** Columns that fit an A4 page side by side at the print size (three leading columns and five amounts). */
const MAX_COLUMNS = 8;

function renderTable(doc: Document, table: Table, locale: AnnexDoc['locale'], caption: boolean): DocumentFragment {
  const out = doc.createDocumentFragment();
  if (caption) out.append(el(doc, 'p', table.title, 'caption'));
  const t = el(doc, 'table');
  t.setAttribute('aria-label', table.title);
  const numeric = table.columns.map((c) => NUMERIC.has(c.kind));
  const headRow = el(doc, 'tr');
  table.columns.forEach((c, i) => {
    const th = el(doc, 'th', c.label, numeric[i] ? 'num' : undefined);
    th.scope = 'col';
    headRow.append(th);
  });
  t.append(el(doc, 'thead'));
  t.tHead!.append(headRow);
  const body = el(doc, 'tbody');
  for (const row of table.rows) {
    const tr = el(doc, 'tr');
    row.forEach((cell, i) =>
      tr.append(
        el(
          doc,
          'td',
          displayCell(cell, locale),
          NUMERIC.has(cell.t) || numeric[i] ? 'num' : cell.t === 'date' ? 'date' : undefined,
        ),
      ),
    );
    body.append(tr);
  }
  t.append(body);
  if (table.totals) {
    const foot = el(doc, 'tfoot');
    const tr = el(doc, 'tr');
    table.totals.forEach((total, i) => {
      const label = i === 0 ? tx('total', locale) : '';
      tr.append(
        el(doc, 'td', total ? displayCell({ t: 'money', v: total }, locale) : label, numeric[i] ? 'num' : undefined),
      );
    });
    foot.append(tr);
    t.append(foot);
  }
  out.append(t);
  return out;
}

/** One box per party: name and role over the lines to fill in; a box never breaks over two pages. */
function renderSignatures(doc: Document, block: Extract<Block, { kind: 'signatures' }>): Node {
  const out = el(doc, 'div', undefined, 'signatures');
  for (const party of block.parties) {
    const t = el(doc, 'table', undefined, 'signature');
    const cap = el(doc, 'caption', `${party.name} (${party.role})`);
    t.append(cap);
    const body = el(doc, 'tbody');
    for (const label of block.fields) {
      const tr = el(doc, 'tr');
      const th = el(doc, 'th', label);
      th.scope = 'row';
      tr.append(th, el(doc, 'td', ''));
      body.append(tr);
    }
    t.append(body);
    out.append(t);
  }
  return out;
}

function renderBlock(doc: Document, block: Block, locale: AnnexDoc['locale']): Node {
  switch (block.kind) {
    case 'signatures':
      return renderSignatures(doc, block);
    case 'heading':
      return el(doc, block.level === 1 ? 'h1' : block.level === 2 ? 'h2' : 'h3', block.text);
    case 'paragraph':
      return el(doc, 'p', block.text, block.strong ? 'strong' : undefined);
    case 'table': {
      // A table wider than the page is printed in parts, each naming its part (no column cut off).
      const parts = splitWideTable(block.table, MAX_COLUMNS, (n, of) =>
        tx('tablePart', locale, { title: block.table.title, n, of }),
      );
      if (parts.length === 1) return renderTable(doc, block.table, locale, block.caption);
      const out = doc.createDocumentFragment();
      for (const part of parts) out.append(renderTable(doc, part, locale, true));
      return out;
    }
  }
}

/** One annex as an <article>: its title, meta lines, blocks and closing footer line. */
function renderArticle(doc: Document, annex: AnnexDoc): HTMLElement {
  const mark = tx('draftMark', annex.locale);
  const article = el(doc, 'article', undefined, 'annex');
  article.append(el(doc, 'h1', annex.draft ? `${mark}: ${annex.title}` : annex.title));
  annex.meta.forEach((line, i) =>
    article.append(el(doc, 'p', line, i === annex.meta.length - 1 ? 'meta fingerprint' : 'meta')),
  );
  for (const block of annex.blocks) article.append(renderBlock(doc, block, annex.locale));
  article.append(el(doc, 'div', `${annex.draft ? `${mark} · ` : ''}${annex.footer}`, 'page-footer'));
  return article;
}

/**
 * Fills `doc` (an empty document, e.g. an iframe's) with the printable annex, or with several
 * (every funder's), each starting on a new page. `footer` is the running page footer (default:
 * the first annex's).
 */
export function renderPrintableAnnex(annex: AnnexDoc | readonly AnnexDoc[], doc: Document, footer?: string): void {
  const annexes = Array.isArray(annex) ? (annex as readonly AnnexDoc[]) : [annex as AnnexDoc];
  const first = annexes[0];
  if (!first) return;
  const draft = annexes.some((a) => a.draft);
  doc.documentElement.lang = first.locale;
  doc.title = annexes.length === 1 ? first.title : (footer ?? first.title);
  const mark = tx('draftMark', first.locale);
  const style = el(doc, 'style', `${PRINT_CSS}\n${pageMarginCss(footer ?? first.footer, draft ? mark : null)}`);
  doc.head.replaceChildren(style);
  const meta = doc.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  doc.head.prepend(meta);

  const body = doc.body;
  body.replaceChildren();
  if (draft) {
    body.append(el(doc, 'div', mark, 'draft-mark'), el(doc, 'div', mark, 'draft-watermark'));
    body.lastElementChild!.setAttribute('aria-hidden', 'true');
  }
  for (const a of annexes) body.append(renderArticle(doc, a));
}
