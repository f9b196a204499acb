import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, listAudit, writeMhsdsExport, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { mhsdsScenario } from './support/mhsds-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

const csv = (...lines: string[]) => lines.map((l) => `${l}\r\n`).join('');

describe.each(storeKinds)('the MHSDS export on $name', (kind) => {
  let store: Store;
  let dir: string;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(mhsdsScenario()));
    expect(report.errors).toEqual([]);
    dir = join(mkdtempSync(join(tmpdir(), 'continuity-mhsds-')), 'out');
  });
  afterAll(async () => {
    await store.close();
  });

  it('writes each MHSDS table with exactly the rows the records give, and audits the run once with counts', async () => {
    const progress: number[] = [];
    const summary = await writeMhsdsExport(store, dir, (done) => progress.push(done));
    const read = (table: string) => readFileSync(join(dir, `${table}.csv`), 'utf8');

    expect(read('MHS001MPI')).toBe(csv(
      'LocalPatientId,NHSNumber,PersonBirthDate,Gender,GenderIDCode,EthnicCategory,LanguageCodePreferred,Postcode,PersDeathDate',
      'ana,9990007101,1985-02-03,2,2,N,pl,BS1 4DJ,',
      // Died at 00:30 BST on 1 June: 1 June in England, though 31 May in UTC.
      'ben,9990007128,1970-07-07,1,,,,,2026-06-01',
      'cy,,1990-01-01,9,,,,,',
    ));
    expect(read('MHS002GP')).toBe(csv('LocalPatientId,GMPCodeReg', 'ana,L81001'));
    expect(read('MHS006MHCareCoord')).toBe(csv(
      'LocalPatientId,CareProfLocalId,StartDateAssCareCoord,EndDateAssCareCoord',
      'ana,kw-north,2026-03-10,',
      'ben,kw-south,2025-01-01,2026-05-01',
    ));
    expect(read('MHS101Referral')).toBe(csv(
      'LocalPatientId,ServiceRequestId,ReferralRequestReceivedDate,ReferralRequestReceivedTime,SourceOfReferralMH,ClinRespPriorityType,ReferRejectionDate,ServDischDate',
      'ana,ref-ana,2026-03-01,09:30:00,A1,3,,',
      'ben,ref-ben,2026-04-02,,B1,2,2026-04-05,',
      'ben,ref-ben-old,2024-12-01,,H1,3,,2026-05-01',
    ));
    expect(read('MHS201CareContact')).toBe(csv(
      'LocalPatientId,CareContactId,ServiceRequestId,CareProfTeamLocalId,CareContDate,CareContTime,ConsMechanismMH,ActLocTypeCode,AttendOrDNACode',
      'ana,ana-e2,ref-ana,team-north,2026-06-20,,02,,5',
      'ana,ana-a1,ref-ana,team-north,2026-06-10,14:00:00,01,A01,5',
      'ana,ana-a2,ref-ana,team-north,2026-06-17,10:00:00,01,,3',
      'ana,ana-a3,,,2026-06-18,09:00:00,02,,2',
      'ana,ana-a4,,,2026-06-19,11:00:00,11,,4',
    ));
    // A CTO's LegalStatusCode is empty: the record's 17 is section 48/49 in the NHS Data Dictionary list (docs/mhsds-export.md).
    expect(read('MHS401MHActPeriod')).toBe(csv(
      'LocalPatientId,MHActLegalStatusClassPeriodId,LegalStatusCode,StartDateMHActLegalStatusClass,StartTimeMHActLegalStatusClass,ExpiryDateMHActLegalStatusClass,EndDateMHActLegalStatusClass',
      'ana,ana-cto,,2026-02-20,,2026-08-19,',
      'ana,ana-s3,03,2026-01-05,23:30:00,,2026-02-20',
    ));
    expect(read('MHS606CodedScoreAssessmentRefer')).toBe(csv(
      'LocalPatientId,CodedAssToolType,PersScore,AssToolCompTimestamp,LocalScoreKey,LocalAssessmentId',
      'ana,,10,2026-06-10T15:00:00+01:00,honos/total,ana-honos',
      'ana,720433000,12,2026-06-10,phq-9/total,ana-phq',
    ));

    expect(summary).toMatchObject({ people: 3, specification: expect.stringContaining('v5.0') });
    expect(Object.fromEntries(summary.tables.map((t) => [t.table, t.rows]))).toEqual({
      MHS001MPI: 3, MHS002GP: 1, MHS006MHCareCoord: 2, MHS101Referral: 3, MHS201CareContact: 5, MHS401MHActPeriod: 2, MHS606CodedScoreAssessmentRefer: 2,
    });
    expect(progress.at(-1)).toBe(3);
    // Everyone's person-level data: only the owner may read the files.
    expect(statSync(join(dir, 'MHS001MPI.csv')).mode & 0o077).toBe(0);

    const audit = (await listAudit(store.db, { actorId: 'cli:export' })).filter((e) => e.action === 'export-mhsds');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ personId: null, basis: 'system', outcome: 'allowed', detail: { people: 3, rows: { MHS001MPI: 3, MHS201CareContact: 5 } } });
    expect(JSON.stringify(audit[0]!.detail)).not.toMatch(/9990007101|ana/);
  });

  it('refuses a folder that already holds files, leaving them as they were', async () => {
    const busy = mkdtempSync(join(tmpdir(), 'continuity-mhsds-busy-'));
    writeFileSync(join(busy, 'MHS001MPI.csv'), 'keep me');
    await expect(writeMhsdsExport(store, busy)).rejects.toThrow(/is not empty/);
    expect(readFileSync(join(busy, 'MHS001MPI.csv'), 'utf8')).toBe('keep me');
  });
});
