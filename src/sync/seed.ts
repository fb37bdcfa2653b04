import * as Y from 'yjs';
import type { Plan } from '../model/plan.ts';
import { LAYOUT_VERSION, roots } from './layout.ts';
import { writePlanSteps } from './write-ops.ts';
import { derivedClientId } from './derived-id.ts';

/*
 * The first content of a doc, written under a client id derived from the plan's JSON. Two tabs or
 * peers that seed the same plan produce byte-identical updates, which Yjs merges into one copy
 * instead of two concurrent copies of every row. A different plan gets a different id.
 */

/**
 * Writes the plan into an empty doc as its seed, under the seed's client id, in one transaction;
 * the doc then gets back its own client id for later edits. `encodeStateAsUpdate(doc)` right after
 * equals seedUpdate(plan), without building the doc twice (build, encode, decode).
 */
export function writeSeed(doc: Y.Doc, plan: Plan, origin: unknown = null): void {
  const seedClient = derivedClientId(JSON.stringify(plan));
  const steps = seedSteps(doc, plan, Number.POSITIVE_INFINITY);
  asSeed(doc, seedClient, () =>
    doc.transact(() => {
      while (!steps.next().done);
    }, origin),
  );
}

/**
 * writeSeed in steps of `rowsPerStep` rows, each its own transaction, awaiting `pause()` between
 * them, so that building a large plan's document never blocks the page for long. The doc ends
 * up exactly as writeSeed leaves it (same items, same ids, same order). Nothing else may write
 * to the doc meanwhile.
 */
export async function writeSeedInSteps(
  doc: Y.Doc,
  plan: Plan,
  origin: unknown,
  rowsPerStep: number,
  pause: () => Promise<void>,
): Promise<void> {
  const seedClient = derivedClientId(JSON.stringify(plan));
  const steps = seedSteps(doc, plan, rowsPerStep);
  for (;;) {
    let done = false;
    asSeed(doc, seedClient, () =>
      doc.transact(() => {
        done = steps.next().done ?? false;
      }, origin),
    );
    if (done) return;
    await pause();
  }
}

function* seedSteps(doc: Y.Doc, plan: Plan, rowsPerStep: number): Generator<void, void, void> {
  const r = roots(doc);
  r.meta.set('layout', LAYOUT_VERSION);
  yield* writePlanSteps(r, plan, rowsPerStep);
}

/** Runs `write` under the seed's client id, then gives the doc back its own. */
function asSeed(doc: Y.Doc, seedClient: number, write: () => void): void {
  const own = doc.clientID;
  doc.clientID = seedClient;
  try {
    write();
  } finally {
    doc.clientID = own;
  }
}

export function seedUpdate(plan: Plan): Uint8Array {
  const doc = new Y.Doc();
  writeSeed(doc, plan);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
