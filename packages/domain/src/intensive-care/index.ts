export * from './intensive-review-rules.ts';
export * from './intensive-review-facts.ts';
export * from './evaluate-intensive-review.ts';
export * from './care-intensity-change.ts';
