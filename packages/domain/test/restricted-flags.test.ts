import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateIntensiveReview, flagForReader, isRestrictedFlag, redFlags, resourcesForReader, restrictedFlagRules, restrictedFlagView, roleNames, system, withheldFlagCodes,
  type IntensiveReviewFacts,
} from '../src/index.ts';

const SECRET = 'Victim at MARAC 2 May: new address withheld from ex-partner';
const restricted = (code: 'marac' | 'mappa', text = SECRET) => ({
  resourceType: 'Flag', id: `f-${code}`, status: 'active', subject: { reference: 'Patient/p' }, period: { start: '2026-05-02' },
  category: [{ coding: [{ system: system.flagCategory, code: 'red-flag' }] }],
  code: { coding: [{ system: system.redFlag, code, display: redFlags[code] }], text },
  author: { reference: 'Practitioner/kw' }, meta: { tag: [{ system: 'urn:t', code: 'x' }] },
});
const police = { resourceType: 'Flag', id: 'f-police', status: 'active', subject: { reference: 'Patient/p' }, code: { coding: [{ system: system.redFlag, code: 'police-contact' }], text: 'Section 136' } };
const bases = ['key-worker', 'team', 'break-glass', 'crisis-line', 'none', 'worklist'];

describe('who may read a MARAC or MAPPA flag', () => {
  it('cites its sources: MAPPA guidance, SafeLives MARAC guidance, Caldicott', () => {
    expect(restrictedFlagRules.sources.map((s) => s.source).join(' ')).toMatch(/MAPPA Guidance.*SafeLives.*Caldicott/s);
    expect(restrictedFlagRules.codes).toEqual(['marac', 'mappa']);
  });

  it('gives the content to key workers, team managers and prescribers with a relationship only', () => {
    for (const role of ['key-worker', 'team-manager', 'prescriber'] as const) {
      expect(restrictedFlagView({ role, basis: 'key-worker' })).toBe('content');
      expect(restrictedFlagView({ role, basis: 'team' })).toBe('content');
      expect(restrictedFlagView({ role, basis: 'break-glass' })).toBe('existence');
    }
    expect(restrictedFlagView({ role: 'crisis-line', basis: 'team' })).toBe('existence');
    expect(restrictedFlagView({ role: 'crisis-line', basis: 'crisis-line' })).toBe('existence');
    for (const role of ['partner-agency', 'board-analyst', 'admin'] as const) expect(restrictedFlagView({ role, basis: 'team' })).toBe('none');
  });

  it('serves the existence as the same Flag with its words withheld and marked REDACTED, and nothing for none', () => {
    const withheld = flagForReader(restricted('mappa'), 'existence')!;
    expect(withheld).toEqual({
      resourceType: 'Flag', id: 'f-mappa', status: 'active', subject: { reference: 'Patient/p' }, period: { start: '2026-05-02' },
      category: [{ coding: [{ system: system.flagCategory, code: 'red-flag' }] }],
      code: { coding: [{ system: system.redFlag, code: 'restricted-multi-agency', display: restrictedFlagRules.withheldText }], text: restrictedFlagRules.withheldText },
      meta: { tag: [{ system: 'urn:t', code: 'x' }], security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'REDACTED', display: 'redacted' }] },
    });
    expect(isRestrictedFlag(withheld)).toBe(false);
    expect(flagForReader(restricted('marac'), 'none')).toBeUndefined();
    expect(flagForReader(restricted('marac'), 'content')).toEqual(restricted('marac'));
    expect(flagForReader(police, 'none')).toBe(police);
    expect(resourcesForReader([police, restricted('marac')], 'none')).toEqual({ shown: [police], withheld: ['f-marac'] });
  });

  it("never lets a restricted flag's words or code reach a reader not entitled to them (property)", () => {
    const reader = fc.record({ role: fc.constantFrom(...roleNames), basis: fc.constantFrom(...bases) });
    const words = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz .,'), { minLength: 8, maxLength: 40 }).map((s) => `secret:${s.join('')}`);
    fc.assert(
      fc.property(reader, fc.constantFrom('marac' as const, 'mappa' as const), words, fc.boolean(), (who, code, text, withPolice) => {
        const view = restrictedFlagView(who);
        const { shown } = resourcesForReader(withPolice ? [police, restricted(code, text)] : [restricted(code, text)], view);
        const served = JSON.stringify(shown);
        const entitled = ['key-worker', 'team-manager', 'prescriber'].includes(who.role) && ['key-worker', 'team'].includes(who.basis);
        expect(served.includes(text)).toBe(entitled);
        expect(served.includes(`"${code}"`)).toBe(entitled);
        expect(served.includes(redFlags[code])).toBe(entitled);
        expect(served.includes('Section 136')).toBe(withPolice);
      }),
    );
  });
});

describe('the intensive-review evidence for a reader entitled only to the existence', () => {
  const facts = (flags: IntensiveReviewFacts['flags']): IntensiveReviewFacts => ({
    personId: 'p', episodes: [{ id: 'eoc', status: 'active', start: '2024-01-01', intensity: 'standard', teamId: 'team-north', teamType: 'cmht' }], referrals: [], conditions: [], antipsychotics: [], admissions: [], legalStatuses: [], flags, concerns: [], auditC: [],
  });
  it('still counts the flag as justice contact, in the withheld words, citing the same Flag', () => {
    const flags = [{ id: 'f1', status: 'active', code: 'marac', start: '2025-02-01' }, { id: 'f2', status: 'active', code: 'arrest', start: '2025-03-01' }];
    const full = evaluateIntensiveReview(facts(flags), '2026-06-30').reasons.find((r) => r.code === 'justice-contact')!;
    expect(full.text).toContain('MARAC case (domestic abuse) (1 Feb 2025)');
    const withheld = evaluateIntensiveReview(facts(withheldFlagCodes(flags)), '2026-06-30').reasons.find((r) => r.code === 'justice-contact')!;
    expect(withheld).toEqual({
      code: 'justice-contact',
      text: 'Contact with the criminal justice system. Red flags from history: a restricted multi-agency flag (ask the key worker or team manager) (1 Feb 2025); arrested (1 Mar 2025).',
      evidence: ['Flag/f1', 'Flag/f2'],
    });
    expect(withheld.text).not.toMatch(/MARAC|MAPPA/);
  });
});
