import type * as DocxTypes from 'docx';
import { tx } from '../i18n/export.ts';
import type { AnnexDoc, Block } from './annex.ts';
import { displayCell } from './format.ts';
import type { Table } from './table.ts';

/*
 * Renders an annex to .docx with `docx`. A draft gets "CONCEPT"/"DRAFT" in the header of every
 * page; every page's footer carries plan, scenario, fingerprint and page number.
 */

type Docx = typeof DocxTypes;

/** docx is loaded only when someone exports (it is large). */
async function loadDocx(): Promise<Docx> {
  const mod = (await import('docx')) as Docx & { default?: Docx };
  return mod.Document ? mod : mod.default!;
}

const DRAFT_COLOUR = 'C00000';

function renderTable(d: Docx, table: Table, locale: AnnexDoc['locale']): DocxTypes.Table {
  const right = (i: number) => {
    const kind = table.columns[i]?.kind;
    return kind === 'money' || kind === 'percent' || kind === 'count';
  };
  const cell = (textValue: string, i: number, bold: boolean) =>
    new d.TableCell({
      children: textValue.split(/\r?\n/).map(
        (line) =>
          new d.Paragraph({
            alignment: right(i) ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
            children: [new d.TextRun({ text: line, bold, size: 18 })],
          }),
      ),
    });
  const rows = [
    new d.TableRow({ tableHeader: true, children: table.columns.map((c, i) => cell(c.label, i, true)) }),
    ...table.rows.map((r) => new d.TableRow({ children: r.map((c, i) => cell(displayCell(c, locale), i, false)) })),
  ];
  if (table.totals) {
    const totals = table.totals;
    rows.push(
      new d.TableRow({
        children: table.columns.map((_, i) => {
          const total = totals[i];
          const label = i === 0 ? tx('total', locale) : '';
          return cell(total ? displayCell({ t: 'money', v: total }, locale) : label, i, true);
        }),
      }),
    );
  }
  return new d.Table({ width: { size: 100, type: d.WidthType.PERCENTAGE }, rows });
}

/** Twips (1/1440 inch): room to write by hand, and more to sign. */
const FIELD_HEIGHT = 480;
const SIGNATURE_HEIGHT = 1000;

/**
 * One table per party: its name and role over the fields to fill in (name, function, date,
 * signature), kept on one page (rows never split, each row kept with the next).
 */
function renderSignatures(
  d: Docx,
  block: Extract<Block, { kind: 'signatures' }>,
): (DocxTypes.Paragraph | DocxTypes.Table)[] {
  const para = (text: string, bold: boolean, keepNext: boolean) =>
    new d.Paragraph({ keepNext, keepLines: true, children: [new d.TextRun({ text, bold, size: 20 })] });
  return block.parties.flatMap((party) => {
    const last = block.fields.length - 1;
    const rows = [
      new d.TableRow({
        cantSplit: true,
        children: [new d.TableCell({ columnSpan: 2, children: [para(`${party.name} (${party.role})`, true, true)] })],
      }),
      ...block.fields.map(
        (label, i) =>
          new d.TableRow({
            cantSplit: true,
            height: { value: i === last ? SIGNATURE_HEIGHT : FIELD_HEIGHT, rule: d.HeightRule.ATLEAST },
            children: [
              new d.TableCell({
                width: { size: 25, type: d.WidthType.PERCENTAGE },
                children: [para(label, false, i < last)],
              }),
              new d.TableCell({
                width: { size: 75, type: d.WidthType.PERCENTAGE },
                children: [para('', false, i < last)],
              }),
            ],
          }),
      ),
    ];
    return [
      new d.Table({ width: { size: 100, type: d.WidthType.PERCENTAGE }, rows }),
      new d.Paragraph({ children: [] }),
    ];
  });
}

function renderBlock(d: Docx, block: Block, locale: AnnexDoc['locale']): (DocxTypes.Paragraph | DocxTypes.Table)[] {
  switch (block.kind) {
    case 'signatures':
      return renderSignatures(d, block);
    case 'heading': {
      const level = { 1: d.HeadingLevel.HEADING_1, 2: d.HeadingLevel.HEADING_2, 3: d.HeadingLevel.HEADING_3 }[
        block.level
      ];
      return [new d.Paragraph({ heading: level, children: [new d.TextRun(block.text)] })];
    }
    case 'paragraph':
      return [new d.Paragraph({ children: [new d.TextRun({ text: block.text, bold: block.strong ?? false })] })];
    case 'table':
      return [
        ...(block.caption
          ? [
              new d.Paragraph({
                spacing: { before: 120 },
                children: [new d.TextRun({ text: block.table.title, bold: true })],
              }),
            ]
          : []),
        renderTable(d, block.table, locale),
        new d.Paragraph({ children: [] }),
      ];
  }
}

/** The annex as .docx bytes. Runs in browsers and in Node. */
export async function buildDocx(doc: AnnexDoc): Promise<Uint8Array> {
  const d = await loadDocx();
  const mark = tx('draftMark', doc.locale);
  const header = new d.Header({
    children: doc.draft
      ? [
          new d.Paragraph({
            alignment: d.AlignmentType.CENTER,
            children: [new d.TextRun({ text: mark, bold: true, size: 32, color: DRAFT_COLOUR })],
          }),
        ]
      : [],
  });
  const footer = new d.Footer({
    children: [
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        children: [
          new d.TextRun({ text: `${doc.draft ? `${mark} · ` : ''}${doc.footer} · `, size: 16 }),
          new d.TextRun({ children: [d.PageNumber.CURRENT, ' / ', d.PageNumber.TOTAL_PAGES], size: 16 }),
        ],
      }),
    ],
  });
  const title = `${doc.draft ? `${mark}: ` : ''}${doc.title}`;
  const document = new d.Document({
    creator: 'regioplan',
    title,
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        headers: { default: header, first: header },
        footers: { default: footer, first: footer },
        children: [
          new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: [new d.TextRun(title)] }),
          ...doc.meta.map((line) => new d.Paragraph({ children: [new d.TextRun({ text: line, size: 18 })] })),
          ...doc.blocks.flatMap((b) => renderBlock(d, b, doc.locale)),
        ],
      },
    ],
  });
  const buffer = await d.Packer.toArrayBuffer(document);
  return new Uint8Array(buffer);
}
