export * from './parties.ts';
export * from './signoff-status.ts';
export * from './doc.ts';
export * from './comments.ts';
export type { NegotiationProblem } from './problems.ts';
export * from './anchor.ts';
