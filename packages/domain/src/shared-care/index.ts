export * from './shared-care-rules.ts';
export * from './agreement.ts';
export * from './evaluate-shared-care.ts';
export * from './change-agreement.ts';
