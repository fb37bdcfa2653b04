import type { z } from '../model/zod.ts';
import type { Msg } from '../i18n/locale.ts';
import { stMsg } from '../i18n/store.ts';
import { FILE_FORMAT_VERSION, MAX_FILE_BYTES, PlanFile } from './format.ts';
import { FILE_MIGRATIONS } from './migrations.ts';

export type ImportErrorCode =
  'too-large' | 'not-json' | 'invalid' | 'hostile' | 'newer-version' | 'unknown-version' | 'unreadable';

export interface ImportError {
  code: ImportErrorCode;
  message: Msg;
}

export type ImportResult =
  { ok: true; file: PlanFile; migratedFrom: number | null } | { ok: false; error: ImportError };

export interface ImportOptions {
  maxBytes?: number;
  /** Time used for migrated files' timestamps. */
  now?: number;
}

/** Keys that would reach Object.prototype if a consumer ever copied them with assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class Hostile extends Error {}

const refuse = (code: ImportErrorCode, message: Msg): { ok: false; error: ImportError } => ({
  ok: false,
  error: { code, message },
});

const MB = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

function tooLarge(bytes: number, max: number): { ok: false; error: ImportError } {
  return refuse('too-large', stMsg('file.tooLarge', { size: MB(bytes), max: MB(max) }));
}

/** UTF-8 size without encoding the whole text when the length alone decides. */
function byteSize(text: string, max: number): number {
  if (text.length > max) return text.length;
  if (text.length * 3 <= max) return text.length;
  return new TextEncoder().encode(text).length;
}

export function describe(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown';
  const path = issue.path.map(String).join('.');
  return `${path || '(root)'}: ${issue.message}`.slice(0, 200);
}

/**
 * Reads a plan file. The size is checked before JSON.parse, forbidden keys are refused while
 * parsing, the result is checked with zod (strict objects, capped strings and arrays) and older
 * formats are migrated. Never throws; a refused file changes nothing and says why in nl and en.
 */
export async function importPlanFile(input: string | Blob, options: ImportOptions = {}): Promise<ImportResult> {
  const read = await readJsonObject(input, options);
  return read.ok ? parsePlanFileValue(read.value, options.now ?? Date.now()) : read;
}

/**
 * The first steps of every import: the size checked before anything is parsed, the JSON parsed
 * with forbidden keys refused, and the result an object. Never throws.
 */
export async function readJsonObject(
  input: string | Blob,
  options: ImportOptions = {},
): Promise<{ ok: true; value: object } | { ok: false; error: ImportError }> {
  const max = options.maxBytes ?? MAX_FILE_BYTES;
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if (input.size > max) return tooLarge(input.size, max);
    try {
      text = await input.text();
    } catch {
      return refuse('unreadable', stMsg('file.unreadable'));
    }
  }
  const size = byteSize(text, max);
  if (size > max) return tooLarge(size, max);
  let raw: unknown;
  try {
    raw = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new Hostile();
      return value;
    });
  } catch (e) {
    return e instanceof Hostile ? refuse('hostile', stMsg('file.hostile')) : refuse('not-json', stMsg('file.notJson'));
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse('not-json', stMsg('file.notJson'));
  return { ok: true, value: raw };
}

/** A parsed JSON object read as a plan file: its version checked, older formats migrated, the result checked with zod. */
export function parsePlanFileValue(raw: object, now: number): ImportResult {
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return refuse('unknown-version', stMsg('file.unknownVersion'));
  if (version > FILE_FORMAT_VERSION) return refuse('newer-version', stMsg('file.newerVersion', { version }));

  let current: unknown = raw;
  for (let v = version; v < FILE_FORMAT_VERSION; v++) {
    const step = FILE_MIGRATIONS[v];
    if (!step) return refuse('unknown-version', stMsg('file.unknownVersion'));
    const parsed = step.schema.safeParse(current);
    if (!parsed.success) return refuse('invalid', stMsg('file.invalid', { detail: describe(parsed.error) }));
    current = step.up(parsed.data as never, now);
  }
  const parsed = PlanFile.safeParse(current);
  if (!parsed.success) return refuse('invalid', stMsg('file.invalid', { detail: describe(parsed.error) }));
  return { ok: true, file: parsed.data, migratedFrom: version === FILE_FORMAT_VERSION ? null : version };
}
