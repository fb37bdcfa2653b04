import { nt } from '../i18n/negotiation-panels.ts';
import type { Signoff, SignoffRound } from '../model/negotiation.ts';
import { signoffStatus, exportsAsConcept, type SignoffStatus } from '../negotiation/signoff-status.ts';
import type { Block } from './annex.ts';
import type { ExportContext } from './context.ts';
import { text, type Table } from './table.ts';

/*
 * The annex's statement of the parties' sign-offs: for every party asked (every funder; the lead
 * or every provider, per execution model), its latest sign-off with name, role, time and the
 * fingerprint of the version it applies to, and whether that is the version this annex describes.
 */

/** The scenario's sign-off record, as an export receives it. */
export interface SignoffExport {
  round: SignoffRound | null;
  signoffs: readonly Signoff[];
}

export function exportSignoffStatus(ctx: Pick<ExportContext, 'plan' | 'fingerprint'>, s: SignoffExport): SignoffStatus {
  return signoffStatus(ctx.plan, ctx.fingerprint, s.round, s.signoffs);
}

/** Whether this export is to be marked concept: put up for sign-off and not signed by every party on this version. */
export const signoffsMakeConcept = (
  ctx: Pick<ExportContext, 'plan' | 'fingerprint'>,
  s: SignoffExport | undefined,
): boolean => !!s && exportsAsConcept(exportSignoffStatus(ctx, s));

/** The sign-off section, or nothing when the scenario was never put up for sign-off. */
export function signoffBlocks(ctx: ExportContext): Block[] {
  const s = ctx.signoffs;
  if (!s || (s.round === null && s.signoffs.length === 0)) return [];
  const l = ctx.locale;
  const status = exportSignoffStatus(ctx, s);
  const signer = (x: Signoff) => (x.role ? `${x.name} (${x.role})` : x.name);
  const source = (x: Signoff) => nt(l, x.source === 'server' ? 'annex.sourceServer' : 'annex.sourceLocal');
  const table: Table = {
    id: 'signoffs',
    title: nt(l, 'annex.title'),
    columns: [
      { label: nt(l, 'annex.colParty'), kind: 'text' },
      { label: nt(l, 'annex.colSigner'), kind: 'text' },
      { label: nt(l, 'annex.colAt'), kind: 'text' },
      { label: nt(l, 'annex.colFingerprint'), kind: 'text' },
      { label: nt(l, 'annex.colState'), kind: 'text' },
    ],
    rows: status.parties.map((p) => {
      const party = `${p.name} (${nt(l, `signoff.role.${p.role}`)})`;
      const x = p.latest;
      if (!x) return [text(party), text(''), text(''), text(''), text(nt(l, 'annex.missing'))];
      return [
        text(party),
        text(`${signer(x)}, ${source(x)}`),
        text(x.at.slice(0, 16).replace('T', ' ')),
        text(x.fingerprint),
        text(nt(l, p.state === 'valid' ? 'annex.yes' : 'annex.noOutdated')),
      ];
    }),
  };
  const local = status.parties.some((p) => p.latest?.source === 'local');
  return [
    { kind: 'heading', level: 2, text: table.title },
    { kind: 'paragraph', text: nt(l, 'annex.intro', { fingerprint: ctx.fingerprint }) },
    { kind: 'table', table, caption: false },
    ...(local ? [{ kind: 'paragraph' as const, text: nt(l, 'annex.local') }] : []),
    ...(status.complete ? [] : [{ kind: 'paragraph' as const, text: nt(l, 'annex.concept'), strong: true }]),
  ];
}
