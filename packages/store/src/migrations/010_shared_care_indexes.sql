-- Shared care agreements are CarePlans with category shared-care-agreement (docs/fhir.md). A GP
-- practice's page reads its agreements by CarePlan.contributor on every load, and the shared-care
-- worklist finds the people who have agreements; without these, each reads every care plan in the
-- trust. Per partition, so they need no resource_type in the key; partial, so ordinary care plans
-- cost nothing.
CREATE INDEX record_care_plan_shared_care_by_contributor ON record_care_plan USING gin ((resource->'contributor') jsonb_path_ops)
  WHERE resource @> '{"category":[{"coding":[{"system":"https://continuity.health/fhir/CodeSystem/care-plan-category","code":"shared-care-agreement"}]}]}';
CREATE INDEX record_care_plan_shared_care_by_person ON record_care_plan (person_id)
  WHERE resource @> '{"category":[{"coding":[{"system":"https://continuity.health/fhir/CodeSystem/care-plan-category","code":"shared-care-agreement"}]}]}';
