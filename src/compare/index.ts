export * from './compare.ts';
export type { InputDifference } from './inputs.ts';
export { UNASSIGNED } from './labels.ts';
