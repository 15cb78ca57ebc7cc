import { formatDate } from '../date-format';

// The Polish message catalogue: every message the API answers, by key. messages.en.ts is typed against these
// keys and parameters, so a message without its English fails to compile. Parameters that are texts of the
// workflow (step titles, field labels) arrive already in this language.

const q = (s: string) => `„${s}”`;
const list = (items: readonly string[]) => items.map(q).join(', ');
const day = (d: string) => formatDate(d, 'pl');

/** 1 dzień, 2–4 dni, 5 dni, 22 dni… with the noun's three Polish forms. */
function count(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (n === 1) return `${n} ${one}`;
  if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) return `${n} ${few}`;
  return `${n} ${many}`;
}
const NON_WORKING: Record<string, string> = { saturday: 'sobota', sunday: 'niedziela', holiday: 'święto' };

export const pl = {
  // HTTP and the request itself
  'http.badRequest': () => 'Nieprawidłowe żądanie.',
  'http.unauthenticated': () => 'Sesja wygasła lub nie jesteś zalogowany. Zaloguj się ponownie.',
  'http.forbidden': () => 'Nie masz uprawnień do tej operacji.',
  'http.notFound': () => 'Nie znaleziono zasobu.',
  'http.methodNotAllowed': () => 'Ta operacja nie jest dostępna pod tym adresem.',
  'http.payloadTooLarge': () => 'Przesłane dane są zbyt duże.',
  'http.unsupportedMediaType': () => 'Dane muszą być przesłane jako JSON.',
  'http.tooManyAttempts': () => 'Zbyt wiele prób. Spróbuj ponownie za chwilę.',
  'http.malformedJson': () => 'Treść żądania nie jest poprawnym JSON-em.',
  'http.databaseUnavailable': () => 'Baza danych jest chwilowo niedostępna. Spróbuj ponownie za kilka sekund.',
  'http.exportsBusy': (p: { limit: number; retryAfterSeconds: number }) =>
    `Trwają już inne pobrania rejestru (naraz najwyżej ${p.limit}). Spróbuj ponownie za ${p.retryAfterSeconds} s.`,
  'http.databaseDown': () => 'Baza danych jest niedostępna.',
  'http.internalError': (p: { requestId: string }) =>
    `Wystąpił nieoczekiwany błąd. Podaj administratorowi identyfikator zgłoszenia: ${p.requestId || 'brak'}.`,
  'http.urlTooLong': () => 'Adres jest zbyt długi.',
  'http.malformedUrl': () => 'Nieprawidłowy adres żądania.',
  'http.requestTimeout': () => 'Żądanie nie dotarło w całości na czas. Sprawdź połączenie i spróbuj ponownie.',
  'http.headersTooLarge': () => 'Nagłówki żądania są zbyt duże.',
  'http.operationUnavailable': () => 'Ta operacja nie jest dostępna.',
  'http.jsonTooDeep': (p: { max: number }) =>
    `Treść żądania jest zagnieżdżona zbyt głęboko (najwyżej ${p.max} poziomy).`,
  'http.jsonTooManyKeys': (p: { max: number }) => `Treść żądania ma zbyt wiele pól (najwyżej ${p.max}).`,
  'http.invalidCursor': () => 'Nieprawidłowy kursor strony — zacznij od pierwszej strony.',
  'http.invalidCursorField': () => 'Nieprawidłowy kursor.',
  'http.ifMatchMissing': () => 'Brak nagłówka If-Match z wersją rekordu: odśwież dane i spróbuj ponownie.',
  'http.ifMatchFormat': () => 'Nagłówek If-Match musi zawierać wersję rekordu, np. "3".',
  'http.staleVersion': () =>
    'Ktoś inny zmienił ten rekord w międzyczasie. Odśwież dane — Twoje zmiany nie zostały zapisane, możesz je wprowadzić ponownie.',
  'http.idempotencyKeyFormat': () => 'Nagłówek Idempotency-Key: 8–200 znaków (litery, cyfry, . _ : -).',
  'http.idempotencyKeyInvalid': () => 'Nieprawidłowy klucz.',
  'http.idempotencyKeyReused': () =>
    'Ten klucz Idempotency-Key użyto już dla innego żądania. Wygeneruj nowy klucz dla nowej operacji.',
  'auth.csrfForeign': (p: { header: string; cookie: string }) =>
    `Token ochrony CSRF nie należy do tej sesji (np. pochodzi sprzed zalogowania): odśwież stronę i spróbuj ponownie (nagłówek ${p.header} musi powtarzać ciasteczko ${p.cookie} wydane po zalogowaniu).`,
  'auth.csrfMissing': (p: { header: string; cookie: string }) =>
    `Brak lub nieprawidłowy token ochrony CSRF: odśwież stronę i spróbuj ponownie (nagłówek ${p.header} musi powtarzać ciasteczko ${p.cookie}).`,
  'auth.throttled': () => 'Zbyt wiele nieudanych prób logowania. Odczekaj 15 minut albo poproś administratora o pomoc.',
  'auth.invalidCredentials': () => 'Nieprawidłowa nazwa użytkownika lub hasło.',

  // Field validation (class-validator constraints and the pipe)
  'validation.fixFields': () => 'Popraw zaznaczone pola.',
  'validation.unknownField': () => 'Nieznane pole — usuń je z żądania.',
  'validation.invalid': () => 'Nieprawidłowa wartość.',
  'validation.required': () => 'Pole jest wymagane.',
  'validation.string': () => 'Wartość musi być tekstem.',
  'validation.boolean': () => 'Wartość musi być prawdą albo fałszem.',
  'validation.int': () => 'Wartość musi być liczbą całkowitą.',
  'validation.number': () => 'Wartość musi być liczbą.',
  'validation.uuid': () => 'Nieprawidłowy identyfikator.',
  'validation.email': () => 'Nieprawidłowy adres e-mail.',
  'validation.in': (p: { values: string }) => `Dozwolone wartości: ${p.values}.`,
  'validation.enum': () => 'Niedozwolona wartość.',
  'validation.dateString': () => 'Nieprawidłowa data (oczekiwany format ISO 8601).',
  'validation.iso8601': () => 'Nieprawidłowa data (oczekiwany format ISO 8601, np. 2026-11-30T09:00:00+01:00).',
  'validation.minLength': (p: { n: string }) => `Za krótkie — co najmniej ${p.n} znaków.`,
  'validation.maxLength': (p: { n: string }) => `Za długie — najwyżej ${p.n} znaków.`,
  'validation.min': (p: { n: string }) => `Wartość nie może być mniejsza niż ${p.n}.`,
  'validation.max': (p: { n: string }) => `Wartość nie może być większa niż ${p.n}.`,
  'validation.matches': () => 'Nieprawidłowy format.',
  'validation.array': () => 'Wartość musi być listą.',
  'validation.arrayMaxSize': (p: { n: string }) => `Najwyżej ${p.n} elementów.`,
  'validation.object': () => 'Wartość musi być obiektem.',
  'validation.controlChars': () => 'Tekst zawiera niedozwolone znaki sterujące — usuń je i spróbuj ponownie.',
  'validation.yearOutOfRange': (p: { min: number; max: number }) =>
    `Rok spoza zakresu ${p.min}–${p.max} — sprawdź datę.`,
  'validation.badInstant': () =>
    'Nieprawidłowa data i godzina: podaj ją z sekundami i strefą czasową, np. 2026-11-30T09:00:00+01:00 albo 2026-11-30T08:00:00Z (RFC 3339).',
  'validation.badDay': (p: { min: number; max: number }) =>
    `Nieprawidłowa data: podaj istniejący dzień w formacie RRRR-MM-DD z lat ${p.min}–${p.max}.`,
  'validation.password': (p: { min: number; max: number }) => `Hasło: od ${p.min} do ${p.max} znaków.`,
  'validation.username': () => 'Login: 3–50 znaków, małe litery, cyfry, kropka, myślnik lub podkreślnik.',
  'validation.jrwaSymbol': () => 'Symbol JRWA: litery, cyfry, kropka lub myślnik, do 20 znaków, np. "1510".',
  'validation.departmentSymbol': () => 'Symbol wydziału: wielkie litery, cyfry lub myślnik, do 10 znaków, np. "OR".',

  // The audit log's hash chains
  'audit.altered': (p: { seq: number }) => `Wpis nr ${p.seq} łańcucha został zmieniony po zapisaniu.`,
  'audit.missing': (p: { seq: number }) => `Brakuje wpisu nr ${p.seq} łańcucha: wpisy usunięto.`,
  'audit.inserted': (p: { seq: number }) => `Wpis nr ${p.seq} łańcucha został dopisany poza aplikacją.`,
  'audit.unlinked': (p: { seq: number }) => `Wpis nr ${p.seq} nie wskazuje na poprzedni wpis łańcucha.`,

  // Users, departments, registers
  'user.notFound': () => 'Nie znaleziono użytkownika.',
  'user.duplicate': (p: { username: string }) => `Użytkownik ${p.username} już istnieje.`,
  'user.usernameTaken': () => 'Ten login jest już zajęty.',
  'user.selfLockout': () => 'Nie możesz wyłączyć własnego konta ani odebrać sobie roli administratora.',
  'department.notFound': () => 'Nie znaleziono wydziału.',
  'department.duplicate': (p: { symbol: string }) => `Wydział o symbolu ${p.symbol} już istnieje.`,
  'department.symbolTaken': () => 'Ten symbol jest już zajęty.',
  'department.chooseActive': () => 'Wybierz istniejący, aktywny wydział.',
  'register.clash': (p: { kind: string }) =>
    `Znaki spraw powtarzałyby się z rejestrem ${p.kind}: zmień symbol JRWA lub format.`,
  'register.ofComplaints': () => 'skarg',
  'register.ofOfficeErrors': () => 'pomyłek urzędu',
  'register.ofRefusals': () => 'decyzji odmownych',
  'register.ofIncidents': () => 'incydentów z agresywnym klientem',
  'register.notFound': () => 'Nie ma takiego rejestru spraw.',
  'board.chooseKind': () => 'Wybierz rodzaj sprawy.',
  'board.chooseKindField': () => 'Wybierz rodzaj sprawy: tablica pokazuje kroki jednego rodzaju.',
  'reference.formatRequired': () => 'Podaj format znaku sprawy.',
  'reference.unknownTokens': (p: { tokens: string }) =>
    `Nieznane pola w formacie: ${p.tokens}. Dozwolone: {department}, {jrwa}, {n}, {yyyy}.`,
  'reference.unpairedBrace': () => 'Niesparowany nawias klamrowy w formacie.',
  'reference.formatPieces': () =>
    'Format musi zawierać symbol wydziału {department}, numer w rejestrze {n} i rok {yyyy}, inaczej znaki spraw się powtórzą.',
  'reference.formatTooLong': (p: { max: number }) => `Format może mieć najwyżej ${p.max} znaków.`,

  // Cases
  'case.notFound': () => 'Nie znaleziono sprawy albo nie masz do niej dostępu.',
  'case.closed': () => 'Sprawa jest zamknięta: nie można jej już zmieniać.',
  'case.ownDepartment': () =>
    'Sprawę rejestruje się we własnym wydziale; potem można ją przekazać do właściwego wydziału.',
  'case.assigneeInactive': () => 'Wybierz aktywnego urzędnika lub kierownika.',
  'case.assigneeOtherDepartment': () => 'Ta osoba nie pracuje w wydziale prowadzącym sprawę.',
  'case.transferSame': () => 'Wskaż inną osobę lub inny wydział niż obecne.',
  'case.noMainDeadline': () => 'Ta sprawa nie ma terminu załatwienia, który można przedłużyć.',
  'case.discoveredAtRequired': () =>
    'Podaj, kiedy stwierdzono pomyłkę: od tej chwili liczy się czas na poinformowanie klienta.',
  'case.nameOrAddressOnCreate': () =>
    'Podaj imię i nazwisko lub adres klienta: bez nich może być zarejestrowana tylko anonimowa skarga.',
  'case.nameOrAddress': () => 'Podaj imię i nazwisko lub adres klienta.',
  'case.receivedInFuture': () => 'Data wpływu nie może być w przyszłości.',
  'case.anonymityFrozen': () => 'Nie można zmienić anonimowości skargi po zapisaniu sposobu jej załatwienia.',
  'case.noEvent': () => 'Ten rodzaj sprawy nie ma takiego zdarzenia.',
  'complaint.anonymousOnlyLeft': () => 'Skarga anonimowa może zostać wyłącznie pozostawiona bez rozpatrzenia.',
  'complaint.maintainedOnlyRepeated': () =>
    'Podtrzymanie stanowiska (art. 239 KPA) dotyczy tylko skargi ponowionej – najpierw wskaż w sprawie wcześniejszą skargę.',
  'complaint.repeatOnlyComplaint': () => 'Ponowić można tylko skargę.',
  'complaint.originalNotFound': () => 'Nie znaleziono pierwotnej skargi.',
  'complaint.originalNotComplaint': () => 'Wskazana sprawa nie jest skargą.',
  'complaint.originalNotEarlier': () => 'Pierwotna skarga musi wpłynąć wcześniej niż ta, która ją ponawia.',
  'complaint.originalNotUnfounded': () =>
    'Pierwotna skarga nie została uznana za bezzasadną (art. 239 KPA dotyczy skarg bezzasadnych).',
  'refusal.notFound': () => 'Nie znaleziono sprawy decyzji odmownej.',
  'refusal.followsOnlyRefusal': () => 'Odwołanie lub skarga może następować tylko po decyzji odmownej.',
  'incident.protestRequired': () =>
    'Klient był wulgarny lub obraził Cię ponownie – standard 22 każe wtedy stanowczo, spokojnie zaprotestować. Wpisz, kiedy to zrobiono.',

  // Workflow steps
  'workflow.caseClosed': () => 'Sprawa jest zamknięta – nie można w niej niczego zmienić.',
  'workflow.unknownStep': (p: { kind: string; step: string }) => `Sprawa typu ${q(p.kind)} nie ma kroku ${q(p.step)}.`,
  'workflow.alreadyDone': (p: { step: string; skipped: boolean }) =>
    `Krok ${q(p.step)} jest już ${p.skipped ? 'pominięty' : 'wykonany'}. Aby go zmienić, cofnij go (cofnąć można ostatni wykonany krok).`,
  'workflow.blocked': (p: { step: string; missing: string[]; early: string[] }) =>
    `Krok ${q(p.step)} nie jest jeszcze dostępny. Najpierw wykonaj: ${list(p.missing)}.` +
    (p.early.length ? ` Wcześniej można zapisać tylko rozstrzygnięcie: ${list(p.early)}.` : ''),
  'workflow.waived': (p: { step: string; earlyStep: string }) =>
    `Krok ${q(p.step)} nie jest już potrzebny – sprawa ma rozstrzygnięcie zapisane w kroku ${q(p.earlyStep)}. Aby go wykonać, najpierw cofnij tamten krok.`,
  'workflow.notOptional': (p: { step: string }) => `Krok ${q(p.step)} jest obowiązkowy – nie można go pominąć.`,
  'workflow.promiseRequired': (p: { step: string }) =>
    `Krok ${q(p.step)} wymaga co najmniej jednej obietnicy dla klienta (co, do kiedy, jaką drogą). Dodaj obietnicę w sprawie i spróbuj ponownie.`,
  'workflow.nothingToReopen': () => 'Nie ma kroku do cofnięcia.',
  'workflow.notLast': (p: { step: string }) => `Cofnąć można tylko ostatni wykonany krok: ${q(p.step)}.`,
  'workflow.incomplete': (p: { notDone: string[]; withoutPromise: string[] }) =>
    `Nie można zamknąć sprawy – ${[
      ...(p.notDone.length ? [`brakuje kroków: ${list(p.notDone)}`] : []),
      ...(p.withoutPromise.length
        ? [`krok ${list(p.withoutPromise)} wymaga obietnicy dla klienta, a w sprawie nie ma żadnej`]
        : []),
    ].join('; ')}.`,
  'workflow.skipReasonRequired': () => 'Podaj powód pominięcia kroku.',
  'workflow.skipReasonTooLong': (p: { max: number }) => `Powód jest za długi (dozwolone ${p.max} znaków).`,

  // Step data
  'step.fixData': () => 'Popraw dane kroku.',
  'step.notObject': () => 'Dane kroku muszą być obiektem (pole → wartość).',
  'step.unknownStep': (p: { step: string }) => `Nieznany krok ${q(p.step)}.`,
  'step.unknownField': () => 'Nieznane pole – ten krok go nie przewiduje.',
  'step.required': () => 'To pole jest wymagane.',
  'step.requiredWhen': (p: { label: string; value: string }) =>
    `To pole jest wymagane, gdy ${q(p.label)} ma wartość ${q(p.value)}.`,
  'step.yes': () => 'tak',
  'step.no': () => 'nie',
  'step.notText': () => 'Oczekiwano tekstu.',
  'step.controlChars': () => 'Tekst zawiera niedozwolone znaki sterujące.',
  'step.tooLong': (p: { max: number; length: number }) =>
    `Tekst jest za długi: ${p.length} znaków, dozwolone ${p.max}.`,
  'step.notBoolean': () => 'Oczekiwano odpowiedzi tak/nie.',
  'step.mustBeTrue': () => 'Zaznacz potwierdzenie – bez niego krok nie jest wykonany.',
  'step.badChoice': () => 'Niedozwolona wartość – wybierz jedną z listy.',
  'step.badDate': () => 'Nieprawidłowa data (oczekiwano RRRR-MM-DD, np. 2026-03-15).',
  'step.badDateTime': () =>
    'Nieprawidłowa data i godzina (oczekiwano ISO 8601 ze strefą, np. 2026-03-15T10:30:00+01:00).',
  'step.notList': () => 'Oczekiwano listy zdarzeń.',
  'step.tooMany': (p: { max: number }) => `Za dużo zdarzeń (najwięcej ${p.max}).`,
  'step.event': (p: { n: number; detail: string }) => `Zdarzenie ${p.n}: ${p.detail}`,
  'step.eventNotObject': () => 'oczekiwano obiektu {kind, at, note}.',
  'step.eventUnknownKey': (p: { key: string }) => `nieznane pole ${q(p.key)}.`,
  'step.eventKind': () => 'nieznany rodzaj zdarzenia.',
  'step.eventAt': () => 'brak lub nieprawidłowa godzina (ISO 8601 ze strefą).',
  'step.eventNote': (p: { detail: string }) => `opis – ${p.detail.charAt(0).toLowerCase()}${p.detail.slice(1)}`,
  'step.notComputed': (p: { rule: string; due: string }) =>
    `Ten termin wynika z przepisów (${p.rule}): ${day(p.due)}. Podaj klientowi tę datę.`,

  // Promises
  'promise.notFound': () => 'Nie znaleziono obietnicy albo nie masz do niej dostępu.',
  'promise.caseClosed': () => 'Sprawa jest zamknięta: nie można dodać obietnicy.',
  'promise.dueInPast': () => 'Termin obietnicy nie może być w przeszłości.',
  'promise.ownDepartmentOnly': () => 'Widzisz obietnice tylko swojego wydziału.',
  'promise.allDepartmentsQualityOnly': () =>
    'Obietnice wszystkich wydziałów widzi tylko osoba odpowiedzialna za jakość.',
  'promise.alreadyKept': () => 'Obietnica jest już dotrzymana: nie można jej zmienić.',
  'promise.keptIrreversible': () => 'Dotrzymania obietnicy nie można cofnąć; w razie pomyłki dodaj nową obietnicę.',
  'promise.keptAtInFuture': () => 'Data dotrzymania nie może być w przyszłości.',
  'promise.keptBeforeCreated': () => 'Obietnicy nie można dotrzymać przed jej złożeniem.',
  'promise.keptAndReschedule': () => 'Nie można jednocześnie dotrzymać obietnicy i zmienić jej terminu.',
  'promise.toldAtNeedsDueAt': () => 'Podaj nowy termin obietnicy (dueAt), o którym poinformowano klienta.',
  'promise.noChange': () => 'Nie podano żadnej zmiany.',
  'promise.badNewDue': () => 'Nieprawidłowa data i godzina nowego terminu.',
  'promise.newDueNotLater': () => 'Nowy termin musi być późniejszy niż dotychczasowy.',
  'promise.tellClientFirst': () =>
    'Najpierw skontaktuj się z klientem i podaj mu nowy termin (standard 17 pkt 4), potem zapisz, kiedy to zrobiono.',
  'promise.badToldAt': () => 'Nieprawidłowa data i godzina.',
  'promise.toldAtInFuture': () => 'Data powiadomienia klienta nie może być w przyszłości.',

  // How a legal deadline was computed (KPA art. 57)
  'deadline.months': (p: { n: number }) => count(p.n, 'miesiąc', 'miesiące', 'miesięcy'),
  'deadline.days': (p: { n: number }) => count(p.n, 'dzień', 'dni', 'dni'),
  'deadline.workingDays': (p: { n: number }) => count(p.n, 'dzień roboczy', 'dni robocze', 'dni roboczych'),
  'deadline.head': (p: { period: string; event: string; from: string; basis: string }) =>
    `Termin: ${p.period} od dnia ${p.event} ${day(p.from)} (${p.basis})`,
  'deadline.shift': (p: { date: string; reason: string; holiday: string }) =>
    `${day(p.date)} to ${NON_WORKING[p.reason] ?? p.reason}${p.holiday ? ` (${p.holiday})` : ''}`,
  'deadline.byWorkingDays': (p: { head: string; due: string; skipped: string }) =>
    `${p.head} – ${day(p.due)}.${p.skipped ? ` Pominięto dni wolne od pracy: ${p.skipped}.` : ''}`,
  'deadline.byCalendar': (p: { head: string; nominal: string; counting: string; moved: string; due: string }) =>
    `${p.head} – ${day(p.nominal)}${p.counting}.` +
    (p.moved ? ` ${p.moved} – przesunięto na ${day(p.due)} (art. 57 § 4 KPA).` : ''),
  'deadline.monthClamped': (p: { day: number }) =>
    ` – w tym miesiącu nie ma ${p.day}. dnia, więc termin upływa ostatniego dnia miesiąca (art. 57 § 3 KPA)`,
  'deadline.monthCounted': () => ' (art. 57 § 3 KPA)',
  'deadline.dayCounted': () => ' (dnia, od którego liczy się termin, nie wlicza się – art. 57 § 1 KPA)',

  // Deadline extension (KPA art. 36)
  'extension.badCurrentDue': () => 'Nieprawidłowy obecny termin.',
  'extension.badNewDue': () => 'Nieprawidłowa data (oczekiwano RRRR-MM-DD).',
  'extension.newDueNotLater': (p: { current: string }) =>
    `Nowy termin musi być późniejszy niż obecny (${day(p.current)}).`,
  'extension.reasonRequired': () => 'Podaj przyczynę zwłoki – klient musi ją poznać (art. 36 § 1 KPA).',
  'extension.reasonTooLong': (p: { max: number }) => `Przyczyna jest za długa (dozwolone ${p.max} znaków).`,
  'extension.tellClientFirst': () =>
    'Najpierw zawiadom klienta o przyczynie zwłoki i nowym terminie (art. 36 § 1 KPA), potem zapisz, kiedy to zrobiono.',
  'extension.badToldAt': () => 'Nieprawidłowa data i godzina zawiadomienia.',
  'extension.toldAtInFuture': () => 'Data zawiadomienia klienta nie może być w przyszłości.',
  'extension.nonWorkingDay': () => 'Nowy termin wypada w dniu wolnym od pracy — wybierz dzień roboczy.',
  'extension.explanation': (p: { before: string; newDue: string }) =>
    `${p.before} Termin przedłużono do ${day(p.newDue)} (art. 36 KPA).`,
};
