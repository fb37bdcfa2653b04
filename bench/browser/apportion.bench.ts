/*
 * apportion (largest remainder, exact) against the naive split people write first: each part
 * Math.round(total * weight / sum * 100) / 100 in JavaScript numbers. Counts how often the naive
 * parts fail to add up to the total, and by how many cents, over random splits; and times both.
 * Runs in Chromium (npm run bench): the grid does this work in the browser.
 */
import { apportionCents, smallWeights } from '../../src/money/apportion.ts';
import { rng } from '../../test/fixtures/generate.ts';

const CASES = 20_000;
const r = rng(2024);
const cases = Array.from({ length: CASES }, () => {
  const n = 2 + Math.floor(r() * 6);
  const weights = Array.from({ length: n }, () => BigInt(1 + Math.floor(r() * 10_000))); // percent with 2 decimals
  const cents = BigInt(Math.floor(r() * 100_000_000)); // up to € 1.000.000
  return { cents, weights, small: smallWeights(weights), w: weights.map(Number), total: Number(cents) / 100 };
});

function naive(total: number, w: number[]): number[] {
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => Math.round(((total * x) / sum) * 100) / 100);
}

let wrongSum = 0;
let centsOff = 0;
let t = performance.now();
for (const c of cases) {
  const parts = naive(c.total, c.w);
  const sumCents = Math.round(parts.reduce((a, b) => a + b, 0) * 100);
  const diff = Math.abs(sumCents - Number(c.cents));
  if (diff !== 0) {
    wrongSum++;
    centsOff += diff;
  }
}
const tNaive = performance.now() - t;

let exactWrong = 0;
t = performance.now();
for (const c of cases) {
  const parts = apportionCents(c.cents, c.weights, c.small);
  if (parts.reduce((a, b) => a + b, 0n) !== c.cents) exactWrong++;
}
const tExact = performance.now() - t;

console.log(`${CASES.toLocaleString('en')} random splits of up to € 1.000.000 over 2–7 percentages`);
console.log(
  `  apportion (largest remainder): ${tExact.toFixed(1)} ms, ${exactWrong} splits not adding up to the total`,
);
console.log(
  `  naive float split: ${tNaive.toFixed(1)} ms, ${wrongSum} splits (${((wrongSum / CASES) * 100).toFixed(1)} %) not adding up, ${centsOff} cents astray in all`,
);
console.log(`  apportion / naive = ${(tExact / tNaive).toFixed(2)}`);
