/*
 * Formula injection (OWASP "CSV Injection"): a spreadsheet treats a cell that starts with one of
 * these characters as a formula or command. User text (names, clauses) must never become one.
 *
 * A CSV is often opened with the other separator than it was written with: a Dutch spreadsheet
 * reads `;`, an English one `,`. Read that way, a text field is split at every `,` or `;` inside it,
 * quotes that do not open a field are plain characters, and a line break inside quotes can end the
 * record. So any of those can start a cell: the trigger is neutralised at the start of the text
 * and after every `,`, `;`, CR or LF (spaces and quote marks in between skipped), with an
 * apostrophe, which spreadsheets show as plain text.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\0']);

/** The text's start, then a trigger. */
const TEXT_START = /^([ "]*)(?=[=+\-@\t\r\n\0])/;
/**
 * After a separator or line break, then a trigger. A line break there only starts an empty cell,
 * so it is not a trigger (and CRLF stays one line break).
 */
const CELL_START = /([,;\r\n])([ "]*)(?=[=+\-@\t\0])/g;

export function neutralise(text: string): string {
  return text.replace(TEXT_START, "$1'").replace(CELL_START, "$1$2'");
}

/** True when `neutralise` would change the text. */
export const isDangerous = (text: string): boolean => neutralise(text) !== text;

/** True when the text itself, as one cell, would start a formula (only its first character counts). */
export const startsFormula = (text: string): boolean => text.length > 0 && TRIGGERS.has(text[0]!);
