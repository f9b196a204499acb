export * from './history-rules.ts';
export * from './history-facts.ts';
export * from './history-events.ts';
export * from './person-history.ts';
