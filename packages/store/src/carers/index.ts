export * from './person-carers.ts';
export * from './carer-concerns-worklist.ts';
