import type { z } from '../model/zod.ts';
import { Plan } from '../model/plan.ts';
import { Id, Percent } from '../model/primitives.ts';
import type { PlanOp } from '../model/ops.ts';
import type { StateProblem } from './state.ts';
import { COLLECTIONS, ROW_SCHEMAS, SCALAR_FIELDS } from './layout.ts';

/*
 * A local op is checked before it reaches the doc: a bad value written there would travel to every
 * tab and peer. Returns a short, language-neutral reason, or null when the op is fine.
 */

const planShape = Plan.shape as unknown as Record<string, z.ZodMiniType>;
const fields = new Set<string>(SCALAR_FIELDS);

const fails = (schema: z.ZodMiniType, v: unknown) => !schema.safeParse(v).success;

export function opProblem(o: PlanOp, rowExists: (collection: string, id: string) => boolean): string | null {
  if (typeof o !== 'object' || o === null) return 'op';
  if ('collection' in o && !(COLLECTIONS as readonly string[]).includes(o.collection))
    return `collection ${String(o.collection)}`;
  switch (o.op) {
    case 'set-field':
      if (!fields.has(o.field) || (o.field as string) === 'formatVersion' || (o.field as string) === 'id')
        return `field ${String(o.field)}`;
      return fails(planShape[o.field]!, o.value) ? `${o.field}` : null;
    case 'insert-row':
      if (o.index !== undefined && !Number.isInteger(o.index)) return 'index';
      return fails(ROW_SCHEMAS[o.collection], o.row) ? `${o.collection} row` : null;
    case 'update-row': {
      if (typeof o.patch !== 'object' || o.patch === null) return 'patch';
      const shape = ROW_SCHEMAS[o.collection].shape as Record<string, z.ZodMiniType>;
      for (const [k, v] of Object.entries(o.patch)) {
        if (v === undefined) continue;
        if (!Object.hasOwn(shape, k) || fails(shape[k]!, v)) return `${o.collection}.${k}`;
        if (k === 'id' && v !== o.id && rowExists(o.collection, v as string)) return `${o.collection}.id ${String(v)}`;
      }
      return null;
    }
    case 'remove-row':
      return typeof o.id === 'string' ? null : 'id';
    case 'move-row':
      return typeof o.id === 'string' && Number.isInteger(o.index) ? null : 'move';
    case 'set-split':
      if (typeof o.rowId !== 'string' || fails(Id, o.domainId)) return 'split domain';
      if (o.sectorId !== null && fails(Id, o.sectorId)) return 'split sector';
      if (o.percent !== null && fails(Percent, o.percent)) return 'split percent';
      return null;
    default:
      return `op ${String((o as { op?: unknown }).op)}`;
  }
}

/** The plan section an op belongs to, for the problem that refuses it. */
export function opSection(o: PlanOp): StateProblem['section'] {
  if (typeof o === 'object' && o !== null && 'collection' in o && typeof o.collection === 'string')
    return o.collection as StateProblem['section'];
  return o?.op === 'set-split' ? 'split' : 'plan';
}
