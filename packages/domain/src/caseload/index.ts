export * from './caseload-weighting.ts';
export * from './cover.ts';
export * from './mdt-reasons.ts';
