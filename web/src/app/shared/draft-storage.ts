/*
 * Where form drafts are kept (sessionStorage, one key per user, route and form). Apart from `formDraft`
 * so that signing out can discard the drafts without depending on the forms (or they on the session).
 */
export const DRAFT_KEY_PREFIX = 'pu-draft:';

/** On a deliberate sign-out the drafts of this tab are discarded. */
export function clearAllDrafts(): void {
  try {
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const k = sessionStorage.key(i);
      if (k?.startsWith(DRAFT_KEY_PREFIX)) {
        sessionStorage.removeItem(k);
      }
    }
  } catch {
    // storage unavailable: nothing was saved
  }
}

export function readDraft(key: string): Record<string, unknown> | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) {
      return null;
    }
    const parsed = JSON.parse(raw) as { value?: unknown };
    return typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, raw: string): void {
  try {
    sessionStorage.setItem(key, raw);
  } catch {
    // storage full or unavailable: the form still works, only the safety net is missing
  }
}

export function removeDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // nothing to remove
  }
}
