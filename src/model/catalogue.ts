import { z } from './zod.ts';
import { Id, text } from './primitives.ts';

/** Legal financing regimes. `other` covers user-defined domains (forensic care, education, …). */
export const DomainKind = z.enum(['zvw', 'wmo', 'jw', 'wlz', 'wpg', 'other']);
export type DomainKind = z.infer<typeof DomainKind>;

/** Sector kinds the rules know about; user-added sectors are `other`. */
export const SectorKind = z.enum([
  'gp',
  'district-nursing',
  'mental-health',
  'hospital',
  'paramedical',
  'pharmacy',
  'other',
]);
export type SectorKind = z.infer<typeof SectorKind>;

export const Sector = z.strictObject({
  id: Id,
  name: text(120),
  kind: SectorKind,
});
export type Sector = z.infer<typeof Sector>;

export const Domain = z.strictObject({
  id: Id,
  name: text(120),
  kind: DomainKind,
  sectors: z.array(Sector).check(z.maxLength(40)),
});
export type Domain = z.infer<typeof Domain>;

/** The Dutch default catalogue (handbook §3–4). Users may add domains and sectors. */
export function defaultDomains(): Domain[] {
  return [
    {
      id: 'zvw',
      name: 'Zvw',
      kind: 'zvw',
      sectors: [
        { id: 'zvw-ha', name: 'Huisartsenzorg', kind: 'gp' },
        { id: 'zvw-vv', name: 'Wijkverpleging (V&V)', kind: 'district-nursing' },
        { id: 'zvw-ggz', name: 'GGZ', kind: 'mental-health' },
        { id: 'zvw-msz', name: 'Medisch-specialistische zorg', kind: 'hospital' },
        { id: 'zvw-para', name: 'Paramedische zorg', kind: 'paramedical' },
      ],
    },
    { id: 'wmo', name: 'Wmo 2015', kind: 'wmo', sectors: [] },
    { id: 'jw', name: 'Jeugdwet', kind: 'jw', sectors: [] },
    { id: 'wlz', name: 'Wlz', kind: 'wlz', sectors: [] },
    { id: 'wpg', name: 'Wpg', kind: 'wpg', sectors: [] },
    { id: 'overig', name: 'Overig', kind: 'other', sectors: [] },
  ];
}
