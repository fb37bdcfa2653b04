/*
 * Validation on every keystroke: how long re-validating takes after a one-cell edit, for the
 * incremental validator (createValidator) and for its peer, a full validate() of the new snapshot.
 * The budget is one 16 ms frame; the incremental figure should be a small part of it.
 * Run: node --import tsx bench/node/validate.bench.ts  (or npm run bench)
 */
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { applyOps, type Plan, type PlanOp } from '../../src/model/index.ts';
import { createValidator, validate } from '../../src/engine/validate.ts';
import { generatePlan } from '../../test/fixtures/generate.ts';

const EDITS = 200;

function stats(times: number[]): { min: number; median: number; p95: number; max: number } {
  const s = [...times].sort((a, b) => a - b);
  return {
    min: s[0]!,
    median: s[Math.floor(s.length / 2)]!,
    p95: s[Math.floor(s.length * 0.95)]!,
    max: s[s.length - 1]!,
  };
}
const ms = (x: number) => `${x.toFixed(3)} ms`;

/** One typical grid edit: a cost cell, a split cell of an activity, a name, a default-split cell. */
function edit(plan: Plan, i: number): PlanOp[] {
  const a = plan.activities[(i * 7919) % plan.activities.length]!;
  switch (i % 4) {
    case 0:
      return [
        {
          op: 'update-row',
          collection: 'activities',
          id: a.id,
          patch: { cost: { kind: 'hours', hours: String(10 + (i % 50)), rate: '85.50' } },
        },
      ];
    case 1:
      return [{ op: 'set-split', rowId: a.id, domainId: 'zvw', sectorId: null, percent: i % 8 === 1 ? '99' : '100' }];
    case 2:
      return [{ op: 'update-row', collection: 'activities', id: a.id, patch: { name: `${a.name}·` } }];
    default:
      return [{ op: 'set-split', rowId: 'default', domainId: 'wmo', sectorId: null, percent: String(5 + (i % 10)) }];
  }
}

function run(size: number): void {
  const base = generatePlan(7, size);
  // Warm up both code paths (JIT) before measuring.
  for (let i = 0; i < 3; i++) validate(base);

  const full: number[] = [];
  const incremental: number[] = [];
  const validator = createValidator();
  validator(base);
  let plan = base;
  for (let i = 0; i < EDITS; i++) {
    plan = applyOps(plan, edit(plan, i));
    let t = performance.now();
    const inc = validator(plan);
    incremental.push(performance.now() - t);
    if (i % 10 === 0) {
      t = performance.now();
      const fresh = validate(plan);
      full.push(performance.now() - t);
      if (fresh.length !== inc.length) throw new Error(`incremental and full validation differ after edit ${i}`);
    }
  }
  // A rename in the catalogue changes every message that names the domain: everything is re-checked.
  const renamed = applyOps(plan, [{ op: 'update-row', collection: 'domains', id: 'wmo', patch: { name: 'Wmo' } }]);
  const t = performance.now();
  validator(renamed);
  const catalogue = performance.now() - t;

  const f = stats(full);
  const n = stats(incremental);
  console.log(
    `validate ${size} activities: peer full validate() min ${ms(f.min)} median ${ms(f.median)} p95 ${ms(f.p95)}; ` +
      `incremental after one-cell edit min ${ms(n.min)} median ${ms(n.median)} p95 ${ms(n.p95)} max ${ms(n.max)}; ` +
      `after a domain rename ${ms(catalogue)}; ratio full/incremental (median) ${(f.median / n.median).toFixed(1)}×; ` +
      `findings ${validator(plan).length}`,
  );
}

// Shared machines make medians noisy: the load is printed so the figures can be read against it.
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
for (const size of [100, 1_000, 5_000, 10_000]) run(size);
