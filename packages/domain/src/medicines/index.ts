export * from './monitoring-rules.ts';
export * from './monitoring-facts.ts';
export * from './evaluate-monitoring.ts';
export * from './recognise.ts';
export * from './result-entry-rules.ts';
export * from './offered-result-tests.ts';
export * from './record-result.ts';
