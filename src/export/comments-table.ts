import { t, type UiKey } from '../i18n/index.ts';
import { tx } from '../i18n/export.ts';
import { fieldLabel } from '../compare/labels.ts';
import { DEFAULT_SPLIT_ROW } from '../model/ops.ts';
import type { CommentAnchor } from '../model/negotiation.ts';
import type { CommentThread } from '../negotiation/comments.ts';
import { placeOf } from '../negotiation/anchor.ts';
import { startsFormula } from './neutralise.ts';
import type { ExportContext } from './context.ts';
import { text, type Cell, type Table } from './table.ts';

/*
 * The workbook's comments sheet: every thread with what it is about in words, its status, and each
 * message with its author and time. Comments are anyone's text in a workshop: a cell never starts
 * a formula (a leading =, +, -, @ gets an apostrophe, as the CSV's neutralise does).
 */

/** What an export needs of a thread (src/negotiation's CommentThread). */
export type CommentExport = Pick<CommentThread, 'anchor' | 'resolved' | 'orphaned' | 'messages'>;

/** A text cell that a spreadsheet never reads as a formula, also once someone edits it. */
const plain = (v: string): Cell => text(startsFormula(v) ? `'${v}` : v);

/** "Activiteiten · Huisartsenzorg · Bedrag": where a thread points, in words. */
export function anchorWords(anchor: CommentAnchor, ctx: ExportContext): string {
  const l = ctx.locale;
  if (anchor.section === 'plan' && !anchor.column && !anchor.finding) return tx('commentPlan', l);
  const place = placeOf(anchor);
  const parts = [t(l, `section.${place.section}` as UiKey)];
  if (place.rowId === DEFAULT_SPLIT_ROW) parts.push(t(l, 'section.defaultSplit'));
  else if (place.rowId) parts.push(rowName(ctx, place.section, place.rowId));
  if (place.domainId) {
    const sector = place.sectorId ? ctx.names.sector(place.domainId, place.sectorId) : '';
    parts.push([ctx.names.domain(place.domainId), sector].filter(Boolean).join(' / '));
  }
  if (place.field) parts.push(fieldLabel(place.field)[l]);
  if (anchor.finding) parts.push(tx('commentFinding', l, { code: anchor.finding }));
  return parts.join(' · ');
}

function rowName(ctx: ExportContext, section: CommentAnchor['section'], id: string): string {
  const p = ctx.plan;
  const rows: readonly { id: string; name: string }[] =
    section === 'activities' || section === 'split'
      ? p.activities
      : section === 'targetGroups'
        ? p.targetGroups
        : section === 'providers'
          ? p.providers
          : section === 'funders'
            ? p.funders
            : section === 'domains'
              ? p.domains
              : [];
  return rows.find((r) => r.id === id)?.name || id;
}

/** "2026-12-04 21:30": a message's time in UTC, as text. */
const timeText = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

/** One row per message, threads in order; the thread's number, anchor and status on each row. */
export function commentsTable(ctx: ExportContext, threads: readonly CommentExport[]): Table {
  const l = ctx.locale;
  const rows: Cell[][] = [];
  threads.forEach((th, i) => {
    const status = [
      tx(th.resolved ? 'commentResolved' : 'commentOpen', l),
      ...(th.orphaned ? [tx('commentOrphaned', l)] : []),
    ];
    const about = anchorWords(th.anchor, ctx);
    for (const m of th.messages) {
      rows.push([
        text(String(i + 1)),
        plain(about),
        text(status.join(', ')),
        plain(m.author.trim() || tx('commentAnonymous', l)),
        text(timeText(m.at)),
        plain(m.text),
      ]);
    }
  });
  return {
    id: 'comments',
    title: tx('secComments', l),
    columns: [
      { label: tx('colThread', l), kind: 'text' },
      { label: tx('colAbout', l), kind: 'text' },
      { label: tx('colStatus', l), kind: 'text' },
      { label: tx('colAuthor', l), kind: 'text' },
      { label: tx('colTime', l), kind: 'text' },
      { label: tx('colComment', l), kind: 'text' },
    ],
    rows,
  };
}
