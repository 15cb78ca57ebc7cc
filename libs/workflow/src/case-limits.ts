/**
 * How long each text about a case may be, in characters. The API's request validation and the SPA's
 * forms both take them from here.
 */
export const CASE_TEXT_LIMITS = {
  subject: 300,
  description: 10000,
  clientName: 300,
  clientAddress: 500,
  clientPhone: 50,
  /** RFC 5321's limit on a forward path. */
  clientEmail: 254,
  clientAccommodation: 500,
  /** Why a step was skipped or reopened, why a deadline moved, a closing note. */
  reason: 2000,
  /** Standard 17: what the matter is about, for whoever takes it over. */
  transferNote: 4000,
} as const;

/** How long a follow-up promise's description may be (standard 17: what was promised). */
export const PROMISE_TEXT_LIMITS = { description: 1000 } as const;
