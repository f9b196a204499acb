import { describe, expect, it } from 'vitest';
import { recordAudit, type AuditEntry } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';

describe.each(storeKinds)('audit log on $name', (kind) => {
  it('records a trust-wide listing in one go, beyond what one statement of one row per value could carry', async () => {
    const store = await kind.open();
    try {
      const entries: AuditEntry[] = Array.from({ length: 7000 }, (_, i) => ({
        actorId: 'u1', actorRole: 'team-manager', action: 'worklist', personId: `p${i}`, basis: 'worklist', outcome: 'allowed',
      }));
      await recordAudit(store.db, entries);
      const stored = await store.db.selectFrom('audit_event').select('person_id').orderBy('id').execute();
      expect(stored.map((r) => r.person_id)).toEqual(entries.map((e) => e.personId));
    } finally {
      await store.close();
    }
  });

  it('keeps every field as given, in order, whatever characters it holds', async () => {
    const store = await kind.open();
    try {
      const awkward = ['quote " and \' ', 'back\\slash', '{braces,comma}', 'NULL', 'Zoë 😀', 'tab\tand\nline'];
      const entries: AuditEntry[] = awkward.map((text, i) => ({
        actorId: `u${i}`, actorRole: 'key-worker', action: 'read-record', personId: i % 2 ? null : text, resourceType: 'CarePlan', resourceId: text,
        basis: 'break-glass', reason: text, outcome: i === 3 ? 'refused' : 'allowed', detail: i === 1 ? undefined : { note: text, n: i, list: [text] },
      }));
      await recordAudit(store.db, entries);
      const stored = await store.db.selectFrom('audit_event')
        .select(['actor_id', 'actor_role', 'action', 'person_id', 'resource_type', 'resource_id', 'basis', 'reason', 'outcome', 'detail']).orderBy('id').execute();
      expect(stored).toEqual(entries.map((e) => ({
        actor_id: e.actorId, actor_role: e.actorRole, action: e.action, person_id: e.personId ?? null, resource_type: e.resourceType, resource_id: e.resourceId,
        basis: e.basis, reason: e.reason, outcome: e.outcome, detail: e.detail ?? null,
      })));
    } finally {
      await store.close();
    }
  });

  it('stores none of the entries when one cannot be stored', async () => {
    const store = await kind.open();
    try {
      const entries = [
        { actorId: 'u1', actorRole: 'key-worker', action: 'read-record', personId: 'p1', basis: 'key-worker', outcome: 'allowed' },
        { actorId: 'u1', actorRole: 'key-worker', action: 'read-record', personId: 'p2', basis: 'key-worker', outcome: 'perhaps' },
      ] as AuditEntry[];
      await expect(recordAudit(store.db, entries)).rejects.toThrow();
      const stored = await store.db.selectFrom('audit_event').select('id').execute();
      expect(stored).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
