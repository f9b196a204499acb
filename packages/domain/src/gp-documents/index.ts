export * from './gp-summary-rules.ts';
export * from './build-gp-summary.ts';
export * from './document-references.ts';
export * from './delivery-schedule.ts';
export * from './read-gp-summary.ts';
export * from './document-endpoint.ts';
export * from './document-reference.ts';
export * from './delivery-words.ts';
