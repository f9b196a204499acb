/** Where a summary to the GP is in its delivery (docs/gp-documents.md, "Sending: an outbox"), in words: on its page and on the person's timeline. */
export const deliveryStatusWords = {
  queued: 'Waiting to be sent to the practice',
  delivered: 'Delivered to the practice',
  failed: 'Not delivered yet',
  'in-app': 'Ready for the practice to read in Continuity',
} as const;

export type DeliveryStatusCode = keyof typeof deliveryStatusWords;
