export * from './gp-summary-rules.ts';
export * from './build-gp-summary.ts';
export * from './document-references.ts';
