-- Summaries sent to a person's GP on their record (docs/gp-documents.md, docs/fhir.md
-- "DocumentReference"): each summary in the outbox (gp_document, migration 022) is also a
-- DocumentReference among the person's records, written in the same transaction, so that the
-- timeline, the FHIR read and search, and the bulk export serve it as they serve every record.
-- `record` is partitioned by resource type: the new type needs its partition, keyed like the others.
CREATE TABLE record_document_reference PARTITION OF record FOR VALUES IN ('DocumentReference');
