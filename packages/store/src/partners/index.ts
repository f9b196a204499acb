export * from './sharing-agreements.ts';
export * from './sharing-wishes.ts';
export * from './partner-view.ts';
export * from './partner-concerns.ts';
