export * from './fhir/systems.ts';
export * from './fhir/codes.ts';
export * from './fhir/datatypes.ts';
export * from './fhir/resource-types.ts';
export * from './fhir/catalogue.ts';
export * from './nhs-number/nhs-number.ts';
export * from './person/demographics.ts';
