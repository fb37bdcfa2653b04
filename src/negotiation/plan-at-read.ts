import * as Y from 'yjs';
import type { Plan } from '../model/plan.ts';
import { yieldToPage } from '../sync/yield.ts';
import { planAt, readPoints, type HistoryPoint } from './history.ts';
import type { PlanAtAnswer, PlanAtRequest } from './plan-at-protocol.ts';

/*
 * The plan as it was at a recorded point, built off the page: a module worker (plan-at-worker.ts)
 * keeps a copy of the scenario's document and is sent only what is new since its last request; the
 * page encodes that and the point's snapshot, a few milliseconds the first time and less after.
 * Each point's plan is read once (a point is never rewritten) and kept for the next request. Where
 * no worker can start (a page whose policy forbids it), or one fails, the plan is read on the page
 * as history.ts reads it, after the page's turn.
 */

/** How many earlier plans stay built per document (a plan of 5,000 activities is large). */
const PLANS_KEPT = 8;
/** A worker nobody asked anything for this long ends (its copy of the document is large). */
const IDLE_MS = 60_000;

/** The plan; undefined: no worker or it failed (read on the page); CLOSED: the reader went away. */
type Answer = Plan | null | undefined | typeof CLOSED;
const CLOSED = Symbol('closed');

interface Session {
  worker: Worker;
  /** What the worker's copy holds (Y.encodeStateVector), after the requests sent so far. */
  vector: Uint8Array | null;
  waiting: Map<number, (plan: Answer) => void>;
  idle?: ReturnType<typeof setTimeout>;
}

const sessions = new WeakMap<Y.Doc, Session>();
const plans = new WeakMap<Y.Doc, Map<string, Promise<Plan | null>>>();
let nextId = 0;
/** Set once a worker could not start or failed: later reads stay on the page. */
let noWorker = typeof Worker === 'undefined';

function startWorker(): Worker {
  return new Worker(new URL('./plan-at-worker.ts', import.meta.url), { type: 'module', name: 'regioplan-plan-at' });
}

function session(doc: Y.Doc): Session | null {
  const s = sessions.get(doc);
  if (s) return s;
  if (noWorker) return null;
  let worker: Worker;
  try {
    worker = startWorker();
  } catch {
    noWorker = true;
    return null;
  }
  const made: Session = { worker, vector: null, waiting: new Map() };
  worker.onmessage = (e: MessageEvent<PlanAtAnswer>) => {
    // Its copy is no good: this and every waiting read go to the page; the next starts afresh.
    if (e.data.failed) return end(doc, made);
    made.waiting.get(e.data.id)?.(e.data.plan);
    made.waiting.delete(e.data.id);
  };
  // A worker that cannot load or breaks: what it was asked is read on the page (undefined below).
  worker.onerror = () => {
    noWorker = true;
    end(doc, made);
  };
  sessions.set(doc, made);
  return made;
}

function end(doc: Y.Doc, s: Session, answer: undefined | typeof CLOSED = undefined): void {
  s.worker.terminate();
  clearTimeout(s.idle);
  if (sessions.get(doc) === s) sessions.delete(doc);
  const waiting = [...s.waiting.values()];
  s.waiting.clear();
  for (const resolve of waiting) resolve(answer);
}

/** The plan from the worker; undefined when there is none or it failed. */
function fromWorker(doc: Y.Doc, point: HistoryPoint): Promise<Answer> {
  const s = session(doc);
  if (!s) return Promise.resolve(undefined);
  clearTimeout(s.idle);
  const id = ++nextId;
  const request: PlanAtRequest = {
    id,
    update: s.vector ? Y.encodeStateAsUpdate(doc, s.vector) : Y.encodeStateAsUpdate(doc),
    snap: point.snap,
    ...(point.sum !== undefined ? { sum: point.sum } : {}),
  };
  s.vector = Y.encodeStateVector(doc);
  return new Promise((resolve) => {
    s.waiting.set(id, (plan) => {
      if (s.waiting.size <= 1 && sessions.get(doc) === s) s.idle = setTimeout(() => end(doc, s), IDLE_MS);
      resolve(plan);
    });
    s.worker.postMessage(request, [request.update.buffer]);
  });
}

async function read(doc: Y.Doc, point: HistoryPoint): Promise<Plan | null> {
  const plan = await fromWorker(doc, point);
  if (plan === CLOSED) {
    // Not read: the next request of the point asks again.
    plans.get(doc)?.delete(point.key);
    throw new DOMException('The compare view closed', 'AbortError');
  }
  if (plan !== undefined) return plan;
  await yieldToPage();
  return planAt(doc, point);
}

/**
 * The plan as it was at the point `pointKey`; null when the document has no such point or no
 * longer holds that state. A point read before gives its plan at once; an aborted request stops
 * waiting (the read goes on, for the next request of the same point).
 */
export function readPlanAt(doc: Y.Doc, pointKey: string, signal?: AbortSignal): Promise<Plan | null> {
  let kept = plans.get(doc);
  if (!kept) plans.set(doc, (kept = new Map()));
  let plan = kept.get(pointKey);
  if (plan) {
    // Most recently used last: the least recently used goes first when too many are kept.
    kept.delete(pointKey);
  } else {
    const point = readPoints(doc).find((p) => p.key === pointKey);
    plan = point ? read(doc, point) : Promise.resolve(null);
  }
  kept.set(pointKey, plan);
  if (kept.size > PLANS_KEPT) kept.delete(kept.keys().next().value!);
  if (!signal) return plan;
  return new Promise((resolve, reject) => {
    const stop = () => reject(signal.reason);
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    const done = () => signal.removeEventListener('abort', stop);
    plan.then(
      (p) => (done(), resolve(p)),
      (e: unknown) => (done(), reject(e)),
    );
  });
}

/** Ends the document's worker (the compare view closed). */
export function closePlanAt(doc: Y.Doc): void {
  const s = sessions.get(doc);
  if (s) end(doc, s, CLOSED);
}
