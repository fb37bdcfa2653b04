// `cem analyze` reads the elements' JSDoc (@event, @cssprop, @csspart, @slot) into
// custom-elements.json, which editors, Storybook-like tools and docs/API.md (scripts/build-docs.mjs) use.
export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.styles.ts', 'components/**/*.test.ts', 'components/theme/**'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};
