import type { Locale, Msg } from './locale.ts';
import { ui, type UiKey } from './ui.ts';

export * from './locale.ts';
export { ui, type UiKey } from './ui.ts';

export type MsgVars = Record<string, string | number>;

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function fill(template: string, vars?: MsgVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** A bilingual message with placeholders filled in both languages, for errors a host may show in either. */
export function fillMsg(message: Msg, vars?: MsgVars): Msg {
  return { nl: fill(message.nl, vars), en: fill(message.en, vars) };
}

/** A UI string in the given locale. */
export function t(locale: Locale, key: UiKey, vars?: MsgVars): string {
  return fill(ui[key][locale], vars);
}

/** Any bilingual message (e.g. a finding's) in the given locale. */
export function msg(message: Msg, locale: Locale, vars?: MsgVars): string {
  return fill(message[locale], vars);
}

/** "1 fout" / "3 fouten", "1 warning" / "3 warnings". */
export function count(locale: Locale, n: number, what: 'error' | 'warning'): string {
  return t(locale, `count.${what}.${n === 1 ? 'one' : 'other'}`, { n });
}

/** Both counts as message variables: `{errors}` and `{warnings}` with their nouns. */
export const findingCounts = (locale: Locale, c: { errors: number; warnings: number }): MsgVars => ({
  errors: count(locale, c.errors, 'error'),
  warnings: count(locale, c.warnings, 'warning'),
});
