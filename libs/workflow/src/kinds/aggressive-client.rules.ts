import { message } from '../i18n/message';
import type { CaseContext, FieldErrors } from '../progress-types';

/**
 * Standard 22 pkt 6: the first mild insult is ignored, but a vulgar or repeated one must be met
 * with the worded protest, so the log must say when it was given.
 */
export function protestRule(data: Record<string, unknown>, _ctx: CaseContext): FieldErrors {
  const events = Array.isArray(data['events']) ? (data['events'] as { kind?: unknown }[]) : [];
  const insults = events.filter((e) => e.kind === 'insult' || e.kind === 'vulgar_insult');
  const protestDue = insults.some((e) => e.kind === 'vulgar_insult') || insults.length >= 2;
  if (protestDue && data['protestGivenAt'] === undefined) {
    return {
      protestGivenAt: [message('incident.protestRequired')],
    };
  }
  return {};
}
