export * from './caseload-weighting.ts';
export * from './cover.ts';
