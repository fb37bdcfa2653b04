import { expect } from 'chai';
import { Plan, type Finding, type FindingCode, type FindingLocation, type Severity } from '../../../src/model/index.ts';
import { validate } from '../../../src/engine/validate.ts';
import handbook from '../../../demo/plans/handbook.json';
import dementia from '../../../demo/plans/dementia-network.json';

/** A fresh, valid copy of the handbook example to break in one place. */
export const handbookPlan = (): Plan => Plan.parse(structuredClone(handbook));
/** A fresh, valid copy of the dementia network (14 partners, overrides, three insurers). */
export const dementiaPlan = (): Plan => Plan.parse(structuredClone(dementia));

export const findingsOf = (plan: Plan, code: FindingCode): Finding[] => validate(plan).filter((f) => f.code === code);

/**
 * Validates the plan and expects exactly these findings of the code (in this order), each with its
 * severity and precise location, and messages in both languages. Returns them for message checks.
 */
export function expectFindings(
  plan: Plan,
  code: FindingCode,
  expected: { severity: Severity; location: FindingLocation }[],
): Finding[] {
  const found = findingsOf(plan, code);
  expect(found.map((f) => ({ severity: f.severity, location: f.location }))).to.deep.equal(expected);
  for (const f of found) {
    expect(f.message.nl.trim(), 'nl message').to.not.equal('');
    expect(f.message.en.trim(), 'en message').to.not.equal('');
    expect(f.message.nl, 'nl and en differ').to.not.equal(f.message.en);
  }
  return found;
}

export function expectNone(plan: Plan, code: FindingCode): void {
  expect(findingsOf(plan, code).map((f) => f.message.en)).to.deep.equal([]);
}

/** The plan gives no finding at all, errors or warnings. */
export function expectClean(plan: Plan): void {
  expect(validate(plan).map((f) => `${f.code}: ${f.message.en}`)).to.deep.equal([]);
}
