import type { Msg } from '../../src/i18n/locale.ts';
import type { Plan } from '../../src/model/plan.ts';
import type { Finding } from '../../src/model/finding.ts';
import type { Section } from '../../src/model/finding.ts';
import { compareMany, type ManyComparison, type ManyRow } from '../../src/compare/compare.ts';
import type { InputDifference } from '../../src/compare/inputs.ts';
import { validate } from '../../src/engine/validate.ts';
import type { Dec } from '../../src/money/decimal.ts';

/*
 * What <rp-compare> shows, derived from compareMany() and validate() only: the element formats
 * these numbers and never computes an amount itself.
 */

export interface CompareScenario {
  name: string;
  plan: Plan;
}

export type InputGroup = 'split' | 'budget' | 'parties' | 'other';

/** One input side by side: the stored text per scenario, and whether each differs from the first. */
export interface InputRow {
  key: string;
  group: InputGroup;
  label: Msg;
  fieldLabel: Msg | null;
  values: (string | null)[];
  differs: boolean[];
}

export type ResultSection = keyof ManyComparison['results'];
export const RESULT_SECTIONS: readonly ResultSection[] = [
  'totals',
  'domains',
  'sectors',
  'providers',
  'funders',
  'payees',
  'periods',
];
export const INPUT_GROUPS: readonly InputGroup[] = ['split', 'budget', 'parties', 'other'];

export interface CompareView {
  comparison: ManyComparison;
  inputs: InputRow[];
  findings: Finding[][];
  /** Per scenario, where its money goes per domain (the chart), from comparison.results.domains. */
  chart: { label: Msg; values: Dec[] }[];
}

const GROUP_OF: Record<Section, InputGroup> = {
  split: 'split',
  activities: 'budget',
  providers: 'parties',
  funders: 'parties',
  plan: 'other',
  domains: 'other',
  targetGroups: 'other',
};

const inputKey = (d: InputDifference): string =>
  [d.section, d.rowId ?? '', d.field ?? '', d.domainId ?? '', d.sectorId ?? ''].join('|');

/** Input differences of every scenario against the first, merged into one row per input. */
export function inputRows(comparison: ManyComparison): InputRow[] {
  const count = comparison.scenarios.length;
  const rows = new Map<string, InputRow>();
  comparison.pairs.forEach((pair, i) => {
    for (const d of pair.inputs) {
      const key = inputKey(d);
      let row = rows.get(key);
      if (!row) {
        // Scenarios whose pair lacks this input have the first scenario's value.
        row = {
          key,
          group: GROUP_OF[d.section],
          label: d.label,
          fieldLabel: d.fieldLabel ?? null,
          values: Array(count).fill(d.a),
          differs: Array(count).fill(false),
        };
        rows.set(key, row);
      }
      row.values[i + 1] = d.b;
      row.differs[i + 1] = true;
    }
  });
  return [...rows.values()];
}

export function rowChanged(row: ManyRow): boolean {
  return row.deltas.some((d) => d.changed);
}

export function compareView(scenarios: readonly CompareScenario[]): CompareView {
  const comparison = compareMany(scenarios.map((s) => s.plan));
  return {
    comparison,
    inputs: inputRows(comparison),
    findings: scenarios.map((s) => validate(s.plan)),
    chart: comparison.results.domains.map((row) => ({ label: row.label, values: row.values })),
  };
}
