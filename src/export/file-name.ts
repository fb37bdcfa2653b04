/*
 * File names carry plan, scenario and date. User text can hold anything (slashes, markup, control
 * characters, reserved Windows names), so only a conservative set of characters survives.
 */
const MAX_PART = 60;

/** One name part: letters (any script), digits, '-' and '_'; everything else collapses to '-'. */
export function sanitisePart(text: string): string {
  const cleaned = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  return cleaned.slice(0, MAX_PART).replace(/[-_]+$/g, '');
}

/** yyyy-mm-dd in the user's local calendar (the day they exported on). */
export function isoDay(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** e.g. "Dementienetwerk-Eindhoven_Scenario-B_bijlage_2026-11-23.docx" */
export function exportFileName(parts: {
  plan: string;
  scenario: string;
  kind: string;
  date: Date;
  ext: string;
}): string {
  const body = [parts.plan, parts.scenario, parts.kind].map(sanitisePart).filter((p) => p.length > 0);
  if (body.length === 0) body.push('regioplan');
  return `${body.join('_')}_${isoDay(parts.date)}.${parts.ext}`;
}
