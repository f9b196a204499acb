export * from './plan-kinds.ts';
export * from './plan-view.ts';
export * from './write-plan.ts';
