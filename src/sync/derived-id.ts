/*
 * Client ids every participant derives alike from what they write (a seed from its plan, a text's
 * conversion from the value it replaces: seed.ts, text.ts), so that their identical writes merge
 * into one. FNV-1a (32 bit): a Yjs client id is a uint32.
 */

/** The client id derived from `text`. */
export function derivedClientId(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
