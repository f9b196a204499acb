export * from './board-tiles.ts';
export * from './board-words.ts';
export * from './board-dashboard.ts';
