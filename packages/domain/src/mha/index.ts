export * from './mha-rules.ts';
export * from './mha-facts.ts';
export * from './act-periods.ts';
export * from './evaluate-mha.ts';
export * from './cto-events.ts';
export * from './mha-use.ts';
