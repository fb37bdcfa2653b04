import { execFileSync } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/*
 * LibreOffice headless, the way the office test needs it: a throw-away user profile (so parallel
 * runs and a person's own LibreOffice never interfere) in which Excel files are always
 * recalculated on load, so a converted total is LibreOffice's own SUM, not our cached result.
 */

/** The soffice binary, or a clear failure: CI installs libreoffice-calc and libreoffice-writer. */
export function findSoffice(): string {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of dirs) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        /* not here */
      }
    }
  }
  throw new Error(
    'LibreOffice (soffice) is not installed. The office check needs the Debian packages ' +
      'libreoffice-calc and libreoffice-writer (npm test installs them; or: apt-get install -y ' +
      'libreoffice-calc libreoffice-writer).',
  );
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export class Office {
  readonly dir: string;
  private readonly profile: string;
  private readonly bin: string;

  constructor() {
    this.bin = findSoffice();
    this.dir = mkdtempSync(join(tmpdir(), 'rp-office-'));
    this.profile = join(this.dir, 'profile');
    mkdirSync(join(this.profile, 'user'), { recursive: true });
    writeFileSync(join(this.profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  }

  /** Writes the bytes to a file in the work folder and returns its path. */
  write(name: string, bytes: Uint8Array): string {
    const path = join(this.dir, name);
    writeFileSync(path, bytes);
    return path;
  }

  /** One LibreOffice start for all inputs: each start costs seconds, so conversions are batched. */
  private convert(inputs: readonly string[], filter: string, outDir: string): void {
    mkdirSync(outDir, { recursive: true });
    execFileSync(
      this.bin,
      [
        '--headless',
        '--norestore',
        '--nologo',
        `-env:UserInstallation=${pathToFileURL(this.profile).href}`,
        '--convert-to',
        filter,
        '--outdir',
        outDir,
        ...inputs,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
  }

  /**
   * Every sheet of each workbook as CSV (comma, UTF-8, values as stored rather than as shown):
   * per input path, a map from sheet name to CSV text. LibreOffice names the files `<file>-<sheet>.csv`.
   */
  workbooksToCsv(paths: readonly string[]): Map<string, Map<string, string>> {
    const out = join(this.dir, 'csv');
    this.convert(paths, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', out);
    const files = readdirSync(out);
    return new Map(
      paths.map((path) => {
        const stem = basename(path, extname(path));
        const sheets = new Map<string, string>();
        for (const f of files) {
          if (f.startsWith(`${stem}-`) && f.endsWith('.csv'))
            sheets.set(f.slice(stem.length + 1, -4), readFileSync(join(out, f), 'utf8'));
        }
        return [path, sheets];
      }),
    );
  }

  /**
   * CSV files opened as a spreadsheet with the given field separator (formulas evaluated, as a
   * person's office suite does), saved as flat ODS XML: per input path, the XML text. The
   * separator brings its language: `;` a Dutch spreadsheet (decimal comma), `,` an English one.
   */
  csvToFods(paths: readonly string[], separator: ',' | ';'): Map<string, string> {
    const out = join(this.dir, `fods-${separator === ',' ? 'comma' : 'semicolon'}`);
    mkdirSync(out, { recursive: true });
    execFileSync(
      this.bin,
      [
        '--headless',
        '--norestore',
        '--nologo',
        `-env:UserInstallation=${pathToFileURL(this.profile).href}`,
        `--infilter=CSV:${separator.charCodeAt(0)},34,76,1,,${separator === ';' ? 1043 : 1033},false,true,false,false,false,-1,true`,
        '--convert-to',
        'fods',
        '--outdir',
        out,
        ...paths,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    return new Map(paths.map((p) => [p, readFileSync(join(out, `${basename(p, extname(p))}.fods`), 'utf8')]));
  }

  /** Text documents as plain UTF-8 text, per input path. */
  documentsToText(paths: readonly string[]): Map<string, string> {
    const out = join(this.dir, 'txt');
    this.convert(paths, 'txt:Text (encoded):UTF8', out);
    return new Map(
      paths.map((p) => [p, readFileSync(join(out, `${basename(p, extname(p))}.txt`), 'utf8').replace(/^\uFEFF/, '')]),
    );
  }

  /** A document as PDF bytes. */
  documentToPdf(path: string): Buffer {
    const out = join(this.dir, 'pdf');
    this.convert([path], 'pdf', out);
    return readFileSync(join(out, `${basename(path, extname(path))}.pdf`));
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
