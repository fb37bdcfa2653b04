import css from './theme.css?inline';

/*
 * The theme tokens as a string, for hosts that load regioplan from a bundle and want the tokens
 * without a second file. `installTheme()` adds them once to the document.
 */
// Typed here so the published declarations name no `?inline` module a host's TypeScript cannot resolve.
export const themeCss: string = css;

export function installTheme(doc: Document = document): void {
  if (doc.getElementById('rp-theme')) return;
  const style = doc.createElement('style');
  style.id = 'rp-theme';
  style.textContent = themeCss;
  doc.head.append(style);
}
