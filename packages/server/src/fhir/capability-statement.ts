import { CONTINUITY_BASE, resourceTypes } from '@continuity/domain';
import { isSharedType } from '@continuity/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fhirBase, FHIR_JSON } from './operation-outcome.ts';
import { includesOf, parametersOf } from './search-parameters.ts';
import { worklistNames } from '../worklists/worklist-routes.ts';
import { writtenByThePlatformOnly } from './fhir-write.ts';

const searchParamTypes: Record<string, string> = {
  _id: 'token',
  _lastUpdated: 'date',
  identifier: 'token',
  patient: 'reference',
  subject: 'reference',
  date: 'date',
  status: 'token',
};

/**
 * What the FHIR API does, built from the same tables the routes use, so it cannot claim more than
 * is served: every held type readable (vread, search); person-scoped types but Patient creatable,
 * all person-scoped types updatable; the bulk export and the worklist operation.
 */
export function capabilityStatement(request: FastifyRequest) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    // When what this statement describes last changed (R4 requires a date): change it with the API.
    date: '2026-11-26',
    kind: 'instance',
    software: { name: 'Continuity' },
    implementation: { description: 'Continuity FHIR R4 API', url: fhirBase(request) },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        security: { description: 'Sign in through Continuity (POST /api/session); the session cookie is the credential. Clinical roles only; a person\u2019s records only for users who may open that person\u2019s record. Every read and write is audited.' },
        resource: resourceTypes.map((type) => ({
          type,
          versioning: 'versioned-update',
          readHistory: true,
          updateCreate: false,
          conditionalCreate: false,
          conditionalUpdate: false,
          conditionalDelete: 'not-supported',
          interaction: [
            { code: 'read' },
            { code: 'vread' },
            { code: 'search-type' },
            ...(isSharedType(type) || writtenByThePlatformOnly.includes(type) ? [] : [{ code: 'update' }]),
            ...(isSharedType(type) || writtenByThePlatformOnly.includes(type) || type === 'Patient' ? [] : [{ code: 'create' }]),
          ],
          searchInclude: includesOf(type),
          searchParam: ['_id', '_lastUpdated', ...parametersOf(type)].map((name) => ({ name, type: searchParamTypes[name] })),
        })),
        operation: [
          { name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export' },
          { name: 'patient-export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export' },
          { name: 'worklist', definition: `${CONTINUITY_BASE}/OperationDefinition/worklist`, documentation: `name: ${worklistNames.join(', ')}` },
        ],
      },
    ],
  };
}

/** GET /fhir/metadata: public, as FHIR clients ask for it before signing in; it holds no personal data. */
export function capabilityRoutes(fhir: FastifyInstance) {
  fhir.get('/metadata', async (request, reply) => reply.type(FHIR_JSON).send(capabilityStatement(request)));
}
