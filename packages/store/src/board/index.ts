export * from './tile-builders.ts';
export * from './board-dashboard.ts';
export * from './board-people.ts';
export * from './kept-tiles.ts';
export * from './build-facts.ts';
export * from './board-projection.ts';
export { BOARD_PROJECTION_TABLES } from './board-person-changes.ts';
export * from './projection-keeper.ts';
