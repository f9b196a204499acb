import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkAsset, checkReferralStep, editsDirectory, mayEditAsset, communityReferralResource, distanceKm, normalisePostcode, parseCsv, rankAssets, readAssetRows, readCentroidRows, referralHistory, type AssetEntry,
} from '../src/index.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';

const entry: AssetEntry = {
  name: 'Bridge Recovery College', kind: 'recovery-college', needs: ['education', 'peer-support'], postcode: 'bs1 4dj', accessibility: ['step-free'], languages: ['English', 'Polish'], maintainerId: 'vcse-1',
  email: 'hello@bridge.example', website: 'https://bridge.example', phone: '0117 900 0000',
};

describe('distance between postcode centroids', () => {
  it('is the great-circle distance in kilometres', () => {
    // Bristol Temple Meads to Weston-super-Mare station: about 29 km as the crow flies.
    expect(distanceKm({ latitude: 51.4491, longitude: -2.5813 }, { latitude: 51.3443, longitude: -2.9714 })).toBeCloseTo(29.3, 0);
    expect(distanceKm({ latitude: 51.45, longitude: -2.58 }, { latitude: 51.45, longitude: -2.58 })).toBe(0);
    // One degree of latitude is about 111.2 km everywhere.
    expect(distanceKm({ latitude: 50, longitude: 0 }, { latitude: 51, longitude: 0 })).toBeCloseTo(111.2, 0);
  });

  it('is symmetric, never negative, and obeys the triangle inequality', () => {
    const point = fc.record({ latitude: fc.double({ min: 49, max: 61, noNaN: true }), longitude: fc.double({ min: -9, max: 2, noNaN: true }) });
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
        expect(distanceKm(a, b)).toBeGreaterThanOrEqual(0);
        expect(distanceKm(a, c)).toBeLessThanOrEqual(distanceKm(a, b) + distanceKm(b, c) + 1e-9);
      }),
    );
  });

  it('writes a postcode one way and refuses what is not one', () => {
    expect(normalisePostcode(' bs14dj ')).toBe('BS1 4DJ');
    expect(normalisePostcode('SW1A 1AA')).toBe('SW1A 1AA');
    expect(normalisePostcode('BS1')).toBeNull();
    expect(normalisePostcode('not a postcode')).toBeNull();
  });
});

describe('search ranking', () => {
  const place = (latitude: number) => ({ latitude, longitude: -2.6 });
  const assets = [
    { id: 'far', name: 'Far Housing', needs: ['housing'], languages: ['English'], accessibility: ['step-free'], location: place(51.6) },
    { id: 'near', name: 'Near Housing', needs: ['housing'], languages: ['English', 'Somali'], accessibility: ['step-free', 'bsl'], location: place(51.46) },
    { id: 'nowhere', name: 'A Housing line', needs: ['housing'], languages: ['English'], accessibility: ['online-or-phone'], location: null },
    { id: 'jobs', name: 'Jobs', needs: ['employment'], languages: ['English'], accessibility: [], location: place(51.45) },
  ];

  it('keeps only the need asked for, nearest first with the distance, those without a place last', () => {
    const found = rankAssets(assets, { need: 'housing', from: place(51.45) }, distanceKm);
    expect(found.map((a) => [a.id, a.distanceKm])).toEqual([['near', 1.1], ['far', 16.7], ['nowhere', null]]);
  });

  it('filters by language (any case) and by every accessibility feature asked for', () => {
    expect(rankAssets(assets, { language: 'somali' }, distanceKm).map((a) => a.id)).toEqual(['near']);
    expect(rankAssets(assets, { accessibility: ['step-free'] }, distanceKm).map((a) => a.id)).toEqual(['far', 'near']);
    expect(rankAssets(assets, { accessibility: ['step-free', 'bsl'] }, distanceKm).map((a) => a.id)).toEqual(['near']);
  });

  it('without a place to search from, lists by name with no distance', () => {
    expect(rankAssets(assets, { need: 'housing' }, distanceKm).map((a) => [a.id, a.distanceKm])).toEqual([['nowhere', null], ['far', null], ['near', null]]);
  });
});

describe('a directory entry', () => {
  it('is kept with its postcode in one written form and lists without repeats', () => {
    const checked = checkAsset({ ...entry, needs: ['education', 'education'] });
    expect(checked).toMatchObject({ ok: true, asset: { postcode: 'BS1 4DJ', needs: ['education'], eligibility: null } });
  });

  it('names every field at fault', () => {
    const checked = checkAsset({ ...entry, name: ' ', kind: 'hospital', needs: ['flying'], postcode: 'nowhere', email: 'no', website: 'ftp://x', accessibility: ['lift'], maintainerId: '' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => p.field)).toEqual(['name', 'kind', 'needs', 'postcode', 'email', 'website', 'accessibility', 'maintainerId']);
  });
});

describe('who edits the directory', () => {
  it('lets staff edit any entry, a partner only its own organisation’s, and the board none', () => {
    expect(mayEditAsset({ role: 'key-worker', organisationId: null }, 'vcse-1')).toBe(true);
    expect(mayEditAsset({ role: 'partner-agency', organisationId: 'vcse-1' }, 'vcse-1')).toBe(true);
    expect(mayEditAsset({ role: 'partner-agency', organisationId: 'vcse-2' }, 'vcse-1')).toBe(false);
    expect(mayEditAsset({ role: 'partner-agency', organisationId: null }, 'vcse-1')).toBe(false);
    expect(mayEditAsset({ role: 'board-analyst', organisationId: null }, 'vcse-1')).toBe(false);
    expect(editsDirectory({ role: 'partner-agency', organisationId: null })).toBe(false);
    expect(editsDirectory({ role: 'admin', organisationId: null })).toBe(true);
  });
});

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"\nthere']]);
    expect(() => parseCsv('a,"b')).toThrow(/quote not closed/i);
  });

  const header = 'external_id,name,kind,needs,postcode,maintainer,languages';
  it('reads rows into entries, lists split by semicolons', () => {
    const { assets, problems } = readAssetRows(parseCsv(`${header}\nbrc-1,Bridge,recovery-college,education;peer-support,BS1 4DJ,vcse-1,English;Polish`));
    expect(problems).toEqual([]);
    expect(assets).toMatchObject([{ row: 2, externalId: 'brc-1', asset: { needs: ['education', 'peer-support'], languages: ['English', 'Polish'], postcode: 'BS1 4DJ' } }]);
  });

  it('names the row and column of every problem', () => {
    const csv = `${header}\nbrc-1,Bridge,recovery-college,education,BS1 4DJ,vcse-1,English\nbad id,,pub,education,BS1,vcse-1,\nbrc-1,Again,housing,housing,BS2 0AA,vcse-1,\nshort,row`;
    expect(readAssetRows(parseCsv(csv)).problems).toEqual([
      { row: 3, column: 'external_id', message: 'must be 1 to 64 letters, digits, hyphens or dots' },
      { row: 3, column: 'name', message: 'is required' },
      { row: 3, column: 'kind', message: expect.stringContaining('must be one of') },
      { row: 3, column: 'postcode', message: expect.stringContaining('UK postcode') },
      { row: 4, column: 'external_id', message: 'is also on row 2' },
      { row: 5, column: 'kind', message: 'has 2 fields where the header has 7' },
    ]);
  });

  it('refuses a header without a required column or with one it does not know', () => {
    expect(readAssetRows(parseCsv('name,kind,colour\n')).problems.map((p) => `${p.row} ${p.column}`)).toEqual(['1 external_id', '1 needs', '1 postcode', '1 maintainer', '1 colour']);
  });

  it('reads postcode centroids, under their own names or the ONS Postcode Directory names', () => {
    expect(readCentroidRows(parseCsv('pcds,lat,long\nbs14dj,51.45,-2.59\nBS1,91,3'))).toEqual({
      centroids: [{ postcode: 'BS1 4DJ', latitude: 51.45, longitude: -2.59 }],
      problems: [{ row: 3, column: 'postcode', message: 'must be a UK postcode' }, { row: 3, column: 'latitude', message: expect.any(String) }, { row: 3, column: 'longitude', message: expect.any(String) }],
    });
  });
});

describe('a referral to a community asset', () => {
  it('goes sent → accepted or declined (with a reason) → attended or did not attend, and no other way', () => {
    expect(checkReferralStep('sent', 'accepted', null)).toEqual({ ok: true, status: 'accepted' });
    expect(checkReferralStep('sent', 'declined', ' ')).toMatchObject({ ok: false, problems: [{ field: 'reason' }] });
    expect(checkReferralStep('sent', 'declined', 'No places until spring')).toEqual({ ok: true, status: 'declined' });
    expect(checkReferralStep('sent', 'attended', null)).toMatchObject({ ok: false, problems: [{ field: 'status', message: 'cannot follow sent: the next step is accepted or declined' }] });
    expect(checkReferralStep('accepted', 'did-not-attend', null)).toEqual({ ok: true, status: 'did-not-attend' });
    expect(checkReferralStep('declined', 'accepted', null)).toMatchObject({ ok: false, problems: [{ field: 'status', message: 'cannot change: the referral is declined' }] });
    expect(checkReferralStep('sent', 'sent', null)).toMatchObject({ ok: false });
  });

  it('is a valid FHIR R4 ServiceRequest whose status follows the closed loop, with every step kept', () => {
    const referral = {
      id: 'r1', personId: 'ada', asset: { id: 'brc', name: 'Bridge', maintainerId: 'vcse-1' }, need: 'education', reason: 'Wants to try a course', requester: { practitionerId: 'pr-1', name: 'Kim Key' },
      history: [{ status: 'sent' as const, date: '2026-11-01' }, { status: 'declined' as const, date: '2026-11-03', reason: 'Course full' }],
    };
    const resource = communityReferralResource(referral);
    expect(fhirR4SchemaErrors(resource)).toEqual([]);
    expect(resource).toMatchObject({ status: 'revoked', authoredOn: '2026-11-01', performer: [{ reference: 'HealthcareService/brc' }, { reference: 'Organization/vcse-1' }] });
    expect(referralHistory(resource)).toEqual(referral.history);
    expect(communityReferralResource({ ...referral, history: [referral.history[0]!] }).status).toBe('active');
  });
});
