export * from './decimal.ts';
export * from './cents.ts';
export * from './parse.ts';
export * from './format.ts';
export * from './apportion.ts';
