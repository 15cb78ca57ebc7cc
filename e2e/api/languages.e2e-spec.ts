import { ApiClient } from './support/api-client';
import { createCase, expectError, ifMatch } from './support/cases';
import { createOffice, type Office } from './support/office-fixture';
import { createTestApp, type TestApp } from './support/test-app';

const EN = { 'Accept-Language': 'en-GB,en;q=0.9' };
const POLISH = /[ąćęłńóśźż]|\b(nie|jest|sprawa|pole|wartość|termin|krok|się)\b/i;

/** Every answer's text, message and field messages alike. */
const textsOf = (body: { message?: string; fields?: Record<string, string[]> }): string[] => [
  body.message ?? '',
  ...Object.values(body.fields ?? {}).flat(),
];

/** One language per answer: Polish by default, English when the client asks for it (Accept-Language). */
describe('The language of the API’s answers', () => {
  let t: TestApp;
  let office: Office;
  let clerk: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    office = await createOffice(t.app);
    clerk = await office.as('clerkA');
    manager = await office.as('managerA');
  });
  afterAll(() => t.close());

  it('answers in Polish by default and says so, English on request', async () => {
    const anonymous = new ApiClient(t.app);
    const polish = await anonymous.get('/api/cases');
    expectError(polish, 401, 'UNAUTHENTICATED');
    expect(polish.body.message).toBe('Sesja wygasła lub nie jesteś zalogowany. Zaloguj się ponownie.');
    expect(polish.headers['content-language']).toBe('pl');
    expect(polish.headers['vary']).toMatch(/Accept-Language/i);

    const english = await anonymous.get('/api/cases', EN);
    expectError(english, 401, 'UNAUTHENTICATED');
    expect(english.body.message).toBe('Your session has expired or you are not signed in. Please sign in again.');
    expect(english.headers['content-language']).toBe('en');
    // A language the product does not speak falls back to Polish; quality values are honoured.
    expect((await anonymous.get('/api/cases', { 'Accept-Language': 'de' })).body.message).toMatch(/^Sesja/);
    expect((await anonymous.get('/api/cases', { 'Accept-Language': 'pl;q=0.5, en' })).body.message).toMatch(/^Your/);
  });

  it('gives field validation messages in the language asked for', async () => {
    const res = await clerk.post('/api/cases', { kind: 'complaint', subject: 42, extra: true }, EN);
    const body = expectError(res, 422, 'VALIDATION_FAILED') as { message: string; fields: Record<string, string[]> };
    expect(body.message).toBe('Correct the highlighted fields.');
    expect(body.fields['extra']).toEqual(['Unknown field — remove it from the request.']);
    expect(body.fields['subject']).toContain('The value must be text.');
    for (const text of textsOf(body)) expect(text).not.toMatch(POLISH);

    const polish = expectError(await clerk.post('/api/cases', { kind: 'complaint', extra: true }), 422);
    expect((polish['fields'] as Record<string, string[]>)['extra']).toEqual(['Nieznane pole — usuń je z żądania.']);
  });

  it('refuses malformed JSON and unknown routes in the language asked for', async () => {
    const malformed = await clerk.post('/api/cases', '{"kind":', { ...EN, 'Content-Type': 'application/json' });
    expect(expectError(malformed, 400, 'MALFORMED_JSON')['message']).toBe('The request body is not valid JSON.');
    expect(expectError(await clerk.get('/api/no-such-thing', EN), 404)['message']).toBe('Not found.');
  });

  it('explains workflow refusals in English, naming steps by their English titles', async () => {
    const created = await createCase(clerk, 'complaint');
    const res = await clerk.post(
      `/api/cases/${created.id}/steps/listen/skip`,
      { reason: 'Nie było potrzeby.' },
      { ...ifMatch(created.version), ...EN },
    );
    const body = expectError(res, 409) as { message: string };
    expect(body.message).toMatch(/^Step “.+” is required – it cannot be skipped\.$/);
    expect(body.message).not.toMatch(POLISH);
  });

  it('refuses a deadline extension in English, with the date in the English format', async () => {
    const created = await createCase(clerk, 'complaint', { receivedAt: '2026-10-11T10:00:00+02:00' });
    expect(created.deadlines.main?.due).toBe('2026-11-12');
    const res = await manager.post(
      `/api/cases/${created.id}/deadline-extensions`,
      {
        newDue: '2026-11-01',
        reason: 'Opinia innego wydziału.',
        clientToldAt: new Date(Date.now() - 60_000).toISOString(),
      },
      { ...ifMatch(created.version), ...EN },
    );
    const body = expectError(res, 422) as { fields: Record<string, string[]> };
    expect(body.fields['newDue']).toEqual(['The new deadline must be later than the current one (12/11/2026).']);
    for (const text of textsOf(body)) expect(text).not.toMatch(POLISH);
  });
});
