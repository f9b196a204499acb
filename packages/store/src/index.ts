export * from './database.ts';
export * from './schema.ts';
export * from './migrate.ts';
export * from './audit/audit-log.ts';
export * from './records/write-records.ts';
export * from './import/importer.ts';
