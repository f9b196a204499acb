-- The carer-concerns worklist finds every carer's concern (a Communication with category
-- carer-concern, docs/fhir.md) on each load; without this it reads every Communication in the
-- trust. Partial, so other communications cost nothing; per partition, so no resource_type.
CREATE INDEX record_communication_carer_concern_by_person ON record_communication (person_id)
  WHERE resource @> '{"category":[{"coding":[{"system":"https://continuity.health/fhir/CodeSystem/communication-category","code":"carer-concern"}]}]}';
