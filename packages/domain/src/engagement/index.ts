export * from './engagement-rules.ts';
export * from './engagement-facts.ts';
export * from './evaluate-engagement.ts';
export * from './held-episodes.ts';
export { endOfLondonDay, firstDayOfMonthsTo, londonDateTime, londonDay, londonToday, isoDay, monthsBefore } from './london-calendar.ts';
export { earliestListingDay, newestEventDay } from './listing-horizon.ts';
export * from './escalation-ladder.ts';
export * from './escalation-state.ts';
export { attendedContacts, type AttendedContact } from './attended-contacts.ts';
