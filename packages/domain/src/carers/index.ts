export * from './carer-concern-rules.ts';
export * from './carer-codes.ts';
export * from './confidentiality-guidance.ts';
export * from './carer-record.ts';
export * from './carer-involvement.ts';
export * from './carer-concern.ts';
export * from './response-due.ts';
export * from './evaluate-carer-concerns.ts';
