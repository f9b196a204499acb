/**
 * Passwords for local accounts (issue 10 part 5). Length and a deny list, not composition rules:
 * NCSC password guidance (2018, "Password administration for system owners") advises against
 * forced complexity and expiry, and for blocking the most common passwords; NHS DSPT 9.5 asks for a
 * password policy in line with it. Sign-in through NHS Care Identity Service replaces these (issue 9).
 */
export const passwordPolicy = {
  minLength: 12,
  maxLength: 128,
  /** The most used passwords and their obvious variants, and words of this service (NCSC: deny lists). */
  denied: [
    'password', 'passw0rd', '123456', '12345678', '123456789', '1234567890', 'qwerty', 'qwertyuiop', 'letmein', 'welcome', 'iloveyou',
    'abc123', 'admin', 'administrator', 'monkey', 'dragon', 'football', 'sunshine', 'princess', 'trustno1', 'changeme', 'default',
    'continuity', 'nhs', 'mentalhealth', 'cmht', 'winter', 'summer', 'spring', 'autumn',
  ],
} as const;

/** What is wrong with a new password, in words for the person choosing it; empty when it is acceptable. */
export function passwordProblems(password: string, about: { username: string; displayName?: string }): string[] {
  const problems: string[] = [];
  if (password.length < passwordPolicy.minLength) problems.push(`must be at least ${passwordPolicy.minLength} characters: three random words make a strong one`);
  if (password.length > passwordPolicy.maxLength) problems.push(`must be at most ${passwordPolicy.maxLength} characters`);
  const folded = password.toLowerCase().replace(/[^a-z0-9]/g, '');
  // A common password with digits or symbols added ("Password2026!") is still a common password.
  const stem = folded.replace(/\d+$/, '');
  if (passwordPolicy.denied.some((word) => folded === word || stem === word || (word.length >= 6 && folded.includes(word)))) {
    problems.push('is one of the most used passwords or a word of this service: choose something others would not guess');
  }
  const names = [about.username, ...(about.displayName ?? '').split(/\s+/)].map((n) => n.toLowerCase().replace(/[^a-z0-9]/g, '')).filter((n) => n.length >= 3);
  if (names.some((n) => folded.includes(n))) problems.push('must not contain your username or name');
  if (/^(.)\1+$/.test(password) || new Set(password).size < 5) problems.push('must not be one character repeated or a handful of characters');
  return problems;
}
