/**
 * Vocabulary of the benchmark office: departments of a Polish town hall, staff, clients' names and addresses,
 * case subjects. Everything here is invented; names are common Polish first names and surnames.
 */

export interface BenchDepartment {
  symbol: string;
  name: string;
  /** Share of all cases, in percent; the shares add up to 100. */
  share: number;
}

/** Ten departments of very different sizes, as in a real office; SO (the largest) is benchmarked by default. */
export const BENCH_DEPARTMENTS: BenchDepartment[] = [
  { symbol: 'SO', name: 'Wydział Spraw Obywatelskich', share: 20 },
  { symbol: 'KM', name: 'Wydział Komunikacji', share: 16 },
  { symbol: 'PO', name: 'Wydział Podatków i Opłat Lokalnych', share: 14 },
  { symbol: 'AB', name: 'Wydział Architektury i Budownictwa', share: 12 },
  { symbol: 'GK', name: 'Wydział Gospodarki Komunalnej', share: 10 },
  { symbol: 'GN', name: 'Wydział Geodezji i Gospodarki Nieruchomościami', share: 8 },
  { symbol: 'FN', name: 'Wydział Finansowy', share: 6 },
  { symbol: 'OS', name: 'Wydział Ochrony Środowiska', share: 5 },
  { symbol: 'ED', name: 'Wydział Edukacji', share: 5 },
  { symbol: 'OR', name: 'Wydział Organizacyjny', share: 4 },
];

/** Clerks per department (each department also has one manager). */
export const CLERKS_PER_DEPARTMENT = 6;

export const FEMALE_FIRST_NAMES = [
  'Anna',
  'Maria',
  'Katarzyna',
  'Małgorzata',
  'Agnieszka',
  'Barbara',
  'Ewa',
  'Krystyna',
  'Elżbieta',
  'Magdalena',
  'Joanna',
  'Zofia',
  'Aleksandra',
  'Monika',
  'Teresa',
  'Danuta',
  'Natalia',
  'Julia',
  'Karolina',
  'Marta',
  'Beata',
  'Dorota',
  'Halina',
  'Jadwiga',
  'Janina',
  'Alicja',
  'Iwona',
  'Grażyna',
  'Paulina',
  'Justyna',
  'Renata',
  'Hanna',
  'Urszula',
  'Wiktoria',
  'Zuzanna',
  'Bożena',
  'Jolanta',
  'Irena',
  'Stanisława',
  'Weronika',
];

export const MALE_FIRST_NAMES = [
  'Piotr',
  'Krzysztof',
  'Andrzej',
  'Jan',
  'Stanisław',
  'Tomasz',
  'Paweł',
  'Marcin',
  'Michał',
  'Marek',
  'Grzegorz',
  'Józef',
  'Łukasz',
  'Adam',
  'Zbigniew',
  'Jerzy',
  'Tadeusz',
  'Mateusz',
  'Dariusz',
  'Mariusz',
  'Wojciech',
  'Ryszard',
  'Jakub',
  'Henryk',
  'Robert',
  'Rafał',
  'Kazimierz',
  'Jacek',
  'Maciej',
  'Kamil',
  'Janusz',
  'Marian',
  'Mirosław',
  'Jarosław',
  'Sławomir',
  'Dawid',
  'Szymon',
  'Bartosz',
  'Wiesław',
  'Przemysław',
];

/** Surnames in their masculine form; feminine forms are derived (Kowalski → Kowalska, Nowak → Nowak). */
export const SURNAMES = [
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'Wójcik',
  'Kowalczyk',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
  'Szymański',
  'Woźniak',
  'Dąbrowski',
  'Kozłowski',
  'Jankowski',
  'Mazur',
  'Wojciechowski',
  'Kwiatkowski',
  'Krawczyk',
  'Kaczmarek',
  'Piotrowski',
  'Grabowski',
  'Zając',
  'Pawłowski',
  'Michalski',
  'Król',
  'Wieczorek',
  'Jabłoński',
  'Wróbel',
  'Nowakowski',
  'Majewski',
  'Olszewski',
  'Stępień',
  'Malinowski',
  'Jaworski',
  'Adamczyk',
  'Dudek',
  'Nowicki',
  'Pawlak',
  'Górski',
  'Witkowski',
  'Walczak',
  'Sikora',
  'Baran',
  'Rutkowski',
  'Michalak',
  'Szewczyk',
  'Ostrowski',
  'Tomaszewski',
  'Pietrzak',
  'Zalewski',
  'Wróblewski',
  'Marciniak',
  'Jasiński',
  'Zawadzki',
  'Bąk',
  'Jakubowski',
  'Sadowski',
  'Duda',
  'Włodarczyk',
  'Wilk',
  'Chmielewski',
  'Borkowski',
  'Sokołowski',
  'Szczepański',
  'Sawicki',
  'Lis',
  'Kucharski',
  'Kalinowski',
  'Wysocki',
  'Mazurek',
  'Kubiak',
];

export function feminineSurname(surname: string): string {
  return surname.replace(/(sk|ck|dzk)i$/, '$1a');
}

export const FEMALE_SURNAMES = SURNAMES.map(feminineSurname);

export const STREETS = [
  'Polna',
  'Lipowa',
  'Leśna',
  'Słoneczna',
  'Krótka',
  'Szkolna',
  'Ogrodowa',
  'Kwiatowa',
  'Długa',
  'Łąkowa',
  'Kościuszki',
  'Mickiewicza',
  'Słowackiego',
  'Sienkiewicza',
  'Kopernika',
  'Piłsudskiego',
  'Reymonta',
  'Żeromskiego',
  'Kolejowa',
  'Parkowa',
  'Brzozowa',
  'Zielona',
  'Jana Pawła II',
  'Wojska Polskiego',
  'Rynek',
  '3 Maja',
  'Kasztanowa',
  'Akacjowa',
  'Klonowa',
  'Wiejska',
];

export const EMAIL_DOMAINS = ['example.pl', 'poczta.example.pl', 'mail.example.com', 'example.com'];

export const ACCOMMODATIONS = [
  'Obsługa na parterze – klient porusza się na wózku',
  'Tłumacz polskiego języka migowego (PJM)',
  'Pisma większą czcionką – klient słabo widzi',
  'Pętla indukcyjna przy stanowisku',
  'Klient z psem asystującym',
];

export const SUBJECTS: Record<string, string[]> = {
  complaint: [
    'Skarga na długi czas oczekiwania na obsługę',
    'Skarga na zachowanie pracownika przy stanowisku',
    'Skarga na brak odpowiedzi na pismo',
    'Skarga na przewlekłe załatwianie sprawy',
    'Skarga na niejasną informację o wymaganych dokumentach',
    'Skarga na brak obiecanego kontaktu telefonicznego',
    'Skarga na odmowę przyjęcia wniosku',
    'Skarga na stan techniczny drogi gminnej',
    'Skarga na nieprawidłowy odbiór odpadów',
    'Skarga na działanie systemu kolejkowego',
    'Skarga na utrudniony dostęp do budynku urzędu',
    'Skarga na błędy w e-usłudze rezerwacji wizyt',
  ],
  office_error: [
    'Błędnie naliczona opłata za gospodarowanie odpadami',
    'Pomyłka w nazwisku w wydanym zaświadczeniu',
    'Błędny adres w decyzji podatkowej',
    'Wysłanie pisma do niewłaściwego adresata',
    'Pomyłka w kwocie podatku od nieruchomości',
    'Nieprawidłowa data w dowodzie rejestracyjnym',
    'Zagubienie załącznika do wniosku',
    'Błędna informacja o terminie odbioru dokumentu',
    'Podwójnie zaksięgowana wpłata',
    'Pomyłka w numerze działki w wypisie',
  ],
  refusal: [
    'Odmowa wydania zaświadczenia o niezaleganiu',
    'Odmowa umorzenia zaległości podatkowej',
    'Odmowa wydania pozwolenia na wycinkę drzewa',
    'Odmowa zameldowania na pobyt stały',
    'Odmowa przyznania dodatku mieszkaniowego',
    'Odmowa zwrotu opłaty skarbowej',
    'Odmowa wydania warunków zabudowy',
    'Odmowa rejestracji pojazdu',
    'Odmowa rozłożenia opłaty na raty',
    'Odmowa udostępnienia informacji publicznej',
  ],
  aggressive_client: [
    'Agresywne zachowanie klienta przy stanowisku obsługi',
    'Wulgarne wypowiedzi klienta w trakcie rozmowy telefonicznej',
    'Groźby pod adresem pracownika',
    'Klient odmówił opuszczenia sali obsługi',
    'Krzyk i obelgi w kolejce do stanowiska',
    'Uszkodzenie wyposażenia sali obsługi przez klienta',
    'Obraźliwe wiadomości e-mail do pracownika',
    'Próba nagrywania pracownika wbrew jego woli połączona z obelgami',
  ],
};

export const DESCRIPTIONS: Record<string, string[]> = {
  complaint: [
    'Klient czekał na obsługę ponad dwie godziny mimo wcześniejszej rezerwacji wizyty.',
    'Klientka twierdzi, że pracownik podniósł głos i nie udzielił wyjaśnień.',
    'Na pismo złożone dwa miesiące temu klient nie otrzymał żadnej odpowiedzi.',
    'Skarga wpłynęła za pośrednictwem radnego, który prosi o informację o sposobie załatwienia.',
    'Klient wskazuje, że otrzymał sprzeczne informacje od dwóch pracowników.',
  ],
  office_error: [
    'Pomyłkę zauważył pracownik podczas kontroli rejestru.',
    'Klient zgłosił rozbieżność telefonicznie po otrzymaniu pisma.',
    'Błąd wynikał z nieaktualnych danych w systemie dziedzinowym.',
    'Pomyłka dotyczy kilku pism wysłanych tego samego dnia.',
  ],
  refusal: [
    'Wnioskodawca nie dołączył wymaganych dokumentów mimo wezwania do uzupełnienia.',
    'Nie zostały spełnione przesłanki ustawowe.',
    'Decyzja doręczona za zwrotnym potwierdzeniem odbioru.',
    'Klient zapowiedział złożenie odwołania.',
  ],
  aggressive_client: [
    'Klient podniósł głos po informacji o braku możliwości załatwienia sprawy od ręki.',
    'Pracownik dwukrotnie zwrócił uwagę na niestosowność wypowiedzi.',
    'Wezwano pracownika ochrony, który odprowadził klienta do wyjścia.',
    'Zdarzenie widzieli inni klienci oczekujący w kolejce.',
  ],
};

export const PROMISE_DESCRIPTIONS = [
  'Oddzwonić do klienta z informacją o stanie sprawy',
  'Przesłać klientowi kopię decyzji e-mailem',
  'Umówić klienta na wizytę u kierownika wydziału',
  'Sprawdzić w archiwum złożony wniosek i przekazać wynik klientowi',
  'Wysłać klientowi listę brakujących dokumentów',
  'Poinformować klienta o terminie odbioru dokumentu',
  'Przekazać klientowi odpowiedź wydziału merytorycznego',
  'Potwierdzić klientowi korektę naliczonej opłaty',
  'Skontaktować się z klientem po naprawie usterki',
  'Przesłać klientowi informację o możliwości odwołania',
];

/** Channels by kind in steps of 5 % (20 entries each): letters and ePUAP for complaints, in person for incidents. */
export const CHANNEL_MIX: Record<string, string[]> = {
  complaint: spread({ letter: 7, epuap: 5, email: 4, in_person: 3, phone: 1 }),
  office_error: spread({ in_person: 8, phone: 5, email: 4, letter: 2, epuap: 1 }),
  refusal: spread({ letter: 10, epuap: 6, in_person: 4 }),
  aggressive_client: spread({ in_person: 16, phone: 3, email: 1 }),
};

export const PROMISE_CHANNEL_MIX = spread({ phone: 10, email: 5, letter: 3, in_person: 1, epuap: 1 });

/** Complaint outcomes in steps of 5 %; anonymous complaints are always left without consideration. */
export const COMPLAINT_OUTCOME_MIX = spread({
  unjustified: 9,
  partly_justified: 4,
  justified: 4,
  forwarded: 2,
  position_maintained: 1,
});

export const ROOT_CAUSE_MIX = spread({
  waiting_time: 4,
  staff_conduct: 3,
  unclear_information: 4,
  no_contact: 2,
  procedure: 3,
  office_error: 1,
  accessibility: 1,
  it_system: 1,
  other: 1,
});

function spread(weights: Record<string, number>): string[] {
  const out = Object.entries(weights).flatMap(([value, n]) => Array<string>(n).fill(value));
  if (out.length !== 20) throw new Error(`weights must add up to 20, got ${out.length}`);
  return out;
}
