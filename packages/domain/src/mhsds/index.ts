export * from './csv.ts';
export * from './mhsds-mapping.ts';
export * from './mhsds-rows.ts';
