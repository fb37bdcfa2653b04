import { expect } from 'chai';
import type * as ExcelJSTypes from 'exceljs';
import { exportScenario, type CommentExport } from '../../src/export/index.ts';
import { tx } from '../../src/i18n/export.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { HOSTILE, handbookPlan } from './fixtures.ts';
import { findRow, readWorkbook } from './read.ts';

const DATE = new Date('2026-11-23T10:00:00Z');
const plan = handbookPlan();
const activity = plan.activities[0]!;
const domain = plan.domains.find((d) => plan.defaultSplit.domains.some((s) => s.domainId === d.id))!;

const threads: CommentExport[] = [
  {
    anchor: { section: 'activities', rowId: activity.id, column: 'cost.amount' },
    resolved: false,
    orphaned: false,
    messages: [
      { id: 'm1', author: 'Anna (gemeente)', at: '2026-11-20T09:15:00.000Z', text: 'Klopt dit bedrag?' },
      { id: 'm2', author: HOSTILE.at, at: '2026-11-20T10:00:00.000Z', text: HOSTILE.cmd },
    ],
  },
  {
    anchor: { section: 'split', rowId: 'default', column: `d:${domain.id}` },
    resolved: true,
    orphaned: false,
    messages: [
      { id: 'm3', author: 'Bram', at: '2026-11-21T08:00:00.000Z', text: `${HOSTILE.minus} ${HOSTILE.markup}` },
    ],
  },
  {
    anchor: { section: 'activities', rowId: 'gone', column: 'name' },
    resolved: false,
    orphaned: true,
    messages: [{ id: 'm4', author: '', at: '2026-11-22T08:00:00.000Z', text: HOSTILE.plus }],
  },
];

async function workbook(locale: Locale, comments?: readonly CommentExport[]) {
  const file = await exportScenario('xlsx', { plan, scenarioName: 'Scenario B', locale, date: DATE, comments });
  return readWorkbook(file.blob);
}

/** The sheet's table rows below its header, as text. */
function rowsOf(ws: ExcelJSTypes.Worksheet, title: string): string[][] {
  const head = findRow(ws, title) + 1;
  const out: string[][] = [];
  for (let r = head + 1; r <= ws.rowCount && ws.getCell(r, 1).text !== ''; r++)
    out.push([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(r, c).text));
  return out;
}

describe('workbook comments sheet', () => {
  it('is left out unless asked for', async () => {
    const wb = await workbook('nl');
    expect(wb.getWorksheet(tx('sheetComments', 'nl'))).to.equal(undefined);
  });

  for (const locale of ['nl', 'en'] as const) {
    it(`lists each thread with what it is about, its status, and each message with author and time (${locale})`, async () => {
      const wb = await workbook(locale, threads);
      const ws = wb.getWorksheet(tx('sheetComments', locale))!;
      expect(ws, 'the comments sheet').to.not.equal(undefined);
      const rows = rowsOf(ws, tx('secComments', locale));
      expect(rows).to.have.length(4);
      const [first, second, third, fourth] = rows as [string[], string[], string[], string[]];
      expect(first[0]).to.equal('1');
      expect(first[1]).to.contain(activity.name);
      expect(first[1]).to.match(locale === 'nl' ? /Activiteiten.*Bedrag/ : /Activities.*Amount/);
      expect(first[2]).to.equal(tx('commentOpen', locale));
      expect(first.slice(3)).to.deep.equal(['Anna (gemeente)', '2026-11-20 09:15', 'Klopt dit bedrag?']);
      expect(second[0]).to.equal('1');
      expect(second[4]).to.equal('2026-11-20 10:00');
      expect(third[0]).to.equal('2');
      expect(third[1]).to.contain(domain.name);
      expect(third[2]).to.equal(tx('commentResolved', locale));
      expect(fourth[2]).to.contain(tx('commentOrphaned', locale));
      expect(fourth[3]).to.equal(tx('commentAnonymous', locale));
    });
  }

  it('never lets a comment start a formula, and keeps markup as text', async () => {
    const wb = await workbook('nl', threads);
    const ws = wb.getWorksheet(tx('sheetComments', 'nl'))!;
    const texts: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, cell.address).to.not.equal(6 /* Formula */);
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    );
    for (const v of texts) expect(v, v).to.not.match(/^[=+\-@]/);
    // The text is all there, behind the apostrophe a spreadsheet shows as plain text.
    expect(texts).to.include(`'${HOSTILE.cmd}`);
    expect(texts).to.include(`'${HOSTILE.at}`);
    expect(texts).to.include(`'${HOSTILE.plus}`);
    expect(texts).to.include(`'${HOSTILE.minus} ${HOSTILE.markup}`);
  });

  it('says so when there are no comments', async () => {
    const wb = await workbook('en', []);
    const ws = wb.getWorksheet(tx('sheetComments', 'en'))!;
    expect(ws.getCell(5, 1).text).to.equal(tx('noComments', 'en'));
  });
});

describe('<rp-export-menu> comments sheet', () => {
  it('offers the comments sheet for the workbook when there are comments, and writes it when ticked', async () => {
    await import('../../components/export-menu/export-menu.ts');
    const el = document.createElement('rp-export-menu');
    el.plan = plan;
    el.scenarioName = 'Scenario B';
    el.comments = threads;
    document.body.append(el);
    try {
      await el.updateComplete;
      const $ = <T extends Element>(sel: string) => el.shadowRoot!.querySelector<T>(sel);
      expect($('#comments'), 'not for an annex').to.equal(null);
      const select = $<HTMLSelectElement>('#format')!;
      select.value = 'xlsx';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const box = $<HTMLInputElement>('#comments')!;
      expect(box.closest('label')!.textContent).to.contain('Opmerkingen als extra werkblad');
      const exported = (ticked: boolean) =>
        new Promise<Blob>((resolve) => {
          el.addEventListener('rp-export', (e) => resolve((e as CustomEvent<{ blob: Blob }>).detail.blob), {
            once: true,
          });
          if (box.checked !== ticked) box.click();
          $<HTMLButtonElement>('#download')!.click();
        });
      const without = await readWorkbook(await exported(false));
      expect(without.getWorksheet('Opmerkingen')).to.equal(undefined);
      await el.updateComplete;
      const withSheet = await readWorkbook(await exported(true));
      expect(withSheet.getWorksheet('Opmerkingen')).to.not.equal(undefined);
    } finally {
      el.remove();
    }
  });
});
