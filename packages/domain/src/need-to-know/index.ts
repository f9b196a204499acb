export * from './need-to-know-rules.ts';
export * from './read-plan.ts';
export * from './need-to-know.ts';
