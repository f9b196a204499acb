export * from './equity-rules.ts';
export * from './rate-ratio.ts';
export * from './suppress.ts';
export * from './characteristics.ts';
export * from './breakdown.ts';
