export * from './person-outcomes.ts';
export * from './team-outcomes.ts';
export * from './measure-links.ts';
export * from './score-series.ts';
