/*
 * Edit-to-repaint latency of <rp-split-grid>: p50/p95 of
 *   set a cell → rp-edit ops applied (applyOps) → findings recomputed (the engine's incremental
 *   validator) → grid cells and marks updated → next frame (requestAnimationFrame)
 * The owner does what <rp-planner> does: findings at once, the allocation (incremental allocator)
 * in a task after the next frame. A second figure is edit → allocation set → next frame, and each
 * edit waits for its allocation to land, so the engine's full cost stays inside the measured loop.
 * for plans of 100, 1,000 and 5,000 activities. Peer: plain Handsontable with the same data (same
 * registered modules, same sizes) and no validation: set a cell → next frame.
 * Each edit toggles the first domain's share of the default split or of one activity between 69 and 70 %,
 * so findings and marks appear and disappear on every other edit. Also prints the number of cells
 * rendered per edit, to show that an edit repaints the viewport, not the grid.
 */
import '../../components/split-grid/split-grid.ts';
import type { RpSplitGrid } from '../../components/split-grid/split-grid.ts';
import Handsontable from 'handsontable/base';
import { mainTheme, registerTheme } from 'handsontable/themes';
import type { HotInstance } from '../../components/grid/handsontable.ts';
import { applyOps, type PlanOp } from '../../src/model/ops.ts';
import type { Plan } from '../../src/model/plan.ts';
import { createAllocator, createValidator } from '../../src/engine/index.ts';
import { generatePlan } from '../../test/fixtures/generate.ts';

const SIZES = [100, 1000, 5000];
const RUNS = 80;
const WARMUP = 8;

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;

function host(): HTMLDivElement {
  const div = document.createElement('div');
  div.style.cssText = 'width: 1400px; height: 600px;';
  document.body.append(div);
  return div;
}

type Hot = HotInstance & { addHook(name: string, fn: () => void): void };

interface Layout { data: string[][]; colWidths: unknown; nestedHeaders: unknown }

interface Ours { p50: number; p95: number; a50: number; a95: number; cells: number; engine: number; layout: Layout }

async function ours(plan0: Plan): Promise<Ours> {
  const allocate = createAllocator();
  const validate = createValidator();
  const el = document.createElement('rp-split-grid') as RpSplitGrid;
  el.style.setProperty('--rp-grid-height', '600px');
  const wrap = host();
  wrap.append(el);
  let plan = plan0;
  let engineMs = 0;
  let landed: (() => void) | null = null;
  // As <rp-planner>: a frame callback queues a task, which runs after that frame's paint.
  const allocateLater = (p: Plan) => requestAnimationFrame(() => setTimeout(() => {
    const t = performance.now();
    const allocation = allocate(p);
    engineMs += performance.now() - t;
    if (p === plan) el.allocation = allocation; // never an older plan's amounts
    landed?.();
  }, 0));
  const set = (p: Plan) => {
    plan = p;
    el.plan = p;
    el.allocation = allocate(p);
    el.findings = validate(p);
  };
  el.addEventListener('rp-edit', (e) => {
    const t = performance.now();
    const next = applyOps(plan, (e as CustomEvent<{ ops: PlanOp[] }>).detail.ops);
    plan = next;
    const findings = validate(next);
    engineMs = performance.now() - t;
    el.plan = next;
    el.findings = findings;
    allocateLater(next);
  });
  set(plan);
  await el.updateComplete;
  await frame();
  const hot = (el as unknown as { hot: Hot }).hot;
  let rendered = 0;
  hot.addHook('afterRenderer', () => rendered++);
  const times: number[] = [];
  const allocated: number[] = [];
  const cells: number[] = [];
  const engine: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const row = i % 2 === 0 ? 0 : 1 + ((i * 7) % 10);
    const col = 1; // the first domain's share
    const value = i % 4 < 2 ? '69' : '70';
    rendered = 0;
    const lands = new Promise<void>((r) => { landed = r; });
    const t0 = performance.now();
    hot.setDataAtCell(row, col, value, 'edit');
    await el.updateComplete;
    await frame();
    const t = performance.now() - t0;
    await lands;
    await el.updateComplete;
    await frame();
    const ta = performance.now() - t0;
    if (i >= WARMUP) {
      times.push(t);
      allocated.push(ta);
      cells.push(rendered);
      engine.push(engineMs);
    }
  }
  const settings = hot.getSettings() as { colWidths: unknown; nestedHeaders: unknown };
  const layout = { data: hot.getData() as string[][], colWidths: settings.colWidths, nestedHeaders: settings.nestedHeaders };
  wrap.remove();
  return { p50: pct(times, 50), p95: pct(times, 95), a50: pct(allocated, 50), a95: pct(allocated, 95), cells: pct(cells, 50), engine: pct(engine, 50), layout };
}

/** The peer: Handsontable as its docs set it up (light DOM, core CSS in the page, main theme). */
async function peer(layout: Layout): Promise<{ p50: number; p95: number; cells: number }> {
  const wrap = host();
  const hot = new Handsontable(wrap, {
    licenseKey: 'non-commercial-and-evaluation',
    data: layout.data.map((r) => [...r]),
    colWidths: layout.colWidths as number[],
    nestedHeaders: layout.nestedHeaders as never,
    rowHeights: 29,
    autoRowSize: false,
    autoColumnSize: false,
    width: '100%',
    height: '100%',
    ...({ theme: registerTheme(mainTheme) } as object),
  }) as Hot;
  await frame();
  let rendered = 0;
  hot.addHook('afterRenderer', () => rendered++);
  const times: number[] = [];
  const cells: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const row = i % 2 === 0 ? 0 : 1 + ((i * 7) % 10);
    rendered = 0;
    const t0 = performance.now();
    hot.setDataAtCell(row, 1, i % 4 < 2 ? '69 %' : '70 %', 'edit');
    await frame();
    const t = performance.now() - t0;
    if (i >= WARMUP) {
      times.push(t);
      cells.push(rendered);
    }
  }
  hot.destroy();
  wrap.remove();
  return { p50: pct(times, 50), p95: pct(times, 95), cells: pct(cells, 50) };
}

export default async function run(): Promise<void> {
  console.log('edit → ops → findings → marks → next frame, <rp-split-grid> vs plain Handsontable (peer, no validation);');
  console.log('"amounts": edit → allocation (a task after that frame) → next frame; engine = validator + allocator per edit');
  console.log(`${RUNS} edits per size after ${WARMUP} warm-up edits; a frame is ~16.7 ms`);
  for (const n of SIZES) {
    const plan = generatePlan(7, n);
    const a = await ours(plan);
    const b = await peer(a.layout);
    console.log(
      `${String(n).padStart(5)} activities  rp-split-grid p50 ${ms(a.p50)} p95 ${ms(a.p95)} (${a.cells} cells painted; engine p50 ${ms(a.engine).trim()})` +
      ` | handsontable p50 ${ms(b.p50)} p95 ${ms(b.p95)} (${b.cells} cells)` +
      ` | ratio p50 ${(a.p50 / b.p50).toFixed(2)}× p95 ${(a.p95 / b.p95).toFixed(2)}×` +
      ` | amounts p50 ${ms(a.a50).trim()} p95 ${ms(a.a95).trim()}`,
    );
  }
}
