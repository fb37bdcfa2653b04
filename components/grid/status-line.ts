import type { Locale, Msg } from '../../src/i18n/locale.ts';
import { gt } from '../../src/i18n/grid.ts';
import { cellKey } from './cell-painter.ts';
import { noteText, refusalText } from './edit-handler.ts';
import type { MarkMap } from './marks.ts';
import type { EditOutcome, GridColumn, GridRow } from './grid-types.ts';

/**
 * The line below the grid: a refusal (stays until the next accepted edit), a note on how input
 * was read or what an action changed (stays a while: moving to the next cell must not hide it),
 * or the findings of the selected cell.
 */
export interface GridStatus {
  text: string;
  refused: boolean;
  note?: boolean;
}

export interface StatusSink {
  status(): GridStatus | null;
  setStatus(status: GridStatus | null): void;
}

/** What the line reads about the grid. */
export interface StatusSource {
  readonly rows: readonly GridRow[];
  readonly columns: readonly GridColumn[];
  readonly refused: ReadonlyMap<string, Msg>;
  readonly marks: MarkMap;
  readonly locale: Locale;
}

/** How long a note stays when nothing else is said. */
const NOTE_MS = 8000;

export class StatusLine {
  constructor(
    private readonly sink: StatusSink,
    private readonly grid: StatusSource,
  ) {}

  /** A refusal or a note is showing: a cell's findings wait. */
  get sticky(): boolean {
    const s = this.sink.status();
    return !!s && (s.refused || !!s.note);
  }

  set(status: GridStatus | null): void {
    this.sink.setStatus(status);
  }

  get text(): string | null {
    return this.sink.status()?.text ?? null;
  }

  /** After an edit: what was refused, else how ambiguous input was read, else nothing left over. */
  afterEdit(outcome: EditOutcome, locale: Locale): void {
    const refusal = refusalText(outcome, locale);
    const note = noteText(outcome, locale);
    if (refusal) this.set({ text: refusal, refused: true });
    else if (note) this.note(note);
    else if (this.sticky) this.set(null);
  }

  note(text: string): void {
    this.set({ text, refused: false, note: true });
    setTimeout(() => {
      const now = this.sink.status();
      if (now?.note && now.text === text) this.set(null);
    }, NOTE_MS);
  }

  /** The selected cell's refusal or findings; a note stays its while. */
  showCell(row: number, col: number): void {
    const r = this.grid.rows[row];
    const column = this.grid.columns[col];
    if (!r || !column) return;
    const l = this.grid.locale;
    const refused = this.grid.refused.get(cellKey(r.id, column.key));
    if (refused) return this.set({ text: `${r.name}, ${column.header}: ${refused[l]}`, refused: true });
    const status = this.sink.status();
    if (status?.note) return;
    const findings = this.grid.marks.get(r.id)?.get(column.key);
    if (findings && findings.length > 0) {
      this.set({ text: findings.map((f) => `${gt(f.severity, l)}: ${f.message[l]}`).join(' '), refused: false });
    } else if (status && !status.refused) {
      // A refused-input message stays until the next accepted edit, so moving on does not hide it.
      this.set(null);
    }
  }
}
