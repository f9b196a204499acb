import { describe, expect, it } from 'vitest';
import { outcomeRules, reliableChangeRule, type OutcomeSource } from '../src/index.ts';

/**
 * Every score rule cites its sources, and the ones written from the publication as recalled
 * (`checked: false`) are named here one by one. Confirming one against the paper, or adding a new
 * unconfirmed one, changes this list on purpose, so the clinical safety officer sees it (hazard H23).
 */
const unconfirmed = [
  'dialog: Priebe S, McCabe R, Bullenkamp J, et al. Br J Psychiatry 2007;191:420-6 (DIALOG)',
  'reqol-10 total: Keetharuth AD, Brazier J, Connell J, et al. Br J Psychiatry 2018;212:42-9 (ReQoL)',
  'reqol-10 total: ReQoL Scoring Instructions (reqol.org.uk)',
  'honos total: Wing JK, Beevor AS, Curtis RH, et al. Br J Psychiatry 1998;172:11-8 (HoNOS)',
  'honos total: Australian Mental Health Outcomes and Classification Network (AMHOCN), HoNOS data rules',
  'swemwbs metric: Stewart-Brown S, Tennant A, Tennant R, et al. Health Qual Life Outcomes 2009;7:15',
  'swemwbs metric: Ng Fat L, Scholes S, Boniface S, et al. Qual Life Res 2017;26:1129-44',
  'phq-9 total: Missing items',
  'phq-9 total: NHS Talking Therapies for anxiety and depression manual (NHS England), reliable change',
  'gad-7 total: Spitzer RL, Kroenke K, Williams JB, Löwe B. Arch Intern Med 2006;166:1092-7 (GAD-7)',
  'gad-7 total: NHS Talking Therapies for anxiety and depression manual (NHS England), reliable change',
  'reliable change: Jacobson NS, Truax P. J Consult Clin Psychol 1991;59:12-9',
];

const named = (where: string, sources: readonly OutcomeSource[]) => sources.filter((s) => !s.checked).map((s) => `${where}: ${s.source}`);

describe('the outcome rules’ sources', () => {
  it('cite at least one source for every score, and one checked against its text for every reliable change threshold', () => {
    for (const instrument of Object.values(outcomeRules)) {
      for (const score of instrument.scores) {
        expect(score.sources.length, `${instrument.key} ${score.key}`).toBeGreaterThan(0);
        if (score.reliableChange && 'threshold' in score.reliableChange) {
          expect(score.sources.some((s) => s.checked && /reliab/i.test(s.says)), `${instrument.key} ${score.key} reliable change`).toBe(true);
        }
      }
    }
  });

  it('name exactly the sources still awaiting confirmation against the publication', () => {
    const found = [
      ...Object.values(outcomeRules).flatMap((instrument) => [
        ...named(instrument.key, instrument.sources),
        ...instrument.scores.flatMap((score) => named(`${instrument.key} ${score.key}`, score.sources)),
      ]),
      ...named('reliable change', reliableChangeRule.sources),
    ];
    expect(found.sort()).toEqual([...unconfirmed].sort());
  });
});
