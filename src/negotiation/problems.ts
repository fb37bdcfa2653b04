import type { Msg } from '../i18n/locale.ts';

/** Something in the doc's sign-offs or comments that does not fit the schema: skipped, and said. */
export interface NegotiationProblem {
  code: 'invalid-signoff' | 'invalid-comment';
  /** The doc key that was skipped (cut to 80 characters). */
  key: string;
  message: Msg;
}
