/*
 * Handsontable 18 ships no sanitizer (ARCHITECTURE.md, pitfalls). Every HTML surface it writes
 * (headers, select options, menus) receives text escaped so markup shows as text. Pasted HTML is
 * dropped entirely: the plain-text flavour that Excel and LibreOffice always put beside it is
 * what we parse, so a crafted text/html clipboard never reaches the DOM.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export function gridSanitizer(content: string, source?: string): string {
  if (typeof source === 'string' && source.startsWith('CopyPaste.paste')) return '';
  return escapeHtml(content);
}
