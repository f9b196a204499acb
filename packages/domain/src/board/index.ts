export * from './board-tiles.ts';
