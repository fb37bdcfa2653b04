import type { Plan } from '../model/plan.ts';
import type { ScenarioRecord } from './schema.ts';

/*
 * How the idb backend stores a scenario's seed plan: as JSON text (schema.ts, `seedJson`).
 * Writing the text and parsing it back cost about what a plain put and get of the plan cost;
 * storing the plan object in the indexed `scenarios` store cost twice as much.
 */

/** The record as stored: its seed plan as JSON text. */
export function toStored(record: ScenarioRecord): ScenarioRecord {
  if (record.seed === null) return record;
  const { seed, ...rest } = record;
  return { ...rest, seed: null, seedJson: JSON.stringify(seed) };
}

/** The record as the store uses it: its seed as a plan again (a v2 record has it so already). */
export function fromStored(record: ScenarioRecord): ScenarioRecord;
export function fromStored(record: ScenarioRecord | undefined): ScenarioRecord | undefined;
export function fromStored(record: ScenarioRecord | undefined): ScenarioRecord | undefined {
  if (!record || record.seedJson === undefined) return record;
  const { seedJson, ...rest } = record;
  return { ...rest, seed: JSON.parse(seedJson) as Plan };
}

/** The record without its seed in either form (the log holds the content from now on). */
export function withoutSeed(record: ScenarioRecord): ScenarioRecord {
  const { seedJson: _text, kept: _edits, ...rest } = record;
  return { ...rest, seed: null };
}
