export * from './monitoring-rules.ts';
export * from './monitoring-facts.ts';
export * from './evaluate-monitoring.ts';
export * from './recognise.ts';
