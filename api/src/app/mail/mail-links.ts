/** The SPA's addresses that e-mails link to (its routes are Polish), built on PUBLIC_URL. */
export function mailLinks(publicUrl: string) {
  const host = new URL(publicUrl).hostname || 'localhost';
  return {
    home: `${publicUrl}/`,
    case: (caseId: string) => `${publicUrl}/sprawy/${encodeURIComponent(caseId)}`,
    cases: `${publicUrl}/sprawy`,
    settings: `${publicUrl}/ustawienia`,
    messageId: (id: string) => `<${id}@${host}>`,
  };
}
