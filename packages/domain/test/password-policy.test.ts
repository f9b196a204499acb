import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passwordProblems, passwordPolicy } from '../src/index.ts';

const about = { username: 'gokafor', displayName: 'Grace Okafor' };

describe('the password policy for local accounts', () => {
  it('accepts a long passphrase and refuses one a character short', () => {
    expect(passwordProblems('kettle river lantern', about)).toEqual([]);
    expect(passwordProblems('kettle-river', about)).toEqual([]);
    expect(passwordProblems('kettle-rive', about)).toEqual(['must be at least 12 characters: three random words make a strong one']);
    expect(passwordProblems('x'.repeat(passwordPolicy.maxLength + 1).replace(/x/g, (_, i: number) => 'abcdefgh'[i % 8]!), about)).toEqual([`must be at most ${passwordPolicy.maxLength} characters`]);
  });

  it('refuses the most used passwords however they are dressed up, and words of this service', () => {
    for (const common of ['Password2026!', 'passwordpassword', 'QWERTYUIOP12', 'Continuity-2026', 'Welcome123456', 'Football1990!']) {
      expect(passwordProblems(common, about), common).toContain('is one of the most used passwords or a word of this service: choose something others would not guess');
    }
  });

  it('refuses a password holding the username or name, or a handful of characters', () => {
    expect(passwordProblems('my name is Okafor!', about)).toEqual(['must not contain your username or name']);
    expect(passwordProblems('gokafor-at-work', about)).toEqual(['must not contain your username or name']);
    expect(passwordProblems('aaaaaaaaaaaaaa', about)).toEqual(['must not be one character repeated or a handful of characters']);
    expect(passwordProblems('abababababab', about)).toEqual(['must not be one character repeated or a handful of characters']);
  });

  it('never accepts anything shorter than the minimum', () => {
    fc.assert(fc.property(fc.string({ maxLength: passwordPolicy.minLength - 1 }), (password) => passwordProblems(password, about).length > 0));
  });
});
