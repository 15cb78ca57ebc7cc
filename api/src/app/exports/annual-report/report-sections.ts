import type { CountCompared, QualityReport } from '@pu/contracts';
import {
  CASE_KIND_LABELS,
  CASE_KINDS,
  CHANNEL_LABELS,
  COMPLAINT_OUTCOME_LABELS,
  INCIDENT_SEVERITY_LABELS,
  SATISFACTION_LABELS,
  type LocalizedText,
} from '@pu/workflow';

/**
 * The annual report as tables and charts, once, for both files: the PDF draws them (annual-report-pdf.ts), the
 * XLSX writes one sheet per section (annual-report-xlsx.ts). Numbers stay numbers here; each file formats them.
 */

/** count: a whole number; share: a fraction 0–1; days/hours: one or two decimals; percent: a change in per cent. */
export type ColumnKind = 'text' | 'count' | 'share' | 'days' | 'hours' | 'percent' | 'signed';
export type Cell = string | number | null;

export interface ReportColumn {
  header: string;
  kind: ColumnKind;
  /** Relative width in the PDF. */
  weight?: number;
}

export interface ReportTable {
  caption?: string;
  columns: ReportColumn[];
  rows: Cell[][];
  /** The last row is a total (drawn in bold). */
  totalRow?: boolean;
}

export interface BarChart {
  type: 'bars';
  title: string;
  unit: 'count' | 'share';
  bars: { label: string; value: number; previous?: number }[];
}

export interface MonthChart {
  type: 'months';
  title: string;
  series: { label: string; values: number[] }[];
  months: string[];
}

export type ReportChart = BarChart | MonthChart;

export interface ReportSection {
  /** Sheet name in the XLSX (at most 31 characters). */
  sheet: string;
  title: string;
  charts: ReportChart[];
  tables: ReportTable[];
  notes?: string[];
}

const pl = (t: LocalizedText | undefined, fallback: string) => t?.pl ?? fallback;

const COMPARED: ReportColumn[] = [
  { header: 'Okres', kind: 'count' },
  { header: 'Poprzedni okres', kind: 'count' },
  { header: 'Zmiana', kind: 'signed' },
  { header: 'Zmiana %', kind: 'percent' },
];
const comparedCells = (c: CountCompared): Cell[] => [c.current, c.previous, c.change, c.changePercent];

function countSection(
  sheet: string,
  title: string,
  what: string,
  rows: { key: string; label: string; value: CountCompared }[],
  total: CountCompared,
): ReportSection {
  return {
    sheet,
    title,
    charts: [
      {
        type: 'bars',
        title,
        unit: 'count',
        bars: rows.map((r) => ({ label: r.label, value: r.value.current, previous: r.value.previous })),
      },
    ],
    tables: [
      {
        columns: [{ header: what, kind: 'text', weight: 3 }, ...COMPARED],
        rows: [...rows.map((r) => [r.label, ...comparedCells(r.value)]), ['Razem', ...comparedCells(total)]],
        totalRow: true,
      },
    ],
  };
}

const HEADLINE_LABELS: Record<string, string> = {
  cases: 'Sprawy (wszystkie rodzaje)',
  complaints: 'Skargi',
  settledWithinDeadline: 'Załatwione w terminie',
  medianDaysToSettle: 'Mediana dni do załatwienia',
  promisesKeptOnTime: 'Obietnice dotrzymane na czas',
  officeErrorsInformedWithinTarget: 'Pomyłki: klient poinformowany w terminie',
};

const TREND_LABELS: Record<string, string> = {
  up: 'wzrost',
  down: 'spadek',
  same: 'bez zmian',
  new: 'nowa',
  gone: 'brak w okresie',
};

const monthLabel = (m: string) => `${m.slice(5, 7)}.${m.slice(0, 4)}`;

export function reportSections(r: QualityReport): ReportSection[] {
  const kindLabel = (k: string) => pl(CASE_KIND_LABELS[k as keyof typeof CASE_KIND_LABELS], k);
  const s = r.settlement;
  const e = r.extensions;
  const pr = r.promises;
  const oe = r.officeErrors;
  const rf = r.refusals;
  const inc = r.incidents;
  const sat = r.satisfaction;
  const sections: ReportSection[] = [
    {
      sheet: 'Wskaźniki',
      title: 'Najważniejsze wskaźniki',
      charts: [],
      tables: [
        {
          columns: [
            { header: 'Wskaźnik', kind: 'text', weight: 3 },
            { header: 'Okres', kind: 'text' },
            { header: 'Poprzedni okres', kind: 'text' },
            { header: 'Zmiana', kind: 'text' },
          ],
          rows: [],
        },
      ],
    },
    countSection(
      'Rodzaje',
      'Sprawy według rodzaju',
      'Rodzaj',
      r.byKind.rows.map((row) => ({ key: row.key, label: kindLabel(row.key), value: row })),
      r.byKind.total,
    ),
    {
      sheet: 'Miesiące',
      title: 'Sprawy według miesiąca i rodzaju',
      charts: [
        {
          type: 'months',
          title: 'Sprawy według miesiąca i rodzaju',
          months: r.byMonth.current.map((m) => monthLabel(m.month)),
          series: CASE_KINDS.map((k) => ({ label: kindLabel(k), values: r.byMonth.current.map((m) => m.byKind[k]) })),
        },
      ],
      tables: [
        {
          columns: [
            { header: 'Miesiąc', kind: 'text' },
            ...CASE_KINDS.map((k) => ({ header: kindLabel(k), kind: 'count' as const })),
            { header: 'Razem', kind: 'count' },
          ],
          rows: r.byMonth.current.map((m) => [monthLabel(m.month), ...CASE_KINDS.map((k) => m.byKind[k]), m.total]),
        },
      ],
    },
    countSection(
      'Komórki',
      'Sprawy według komórki organizacyjnej',
      'Komórka',
      r.byDepartment.rows.map((row) => ({ key: row.key, label: `${row.symbol} – ${row.name}`, value: row })),
      r.byDepartment.total,
    ),
    countSection(
      'Kanały',
      'Sprawy według sposobu wniesienia',
      'Kanał',
      r.byChannel.rows.map((row) => ({ key: row.key, label: pl(CHANNEL_LABELS[row.key], row.key), value: row })),
      r.byChannel.total,
    ),
    {
      sheet: 'Przyczyny',
      title: 'Obszary do poprawy: kategorie przyczyn skarg',
      charts: [
        {
          type: 'bars',
          title: 'Skargi według kategorii przyczyny',
          unit: 'count',
          bars: r.rootCauses.rows.map((row) => ({ label: row.label.pl, value: row.current, previous: row.previous })),
        },
      ],
      tables: [
        {
          columns: [
            { header: 'Poz.', kind: 'count', weight: 0.6 },
            { header: 'Kategoria', kind: 'text', weight: 3 },
            ...COMPARED,
            { header: 'Udział', kind: 'share' },
            { header: 'Trend', kind: 'text' },
          ],
          rows: [
            ...r.rootCauses.rows.map((row) => [
              row.rank,
              row.retired ? `${row.label.pl} (wycofana)` : row.label.pl,
              ...comparedCells(row),
              row.share,
              TREND_LABELS[row.trend] ?? row.trend,
            ]),
            [null, 'Razem (z ustaloną przyczyną)', ...comparedCells(r.rootCauses.total), null, null],
          ],
          totalRow: true,
        },
      ],
      notes: [
        `Skargi bez ustalonej przyczyny: ${r.rootCauses.unrecorded.current} (poprzednio ${r.rootCauses.unrecorded.previous}).`,
      ],
    },
    countSection(
      'Rozstrzygnięcia',
      'Sposób załatwienia skarg',
      'Rozstrzygnięcie',
      r.complaintOutcomes.rows.map((row) => ({
        key: row.key,
        label: pl(COMPLAINT_OUTCOME_LABELS[row.key], row.key),
        value: row,
      })),
      r.complaintOutcomes.total,
    ),
    {
      sheet: 'Terminowość',
      title: 'Załatwienie w terminie i czas załatwienia',
      charts: [
        {
          type: 'bars',
          title: 'Udział spraw załatwionych w terminie',
          unit: 'share',
          bars: s.byKind.map((k) => ({
            label: kindLabel(k.kind),
            value: k.current.withinDeadlineShare ?? 0,
            previous: k.previous.withinDeadlineShare ?? 0,
          })),
        },
      ],
      tables: [
        {
          columns: [
            { header: 'Rodzaj', kind: 'text', weight: 2 },
            { header: 'Załatwione', kind: 'count' },
            { header: 'W terminie', kind: 'count' },
            { header: 'Udział w terminie', kind: 'share' },
            { header: 'Mediana dni', kind: 'days' },
            { header: '90. percentyl dni', kind: 'days' },
            { header: 'Udział poprzednio', kind: 'share' },
          ],
          rows: [
            ...s.byKind.map((k) => [
              kindLabel(k.kind),
              k.current.total,
              k.current.withinDeadline,
              k.current.withinDeadlineShare,
              k.current.medianDays,
              k.current.p90Days,
              k.previous.withinDeadlineShare,
            ]),
            [
              'Razem',
              s.current.total,
              s.current.withinDeadline,
              s.current.withinDeadlineShare,
              s.current.medianDays,
              s.current.p90Days,
              s.previous.withinDeadlineShare,
            ],
          ],
          totalRow: true,
        },
      ],
    },
    {
      sheet: 'Przedłużenia',
      title: 'Przedłużenia terminu (art. 36 KPA) i ich przyczyny',
      charts: [],
      tables: [
        {
          columns: [{ header: 'Wielkość', kind: 'text', weight: 3 }, ...COMPARED],
          rows: [
            ['Sprawy z przedłużonym terminem', ...comparedCells(e.casesExtended)],
            ['Przedłużenia razem', ...comparedCells(e.total)],
          ],
        },
        {
          caption: 'Przyczyny przedłużeń w okresie',
          columns: [
            { header: 'Przyczyna', kind: 'text', weight: 4 },
            { header: 'Liczba', kind: 'count' },
          ],
          rows: e.current.reasons.map((x) => [x.reason, x.count]),
        },
      ],
    },
    {
      sheet: 'Obietnice',
      title: 'Obietnice kontaktu zwrotnego (standard 17)',
      charts: [
        {
          type: 'bars',
          title: 'Obietnice w okresie',
          unit: 'count',
          bars: [
            { label: 'Dotrzymane na czas', value: pr.current.keptOnTime, previous: pr.previous.keptOnTime },
            { label: 'Dotrzymane po terminie', value: pr.current.keptLate, previous: pr.previous.keptLate },
            { label: 'Niedotrzymane', value: pr.current.broken, previous: pr.previous.broken },
          ],
        },
      ],
      tables: [
        {
          columns: [
            { header: 'Obietnice', kind: 'text', weight: 3 },
            { header: 'Okres', kind: 'count' },
            { header: 'Poprzedni okres', kind: 'count' },
          ],
          rows: [
            ['Dotrzymane na czas', pr.current.keptOnTime, pr.previous.keptOnTime],
            ['Dotrzymane po terminie', pr.current.keptLate, pr.previous.keptLate],
            ['Niedotrzymane', pr.current.broken, pr.previous.broken],
            ['Jeszcze otwarte', pr.current.open, pr.previous.open],
            ['Razem', pr.current.total, pr.previous.total],
          ],
          totalRow: true,
        },
        {
          columns: [
            { header: 'Udział dotrzymanych na czas', kind: 'text', weight: 3 },
            { header: 'Okres', kind: 'share' },
            { header: 'Poprzedni okres', kind: 'share' },
          ],
          rows: [['', pr.current.keptOnTimeShare, pr.previous.keptOnTimeShare]],
        },
      ],
    },
    {
      sheet: 'Pomyłki',
      title: 'Pomyłki urzędu (standard 21)',
      charts: [],
      tables: [
        {
          columns: [
            { header: 'Wielkość', kind: 'text', weight: 3 },
            { header: 'Okres', kind: 'text' },
            { header: 'Poprzedni okres', kind: 'text' },
          ],
          rows: [],
        },
        {
          caption: 'Działania zapobiegawcze zapisane w okresie',
          columns: [
            { header: 'Znak sprawy', kind: 'text', weight: 1.4 },
            { header: 'Komórka', kind: 'text', weight: 0.7 },
            { header: 'Działanie zapobiegawcze', kind: 'text', weight: 4 },
          ],
          rows: oe.preventiveActions.map((a) => [a.reference, a.departmentSymbol, a.preventiveAction]),
        },
      ],
    },
    {
      sheet: 'Odmowy',
      title: 'Decyzje odmowne (standard 19) i co po nich nastąpiło',
      charts: [],
      tables: [
        {
          columns: [
            { header: 'Wielkość', kind: 'text', weight: 3 },
            { header: 'Okres', kind: 'count' },
            { header: 'Poprzedni okres', kind: 'count' },
          ],
          rows: [
            ['Decyzje odmowne', rf.current.total, rf.previous.total],
            ['Pouczono o odwołaniu', rf.current.appealInfoGiven, rf.previous.appealInfoGiven],
            ['Po odmowie wpłynęła sprawa powiązana', rf.current.followed, rf.previous.followed],
            ['…w tym skarga', rf.current.followedByComplaint, rf.previous.followedByComplaint],
            ['…w tym inna sprawa (np. odwołanie)', rf.current.followedByOther, rf.previous.followedByOther],
          ],
        },
      ],
    },
    {
      sheet: 'Incydenty',
      title: 'Agresywni klienci (standard 22): incydenty według wagi',
      charts: [
        {
          type: 'bars',
          title: 'Incydenty według wagi',
          unit: 'count',
          bars: inc.bySeverity.rows.map((row) => ({
            label: severityLabel(row.key),
            value: row.current,
            previous: row.previous,
          })),
        },
      ],
      tables: [
        {
          columns: [{ header: 'Waga', kind: 'text', weight: 3 }, ...COMPARED],
          rows: [
            ...inc.bySeverity.rows.map((row) => [severityLabel(row.key), ...comparedCells(row)]),
            ['Razem', ...comparedCells(inc.bySeverity.total)],
            ['Wezwano ochronę', ...comparedCells(inc.securityCalled)],
            ['Wezwano policję', ...comparedCells(inc.policeCalled)],
          ],
        },
      ],
    },
    {
      sheet: 'Zadowolenie',
      title: 'Zadowolenie klienta przy rozwiązaniu skargi',
      charts: [],
      tables: [
        {
          columns: [{ header: 'Odpowiedź klienta', kind: 'text', weight: 3 }, ...COMPARED],
          rows: [
            ...sat.answers.rows.map((row) => [pl(SATISFACTION_LABELS[row.key], row.key), ...comparedCells(row)]),
            ['Razem', ...comparedCells(sat.answers.total)],
          ],
          totalRow: true,
        },
        {
          caption: 'Ile propozycji rozwiązania było potrzeba',
          columns: [{ header: 'Propozycje', kind: 'text', weight: 3 }, ...COMPARED],
          rows: [
            ...sat.proposals.rows.map((row) => [row.key, ...comparedCells(row)]),
            ['Razem', ...comparedCells(sat.proposals.total)],
          ],
          totalRow: true,
        },
      ],
      notes: [
        `Średnio propozycji: ${fmt(sat.averageProposals.current)} (poprzednio ${fmt(sat.averageProposals.previous)}).`,
      ],
    },
    {
      sheet: 'Działania',
      title: 'Działania doskonalące i ich skutek',
      charts: [],
      tables: [
        {
          columns: [
            { header: 'Kategoria', kind: 'text', weight: 1.5 },
            { header: 'Działanie', kind: 'text', weight: 3 },
            { header: 'Odpowiada', kind: 'text', weight: 1.3 },
            { header: 'Termin', kind: 'text' },
            { header: 'Wykonano', kind: 'text' },
            { header: 'Skargi przed', kind: 'count' },
            { header: 'Skargi po', kind: 'count' },
          ],
          rows: r.improvementActions.map((a) => [
            a.rootCauseLabel.pl,
            `${a.what} (oczekiwany skutek: ${a.expectedEffect})`,
            a.owner,
            a.dueOn,
            a.doneOn,
            a.complaintsBefore,
            a.complaintsAfter,
          ]),
        },
      ],
      notes: ['Skargi z kategorii działania w oknach o równej długości przed datą wykonania i od niej.'],
    },
  ];
  return sections.map((section) => fill(section, r));
}

const severityLabel = (k: string) =>
  k === 'unrecorded' ? 'Nie zapisano' : pl(INCIDENT_SEVERITY_LABELS[k as keyof typeof INCIDENT_SEVERITY_LABELS], k);

const fmt = (n: number | null) => (n === null ? '–' : String(n).replace('.', ','));

/** Sections whose rows mix units are filled here, with the figures already formatted as text. */
function fill(section: ReportSection, r: QualityReport): ReportSection {
  if (section.sheet === 'Wskaźniki') {
    section.tables[0].rows = r.headline.map((h) => [
      HEADLINE_LABELS[h.key] ?? h.key,
      figure(h.current, h.unit),
      figure(h.previous, h.unit),
      change(h.change, h.unit),
    ]);
  }
  if (section.sheet === 'Pomyłki') {
    const c = r.officeErrors.current;
    const p = r.officeErrors.previous;
    section.tables[0].rows = [
      ['Pomyłki zapisane', figure(c.total, 'count'), figure(p.total, 'count')],
      ['Klient poinformowany', figure(c.informed, 'count'), figure(p.informed, 'count')],
      ['Mediana godzin do poinformowania', figure(c.medianInformHours, 'hours'), figure(p.medianInformHours, 'hours')],
      [
        'Poinformowany w terminie (udział)',
        figure(c.informedWithinTargetShare, 'share'),
        figure(p.informedWithinTargetShare, 'share'),
      ],
      [
        'Zapisane działania zapobiegawcze',
        figure(c.preventiveActionsRecorded, 'count'),
        figure(p.preventiveActionsRecorded, 'count'),
      ],
    ];
  }
  return section;
}

const NUMBER = new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('pl-PL', { style: 'percent', maximumFractionDigits: 1 });

export function figure(value: number | null, unit: 'count' | 'share' | 'days' | 'hours'): string {
  if (value === null) return '–';
  if (unit === 'share') return PERCENT.format(value);
  if (unit === 'days') return `${NUMBER.format(value)} dni`;
  if (unit === 'hours') return `${NUMBER.format(value)} godz.`;
  return NUMBER.format(value);
}

function change(value: number | null, unit: 'count' | 'share' | 'days'): string {
  if (value === null) return '–';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  const abs = Math.abs(value);
  if (unit === 'share') return `${sign}${NUMBER.format(Math.round(abs * 1000) / 10)} pp`;
  return `${sign}${figure(abs, unit)}`;
}
