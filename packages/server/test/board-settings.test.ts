import { describe, expect, it } from 'vitest';
import { boardMaxAgeMinutesSetting } from '../src/board/board-settings.ts';

describe('the board’s maximum age setting (CONTINUITY_BOARD_MAX_AGE_MINUTES)', () => {
  it('is 15 minutes unless set, and takes a whole number of minutes from 0 to a day', () => {
    expect(boardMaxAgeMinutesSetting({})).toBe(15);
    expect(boardMaxAgeMinutesSetting({ CONTINUITY_BOARD_MAX_AGE_MINUTES: ' ' })).toBe(15);
    expect(boardMaxAgeMinutesSetting({ CONTINUITY_BOARD_MAX_AGE_MINUTES: '0' })).toBe(0);
    expect(boardMaxAgeMinutesSetting({ CONTINUITY_BOARD_MAX_AGE_MINUTES: '1440' })).toBe(1440);
  });

  it('refuses anything else at start-up, saying what it must be', () => {
    for (const bad of ['1441', '-1', '2.5', 'ten', '15m']) {
      expect(() => boardMaxAgeMinutesSetting({ CONTINUITY_BOARD_MAX_AGE_MINUTES: bad }), bad).toThrow(/CONTINUITY_BOARD_MAX_AGE_MINUTES must be a whole number of minutes from 0 to 1440/);
    }
  });
});
