import { expect } from 'chai';
import fc from 'fast-check';
import { allocate, payments } from '../../src/engine/index.ts';
import { exportScenario, isExportError } from '../../src/export/index.ts';
import { parseAmount } from '../../src/money/parse.ts';
import type { Plan } from '../../src/model/index.ts';
import { arbitraryPlan } from '../fixtures/arbitrary.ts';
import { parseCsv } from './read.ts';

/*
 * Random plans through the payments CSV: every payment the file holds is the engine's, to the cent,
 * whatever the execution model (drafts, so plans with findings export too).
 */

const MODELS = ['main-contractor', 'cashier', 'equal-partners'] as const;

describe('exports over random plans', function () {
  this.timeout(120_000);
  it("the payments CSV holds exactly the engine's payments, per funder, payee and period", async () => {
    const samples = fc.sample(fc.tuple(arbitraryPlan({ maxActivities: 3, messy: false }), fc.nat(2), fc.nat(10)), {
      numRuns: 24,
      seed: 12,
    });
    for (const [raw, m, pick] of samples) {
      const model = MODELS[m]!;
      const lead = raw.providers.length ? raw.providers[pick % raw.providers.length]!.id : null;
      const plan: Plan = { ...raw, executionModel: model, leadProviderId: model === 'equal-partners' ? null : lead };
      const p = payments(plan, allocate(plan));
      const text = await (
        await exportScenario('csv', { plan, locale: 'nl', table: 'payments', draft: true })
      ).blob.text();
      const rows = parseCsv(text, ';').slice(2); // the draft line, then the header
      const got = rows.map((r) => {
        const v = parseAmount(r[9]!, 'nl');
        if (!v.ok) throw new Error(`not an amount: ${r[9]}`);
        return v.value.toFixed(2);
      });
      const want = [
        ...p.funders.flatMap((f) => f.payees.flatMap((x) => x.periods)),
        ...p.passOn.flatMap((x) => x.periods),
      ].map((d) => d.toFixed(2));
      expect(got, `${model} ${plan.id}`).to.deep.equal(want);
    }
  });

  it('every format renders messy random plans as drafts, or refuses with an ExportError, never an unexpected failure', async () => {
    const samples = fc.sample(fc.tuple(arbitraryPlan({ maxActivities: 3 }), fc.nat(2), fc.nat(10)), {
      numRuns: 12,
      seed: 7,
    });
    let rendered = 0;
    for (const [raw, m, pick] of samples) {
      const model = MODELS[m]!;
      const lead = raw.providers.length ? raw.providers[pick % raw.providers.length]!.id : null;
      const plan: Plan = { ...raw, executionModel: model, leadProviderId: model === 'equal-partners' ? null : lead };
      for (const format of ['annex-docx', 'xlsx', 'csv', 'monitoring-csv'] as const) {
        try {
          const file = await exportScenario(format, { plan, locale: 'en', draft: true, table: 'payments' });
          expect(file.blob.size, `${format} ${plan.id}`).to.be.greaterThan(0);
          rendered++;
        } catch (e) {
          // exportScenario wraps an unexpected throw as 'failed': only a refusal by design is allowed.
          expect(isExportError(e) && e.code, `${format}: ${String(e)}`).to.equal('amount-too-large');
        }
      }
      if (plan.funders[0]) {
        try {
          await exportScenario('funder-annex-docx', { plan, locale: 'nl', draft: true, funderId: plan.funders[0].id });
        } catch (e) {
          expect(isExportError(e) && e.code, String(e)).to.equal('amount-too-large');
        }
      }
    }
    expect(rendered).to.be.greaterThan(24);
  });
});
