import JSZip from 'jszip';
import type * as ExcelJSTypes from 'exceljs';

/* Reading generated files back, as a person's office suite would. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ENTITIES[name]!,
  );

/** The visible text of a WordprocessingML part: one line per paragraph, runs joined. */
export function wordText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((para) => [...para.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join(''))
    .join('\n');
}

export interface DocxParts {
  document: string;
  headers: string[];
  footers: string[];
}

/** The .docx unzipped: document.xml text, and the text of every header and footer part. */
export async function readDocx(blob: Blob): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(await blob.arrayBuffer());
  const part = async (name: string) => wordText(await zip.file(name)!.async('string'));
  const names = Object.keys(zip.files);
  return {
    document: await part('word/document.xml'),
    headers: await Promise.all(names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map(part)),
    footers: await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(part)),
  };
}

/** RFC 4180 CSV with the given separator (CRLF or LF line ends); a leading byte order mark is dropped. */
export function parseCsv(text: string, sep: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && src[i + 1] === '\n')) {
      // CRLF (ours, RFC 4180) or LF (LibreOffice's own CSV)
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r') i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

type ExcelJS = typeof ExcelJSTypes;

export async function readWorkbook(blob: Blob): Promise<ExcelJSTypes.Workbook> {
  const mod = (await import('exceljs')) as ExcelJS & { default?: ExcelJS };
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await blob.arrayBuffer());
  return wb;
}

/** Row number of the first cell in column A whose text equals `title` (a table's title row). */
export function findRow(ws: ExcelJSTypes.Worksheet, title: string, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++) if (ws.getCell(r, 1).text === title) return r;
  throw new Error(`"${title}" not found in sheet ${ws.name}`);
}
