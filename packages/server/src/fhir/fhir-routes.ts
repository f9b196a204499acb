import type { Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { bulkExportRoutes } from './bulk-export.ts';
import { capabilityRoutes } from './capability-statement.ts';
import { fhirReadRoutes } from './fhir-read.ts';
import { fhirSearchRoutes } from './fhir-search.ts';
import { fhirWriteRoutes } from './fhir-write.ts';
import { installFhirErrors } from './operation-outcome.ts';
import { worklistFlagRoutes } from './worklist-flags.ts';

/**
 * The FHIR R4 REST API under /fhir (docs/fhir-api.md): its own error format (OperationOutcome) and
 * content type, behind the same session, cross-site refusal and access rules as /api.
 */
export function fhirApi(store: Store, settings: { carerResponseHours?: number }) {
  return async (fhir: FastifyInstance) => {
    installFhirErrors(fhir);
    capabilityRoutes(fhir);
    bulkExportRoutes(fhir, store);
    worklistFlagRoutes(fhir, store, settings);
    fhirSearchRoutes(fhir, store);
    fhirReadRoutes(fhir, store);
    fhirWriteRoutes(fhir, store);
  };
}
