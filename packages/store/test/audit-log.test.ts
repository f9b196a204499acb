import { describe, expect, it } from 'vitest';
import { recordAudit, type AuditEntry } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';

describe.each(storeKinds)('audit log on $name', (kind) => {
  it('records a trust-wide listing in one go, beyond what one statement can carry', async () => {
    const store = await kind.open();
    try {
      const entries: AuditEntry[] = Array.from({ length: 7000 }, (_, i) => ({
        actorId: 'u1', actorRole: 'team-manager', action: 'worklist', personId: `p${i}`, basis: 'worklist', outcome: 'allowed',
      }));
      await recordAudit(store.db, entries);
      const stored = await store.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(7000);
    } finally {
      await store.close();
    }
  });
});
