/*
 * Edit-to-repaint latency of <rp-split-grid>: p50/p95 of
 *   set a cell → rp-edit ops applied (applyOps) → findings recomputed (the engine's incremental
 *   validator) → grid cells and marks updated → next frame (requestAnimationFrame)
 * The owner does what <rp-planner> does: findings at once, the allocation (incremental allocator)
 * in a task after the next frame. A second figure is edit → allocation set → next frame, and each
 * edit waits for its allocation to land, so the engine's full cost stays inside the measured loop.
 * for plans of 100, 1,000 and 5,000 activities. Peer: plain Handsontable with the same data, the
 * same registered modules and the same layout (column widths, nested headers, row height, fixed
 * first column and pinned rows, no wrapping, so it renders as many cells) and no validation:
 * set a cell → next frame.
 * Each edit toggles the first domain's share of the default split or of one activity between 69 and 70 %,
 * so findings and marks appear and disappear on every other edit. Also prints how many cells an
 * edit touches in the DOM (counted apart, after the timed edits, with a MutationObserver): for an
 * edit of the default split, which every activity that follows it shows, and of one activity.
 */
import '../../components/split-grid/split-grid.ts';
import type { RpSplitGrid } from '../../components/split-grid/split-grid.ts';
import Handsontable, { type GridSettings } from 'handsontable/base';
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
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;

function host(): HTMLDivElement {
  const div = document.createElement('div');
  div.style.cssText = 'width: 1400px; height: 600px;';
  document.body.append(div);
  return div;
}

interface Layout {
  data: string[][];
  settings: Pick<GridSettings, 'colWidths' | 'nestedHeaders' | 'fixedColumnsStart' | 'fixedRowsBottom' | 'wordWrap'>;
}

/** Cells an edit of the default split / of one activity touched in the DOM. */
interface Touched {
  byDefault: number;
  byActivity: number;
}

/** The first domain's share: after the name and the row total, which are frozen at the start. */
const COL = 2;
/** The edit number i of the series: row and value, in column COL. */
const edit = (i: number) => ({ row: i % 2 === 0 ? 0 : 1 + ((i * 7) % 10), value: i % 4 < 2 ? '69' : '70' });

/**
 * Cells whose element changed (text, attributes, children) during each of two edits: the default
 * split's (even i) and an activity's (odd i). Untimed: the observer's bookkeeping stays out of the figures.
 */
async function touchedCells(root: Node, run: (i: number) => Promise<void>): Promise<Touched> {
  const counts: number[] = [];
  for (const i of [WARMUP + RUNS, WARMUP + RUNS + 1]) {
    const cells = new Set<Element>();
    const note = (records: MutationRecord[]) => {
      for (const record of records) {
        const node = record.target instanceof Element ? record.target : record.target.parentElement;
        const td = node?.closest('td');
        if (td) cells.add(td);
      }
    };
    const observer = new MutationObserver(note);
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    await run(i);
    note(observer.takeRecords());
    observer.disconnect();
    counts.push(cells.size);
  }
  return { byDefault: counts[0]!, byActivity: counts[1]! };
}

interface Ours {
  p50: number;
  p95: number;
  a50: number;
  a95: number;
  s50: number;
  s95: number;
  cells: Touched;
  engine: number;
  layout: Layout;
}

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
  const allocateLater = (p: Plan) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        const t = performance.now();
        const allocation = allocate(p);
        engineMs += performance.now() - t;
        if (p === plan) el.allocation = allocation; // never an older plan's amounts
        landed?.();
      }, 0),
    );
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
  const hot = (el as unknown as { hot: HotInstance }).hot;
  const times: number[] = [];
  const allocated: number[] = [];
  const scripts: number[] = [];
  const engine: number[] = [];
  /**
   * One edit: its time to the next frame, then to the frame after its amounts landed, and the
   * script part of the first (set → ops → findings → cells painted → element updated), which
   * tells a late frame from work that does not fit in one.
   */
  const run = async (i: number): Promise<[number, number, number]> => {
    const { row, value } = edit(i);
    const lands = new Promise<void>((r) => {
      landed = r;
    });
    const t0 = performance.now();
    hot.setDataAtCell(row, COL, value, 'edit');
    await el.updateComplete;
    const ts = performance.now() - t0;
    await frame();
    const t = performance.now() - t0;
    await lands;
    await el.updateComplete;
    await frame();
    return [t, performance.now() - t0, ts];
  };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const [t, ta, ts] = await run(i);
    if (i >= WARMUP) {
      times.push(t);
      allocated.push(ta);
      scripts.push(ts);
      engine.push(engineMs);
    }
  }
  const cells = await touchedCells(el.shadowRoot!, async (i) => {
    await run(i);
  });
  const { colWidths, nestedHeaders, fixedColumnsStart, fixedRowsBottom, wordWrap } = hot.getSettings() as GridSettings;
  const layout = {
    data: hot.getData() as string[][],
    settings: { colWidths, nestedHeaders, fixedColumnsStart, fixedRowsBottom, wordWrap },
  };
  wrap.remove();
  return {
    p50: pct(times, 50),
    p95: pct(times, 95),
    a50: pct(allocated, 50),
    a95: pct(allocated, 95),
    s50: pct(scripts, 50),
    s95: pct(scripts, 95),
    cells,
    engine: pct(engine, 50),
    layout,
  };
}

/** The peer: Handsontable as its docs set it up (light DOM, core CSS in the page, main theme). */
async function peer(layout: Layout): Promise<{ p50: number; p95: number; cells: Touched }> {
  const wrap = host();
  const hot = new Handsontable(wrap, {
    licenseKey: 'non-commercial-and-evaluation',
    data: layout.data.map((r) => [...r]),
    ...layout.settings,
    rowHeights: 29,
    autoRowSize: false,
    autoColumnSize: false,
    width: '100%',
    height: '100%',
    ...({ theme: registerTheme(mainTheme) } as object),
  }) as HotInstance;
  await frame();
  const times: number[] = [];
  const run = async (i: number): Promise<number> => {
    const { row, value } = edit(i);
    const t0 = performance.now();
    hot.setDataAtCell(row, COL, `${value} %`, 'edit');
    await frame();
    return performance.now() - t0;
  };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t = await run(i);
    if (i >= WARMUP) times.push(t);
  }
  const cells = await touchedCells(wrap, async (i) => {
    await run(i);
  });
  hot.destroy();
  wrap.remove();
  return { p50: pct(times, 50), p95: pct(times, 95), cells };
}

export default async function run(): Promise<void> {
  console.log(
    'edit → ops → findings → marks → next frame, <rp-split-grid> vs plain Handsontable (peer, no validation);',
  );
  console.log(
    '"amounts": edit → allocation (a task after that frame) → next frame; engine = validator + allocator per edit',
  );
  console.log(`${RUNS} edits per size after ${WARMUP} warm-up edits; a frame is ~16.7 ms;`);
  console.log('cells touched in the DOM by an edit of the default split / of one activity');
  console.log(
    'script = set a cell → findings, marks and cells painted → element updated (our JavaScript, before style, layout and paint)',
  );
  for (const n of SIZES) {
    const plan = generatePlan(7, n);
    const a = await ours(plan);
    const b = await peer(a.layout);
    const cells = (c: Touched) => `${c.byDefault}/${c.byActivity} cells touched`;
    console.log(
      `${String(n).padStart(5)} activities  rp-split-grid p50 ${ms(a.p50)} p95 ${ms(a.p95)} (${cells(a.cells)}; script p50 ${ms(a.s50).trim()} p95 ${ms(a.s95).trim()}; engine p50 ${ms(a.engine).trim()})` +
        ` | handsontable p50 ${ms(b.p50)} p95 ${ms(b.p95)} (${cells(b.cells)})` +
        ` | ratio p50 ${(a.p50 / b.p50).toFixed(2)}× p95 ${(a.p95 / b.p95).toFixed(2)}×` +
        ` | amounts p50 ${ms(a.a50).trim()} p95 ${ms(a.a95).trim()}`,
    );
  }
}
