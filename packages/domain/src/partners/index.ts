export * from './sharing-rules.ts';
export * from './sharing-agreement.ts';
export * from './sharing-wishes.ts';
export * from './shared-categories.ts';
export * from './partner-concern.ts';
export * from './shared-person.ts';
