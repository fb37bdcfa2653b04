/*
 * `regioplan`, the package's main entry: importing it registers the custom elements (<rp-planner>
 * and its parts) and re-exports the framework-free core (`regioplan/core`, src/index.ts) and the
 * theme. It sits above both folders, so that components/ → src/ stays the only direction.
 */
export * from '../src/index.ts';
export * from '../components/index.ts';
export { installTheme, themeCss } from '../components/theme/index.ts';
