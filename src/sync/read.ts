import * as Y from 'yjs';
import type { z } from '../model/zod.ts';
import { FORMAT_VERSION, Plan } from '../model/plan.ts';
import { isOlderPlanVersion, V2_PLAN_DEFAULTS } from '../model/upgrade.ts';
import type { Collection } from '../model/ops.ts';
import { ROW_SCHEMAS, type Roots } from './layout.ts';
import { cellsToSplit, defaultCells, readActivitySplit } from './split-cells.ts';
import { fromY } from './values.ts';
import { isPlanText, isRowText, type IsText } from './text.ts';

/*
 * Plain values read from the doc, not yet checked: whatever a peer wrote comes through here and
 * is judged by guard.ts before it reaches a snapshot. Objects stored as Y.Maps come back with
 * their keys in schema order: a map's own key order depends on the order updates arrived, and
 * every peer must build the same JSON.
 */

type Def = {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  options?: z.ZodMiniType[];
};
const defOf = (schema: z.ZodMiniType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The key orders an object value of this schema can have (one per union option). */
function keyOrders(schema: z.ZodMiniType): string[][] {
  const def = defOf(schema);
  if (def.type === 'object' && def.shape) return [Object.keys(def.shape)];
  if ((def.type === 'nullable' || def.type === 'optional') && def.innerType) return keyOrders(def.innerType);
  if (def.type === 'union' && def.options) return def.options.flatMap(keyOrders);
  return [];
}

const ordersCache = new Map<z.ZodMiniType, string[][]>();
const ordersOf = (schema: z.ZodMiniType) => {
  let o = ordersCache.get(schema);
  if (!o) ordersCache.set(schema, (o = keyOrders(schema)));
  return o;
};

function inOrder(value: unknown, schema: z.ZodMiniType | undefined): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  const orders = schema ? ordersOf(schema) : [];
  const order = orders.find((o) => o.length === keys.length && keys.every((k) => o.includes(k))) ?? [...keys].sort();
  const out: Record<string, unknown> = {};
  for (const k of order) out[k] = obj[k];
  return out;
}

/** A stored value at `path`; a Y.Text reads as text only where `isText` says text belongs (text.ts). */
const read = (v: unknown, schema: z.ZodMiniType | undefined, isText: IsText, path: string) =>
  v instanceof Y.Map ? inOrder(fromY(v, isText, path), schema) : fromY(v, isText, path);

/** A row's candidate object, fields in schema order; only the schema's keys are read. */
export function readRow(c: Collection, id: string, row: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const shape = ROW_SCHEMAS[c].shape as Record<string, z.ZodMiniType>;
  const isText = isRowText(c);
  for (const key of Object.keys(shape)) {
    if (key === 'id') out.id = id;
    else if (c === 'activities' && key === 'split') out.split = readActivitySplit(row);
    else {
      // An optional field left out stays left out (the plain plan has no such key either).
      const value = read(row.get(key), shape[key], isText, key);
      if (value !== undefined || row.has(key)) out[key] = value;
    }
  }
  return out;
}

const planShape = Plan.shape as unknown as Record<string, z.ZodMiniType>;

/** A plan field; a document written by an older plan format reads as the current one (model/upgrade.ts). */
export const readPlanField = (r: Roots, field: string): unknown => {
  const value = read(r.plan.get(field), planShape[field], isPlanText, field);
  if (field === 'formatVersion' && isOlderPlanVersion(value)) return FORMAT_VERSION;
  if (value === undefined && Object.hasOwn(V2_PLAN_DEFAULTS, field))
    return structuredClone(V2_PLAN_DEFAULTS[field as keyof typeof V2_PLAN_DEFAULTS]);
  return value;
};

export const readDefaultSplit = (r: Roots) => cellsToSplit(defaultCells(r.defaultSplit));
