import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSearchTerms } from '../src/index.ts';

describe('readSearchTerms', () => {
  it('reads an NHS number typed with or without spaces', () => {
    expect(readSearchTerms('943 476 5919')).toEqual({ nhsNumber: '9434765919', names: [] });
    expect(readSearchTerms('9434765919')).toEqual({ nhsNumber: '9434765919', names: [] });
  });

  it('reads a date of birth in UK order or ISO form next to name words', () => {
    expect(readSearchTerms('Lovelace 10/12/1985')).toEqual({ birthDate: '1985-12-10', names: ['lovelace'] });
    expect(readSearchTerms('ada 1985-12-10')).toEqual({ birthDate: '1985-12-10', names: ['ada'] });
    expect(readSearchTerms('3.2.1990')).toEqual({ birthDate: '1990-02-03', names: [] });
  });

  it('keeps an impossible date as a word rather than guessing', () => {
    expect(readSearchTerms('31/02/1990')).toEqual({ names: ['31/02/1990'] });
  });

  it('never loses a word: every word is a name, the date, or part of the NHS number', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z'-]{1,12}$/), { maxLength: 5 }), (words) => {
        const terms = readSearchTerms(words.join(' '));
        expect(terms.names).toEqual(words.map((w) => w.toLowerCase()));
      }),
    );
  });
});
