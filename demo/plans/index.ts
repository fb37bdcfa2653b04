import type { Msg } from '../../src/i18n/locale.ts';
import { Plan } from '../../src/model/plan.ts';

/*
 * The sample plans the demo offers. Each is plain JSON in the saved-plan format, parsed through the
 * same zod schema as any imported file, and valid under every validation rule (tested in
 * test/engine/validate-samples.test.ts). Loaded on demand so the page only fetches the one opened.
 * Together they show every execution model: the handbook example a main contractor, the dementia
 * network a cashier, fall prevention equal partners.
 */

export interface SamplePlan {
  id: string;
  title: Msg;
  description: Msg;
  load(): Promise<Plan>;
}

export const samplePlans: readonly SamplePlan[] = [
  {
    id: 'handbook',
    title: { nl: 'Voorbeeld uit de handleiding', en: 'Handbook example' },
    description: {
      nl: 'Lumpsum van € 250.000 per jaar: Wmo 10 %, Jeugdwet 20 %, Zvw 70 %; binnen de Zvw wijkverpleging 50 % en huisartsenzorg 50 %.',
      en: 'Lumpsum of €250,000 per year: Wmo 10%, Youth Act 20%, Zvw 70%; within the Zvw district nursing 50% and GP care 50%.',
    },
    load: async () => Plan.parse((await import('./handbook.json')).default),
  },
  {
    id: 'dementia-network',
    title: { nl: 'Dementienetwerk Lindeland', en: 'Dementia network Lindeland' },
    description: {
      nl: 'Veertien partners uit wijkverpleging, GGZ, ziekenhuis, huisartsen en welzijn; vier gemeenten en drie zorgverzekeraars; twaalf activiteiten, 2025–2026.',
      en: 'Fourteen partners from district nursing, mental health, hospital, GPs and welfare; four municipalities and three insurers; twelve activities, 2025–2026.',
    },
    load: async () => Plan.parse((await import('./dementia-network.json')).default),
  },
  {
    id: 'equal-partners',
    title: {
      nl: 'Valpreventie Rivierenland (gelijkwaardige partners)',
      en: 'Fall prevention Rivierenland (equal partners)',
    },
    description: {
      nl: 'Huisartsen, wijkverpleging, fysiotherapie en welzijn als gelijkwaardige partners: elke financier betaalt elke aanbieder zijn eigen deel; twee zorgverzekeraars dekken het hele verzorgingsgebied, 2026.',
      en: 'GPs, district nursing, physiotherapy and welfare as equal partners: each funder pays each provider its own part; two insurers cover the whole service area, 2026.',
    },
    load: async () => Plan.parse((await import('./equal-partners.json')).default),
  },
];

/** The sample plan with this id, or undefined. */
export const samplePlan = (id: string): SamplePlan | undefined => samplePlans.find((p) => p.id === id);
