export * from './allocate.ts';
export * from './validate.ts';
