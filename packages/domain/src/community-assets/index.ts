export * from './asset-lists.ts';
export * from './distance.ts';
export * from './csv.ts';
export * from './asset-entry.ts';
export * from './community-referral.ts';
export * from './centroid-rows.ts';
export * from './asset-editors.ts';
