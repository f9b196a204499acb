/** What a partner is shown of one person: only the keys of the categories shared, nothing else, not even empty. */
export interface SharedPerson {
  id: string;
  identity?: { name: { family: string | null; given: string | null }; nhsNumber: string | null; birthDate: string | null };
  contact?: { phone: string | null; postcode: string | null };
  'key-worker-and-team'?: Array<{ team: string | null; keyWorker: string | null }>;
  'care-plan-summary'?: { since: string | null; lastReviewed: string | null; goals: string[] } | null;
  'crisis-plan'?: { lastReviewed: string | null; crisisContact: string | null; sections: Array<{ label: string; text: string }> } | null;
  'current-medicines'?: Array<{ name: string; dose: string | null }>;
  appointments?: Array<{ start: string; end: string | null }>;
  'red-flags'?: Array<{ text: string; since: string | null }>;
}
