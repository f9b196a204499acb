export * from './transfer-rules.ts';
export * from './handover-packet.ts';
export * from './check-transfer.ts';
export * from './transfer-access.ts';
export * from './transfer-fhir.ts';
