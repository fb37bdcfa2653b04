/*
 * Formula injection (OWASP "CSV Injection"): a spreadsheet treats a cell that starts with one of
 * these characters as a formula or command. User text (names, clauses) must never become one, so
 * such text gets a leading apostrophe, which spreadsheets show as plain text.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\0']);

export function neutralise(text: string): string {
  return text.length > 0 && TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

/** True when `neutralise` would change the text. */
export const isDangerous = (text: string): boolean => text.length > 0 && TRIGGERS.has(text[0]!);
