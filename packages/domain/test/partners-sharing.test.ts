import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreementGrantsAccess, agreementState, checkAgreement, checkWishes, legalBases, partnerConcernRecords, sharedWithPartner, sharingCategoryCodes, sharingWishConsent, sharingWishOf,
  type LegalBasis, type SharingAgreement, type SharingCategory, type SharingWish,
} from '@continuity/domain';

const police = 'police-1';
const agreement = (overrides: Partial<SharingAgreement> = {}): SharingAgreement => ({
  id: 'isa-1', title: 'Police and mental health', purpose: 'Welfare checks', legalBasis: 'crime-and-disorder', partners: [police],
  categories: ['identity', 'key-worker-and-team', 'red-flags'], startDate: '2026-01-01', reviewDate: '2026-12-31', status: 'active', ...overrides,
});
const wish = (overrides: Partial<SharingWish> = {}): SharingWish => ({
  id: 'c-1', personId: 'ada', organisationId: police, decision: 'agreed', objections: [], date: '2026-02-01', recordedBy: 'Grace Okafor', linked: true, ...overrides,
});

describe('information-sharing agreements', () => {
  it('grant access from the start date to the review date, flag the review 30 days before, and stop after it', () => {
    const a = agreement();
    expect(agreementState(a, '2025-12-31')).toBe('not-started');
    expect(agreementState(a, '2026-01-01')).toBe('live');
    expect(agreementState(a, '2026-12-01')).toBe('live');
    expect(agreementState(a, '2026-12-02')).toBe('review-due');
    expect(agreementState(a, '2026-12-31')).toBe('review-due');
    expect(agreementState(a, '2027-01-01')).toBe('review-overdue');
    expect(['2026-01-01', '2026-12-31'].map((d) => agreementGrantsAccess(a, d))).toEqual([true, true]);
    expect(['2025-12-31', '2027-01-01'].map((d) => agreementGrantsAccess(a, d))).toEqual([false, false]);
    expect(agreementGrantsAccess(agreement({ status: 'draft' }), '2026-06-01')).toBe(false);
    expect(agreementGrantsAccess(agreement({ status: 'ended' }), '2026-06-01')).toBe(false);
  });

  it('refuse an agreement with unknown codes, no partner, no identity or dates out of order, naming each field', () => {
    const result = checkAgreement({ id: 'x', title: ' ', purpose: 'p', legalBasis: 'because', partners: [], categories: ['contact'], startDate: '2026-02-30', reviewDate: '2026-01-01', status: 'live' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.field)).toEqual(['title', 'legalBasis', 'partners', 'categories', 'status', 'startDate']);
    const late = checkAgreement({ ...agreement(), reviewDate: '2030-01-01' });
    expect(!late.ok && late.problems).toEqual([{ field: 'reviewDate', message: 'must be within 3 years of the start date' }]);
    const ok = checkAgreement({ ...agreement(), partners: [police, police], categories: ['red-flags', 'identity'] });
    expect(ok.ok && ok.agreement).toMatchObject({ partners: [police], categories: ['identity', 'red-flags'] });
  });

  it('every legal basis names its source', () => {
    for (const basis of Object.values(legalBases)) expect(basis.source).toMatch(/\S/);
  });
});

describe('what a partner is shown', () => {
  it('on a basis other than consent: the agreement’s categories, whatever the person objected to', () => {
    expect(sharedWithPartner(police, [agreement()], wish({ decision: 'declined', objections: ['red-flags'] }), '2026-06-01')).toEqual({ categories: ['identity', 'key-worker-and-team', 'red-flags'], agreementIds: ['isa-1'] });
  });

  it('on consent: only when the person agreed, minus what they object to', () => {
    const onConsent = agreement({ legalBasis: 'consent' });
    expect(sharedWithPartner(police, [onConsent], wish({ objections: ['red-flags'] }), '2026-06-01').categories).toEqual(['identity', 'key-worker-and-team']);
    expect(sharedWithPartner(police, [onConsent], wish({ decision: 'declined' }), '2026-06-01').categories).toEqual([]);
    expect(sharedWithPartner(police, [onConsent], wish({ decision: 'not-asked' }), '2026-06-01').categories).toEqual([]);
  });

  it('nothing when not linked, linked to another partner, or under no live agreement', () => {
    expect(sharedWithPartner(police, [agreement()], wish({ linked: false }), '2026-06-01').categories).toEqual([]);
    expect(sharedWithPartner(police, [agreement()], undefined, '2026-06-01').categories).toEqual([]);
    expect(sharedWithPartner(police, [agreement()], wish({ organisationId: 'vcse-1' }), '2026-06-01').categories).toEqual([]);
    expect(sharedWithPartner(police, [agreement({ partners: ['vcse-1'] })], wish(), '2026-06-01').categories).toEqual([]);
    expect(sharedWithPartner(police, [agreement()], wish(), '2027-01-01')).toEqual({ categories: [], agreementIds: [] });
  });

  it('adds up live agreements with the same partner', () => {
    const second = agreement({ id: 'isa-2', legalBasis: 'consent', categories: ['identity', 'contact', 'appointments'] });
    expect(sharedWithPartner(police, [agreement(), second], wish({ objections: ['appointments'] }), '2026-06-01')).toEqual({ categories: ['identity', 'contact', 'key-worker-and-team', 'red-flags'], agreementIds: ['isa-1', 'isa-2'] });
  });

  it('never shares a category outside every live agreement’s categories, nor one objected to under consent (property)', () => {
    const category = fc.constantFrom(...sharingCategoryCodes);
    const day = fc.integer({ min: 0, max: 1000 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    const anAgreement = fc.record({
      id: fc.uuid(),
      legalBasis: fc.constantFrom(...(Object.keys(legalBases) as LegalBasis[])),
      partners: fc.subarray([police, 'vcse-1', 'gp-1'], { minLength: 1 }),
      categories: fc.uniqueArray(category).map((cs) => ['identity', ...cs.filter((c) => c !== 'identity')] as SharingCategory[]),
      startDate: day,
      length: fc.integer({ min: 1, max: 700 }),
      status: fc.constantFrom('draft' as const, 'active' as const, 'ended' as const),
    }).map(({ length, ...a }) => ({ ...a, title: 't', purpose: 'p', reviewDate: new Date(Date.parse(a.startDate) + length * 86_400_000).toISOString().slice(0, 10) }));
    const aWish = fc.record({
      decision: fc.constantFrom('agreed' as const, 'declined' as const, 'not-asked' as const),
      objections: fc.uniqueArray(category.filter((c) => c !== 'identity')).map((cs) => cs as SharingCategory[]),
      linked: fc.boolean(),
      organisationId: fc.constantFrom(police, 'vcse-1'),
    });
    fc.assert(
      fc.property(fc.array(anAgreement, { maxLength: 4 }), aWish, day, (agreements, w, today) => {
        const shown = sharedWithPartner(police, agreements, wish(w), today);
        const live = agreements.filter((a) => a.partners.includes(police) && agreementGrantsAccess(a, today));
        for (const c of shown.categories) {
          const granting = live.filter((a) => a.categories.includes(c) && (!legalBases[a.legalBasis].restsOnConsent || (w.decision === 'agreed' && !w.objections.includes(c))));
          expect(granting.length, c).toBeGreaterThan(0);
        }
        if (!w.linked || w.organisationId !== police || live.length === 0) expect(shown.categories).toEqual([]);
        expect(shown.categories.length === 0 || shown.categories.includes('identity')).toBe(true);
        for (const id of shown.agreementIds) expect(live.map((a) => a.id)).toContain(id);
      }),
      { numRuns: 500 },
    );
  });
});

describe('sharing wishes as a Consent', () => {
  it('read back exactly as recorded, and tell a partner-sharing Consent from any other', () => {
    for (const w of [wish(), wish({ decision: 'declined', objections: ['contact', 'red-flags'] }), wish({ decision: 'not-asked', linked: true }), wish({ linked: false })]) {
      const consent = sharingWishConsent(w);
      expect(sharingWishOf('ada', consent)).toEqual(w);
    }
    expect(sharingWishConsent(wish({ decision: 'not-asked' })).status).toBe('proposed');
    expect((sharingWishConsent(wish({ decision: 'declined' })) as any).provision.type).toBe('deny');
    expect(sharingWishOf('ada', { resourceType: 'Consent', id: 'gp', status: 'active', provision: { type: 'permit', actor: [{ reference: { reference: 'Organization/gp-1' } }] } })).toBeUndefined();
  });

  it('refuse unknown decisions, unknown objections, an objection to identity and a future day', () => {
    const result = checkWishes({ decision: 'maybe', objections: ['identity'], date: '2026-07-01', today: '2026-06-01' });
    expect(!result.ok && result.problems.map((p) => p.field)).toEqual(['date', 'decision', 'objections']);
    expect(checkWishes({ decision: 'agreed', objections: ['gossip'], date: '2026-06-01', today: '2026-06-01' })).toMatchObject({ ok: false, problems: [{ field: 'objections' }] });
  });
});

describe("a partner's concern", () => {
  it('is a Communication in the partner’s words and an active red flag authored by the partner that points to it', () => {
    const { communication, flag } = partnerConcernRecords({ id: 'c1', personId: 'ada', organisationId: police, organisationName: 'Avon Police', teamIds: ['team-north'], words: '  Found wandering at night.  ', at: '2026-06-01T22:00:00.000Z', day: '2026-06-01' });
    expect(communication).toMatchObject({ resourceType: 'Communication', id: 'c1', sender: { reference: `Organization/${police}` }, recipient: [{ reference: 'Organization/team-north' }], payload: [{ contentString: '  Found wandering at night.  ' }] });
    expect(flag).toMatchObject({ resourceType: 'Flag', id: 'c1-flag', status: 'active', author: { reference: `Organization/${police}` }, code: { coding: [{ code: 'partner-concern' }] }, period: { start: '2026-06-01' } });
  });
});
