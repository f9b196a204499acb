export * from './community-assets.ts';
export * from './postcode-centroids.ts';
export * from './community-referrals.ts';
export * from './community-asset-uptake.ts';
