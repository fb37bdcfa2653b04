/**
 * Postcode areas as people type them: "5611, 5612-5658" or one per line. Entries are kept as typed
 * (trimmed, spaces around a range's dash dropped) so that a wrong one stays visible and is reported
 * by the engine's `postcode-invalid` rule rather than silently dropped here.
 */
export function parsePostcodes(text: string): string[] {
  return text
    .replace(/\s*[-–—]\s*/g, '-')
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export const formatPostcodes = (entries: readonly string[]): string => entries.join(', ');
