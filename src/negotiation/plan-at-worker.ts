import * as Y from 'yjs';
import { planFromSnapshot } from './history.ts';
import type { PlanAtAnswer, PlanAtRequest } from './plan-at-protocol.ts';

/*
 * A module worker that reads earlier plans of one scenario (plan-at-read.ts starts it): it keeps a
 * copy of the scenario's document, with gc off so that every state of the plan stays readable, fed
 * with what is new since the last request, and builds the plan at a point's snapshot
 * (Y.createDocFromSnapshot), which would hold the page for a tenth of a second or more per plan.
 */

const doc = new Y.Doc({ gc: false });

function read({ snap, sum }: PlanAtRequest): PlanAtAnswer['plan'] {
  // Content collected before this copy got it (a workshop joiner's): not the plan that was (null).
  return planFromSnapshot(doc, Y.decodeSnapshot(snap), sum);
}

self.onmessage = (e: MessageEvent<PlanAtRequest>) => {
  const request = e.data;
  let answer: PlanAtAnswer;
  try {
    if (request.update.length > 0) Y.applyUpdate(doc, request.update);
  } catch {
    // The copy lacks what later requests build on: the page reads on its own from here.
    self.postMessage({ id: request.id, plan: null, failed: true } satisfies PlanAtAnswer);
    return;
  }
  try {
    answer = { id: request.id, plan: read(request) };
  } catch {
    answer = { id: request.id, plan: null };
  }
  self.postMessage(answer);
};
