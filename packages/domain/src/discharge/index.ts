export * from './discharge-rules.ts';
export * from './discharge-facts.ts';
export * from './severe-relapsing.ts';
export * from './check-discharge.ts';
export * from './audit-discharge.ts';
export * from './discharge-fhir.ts';
