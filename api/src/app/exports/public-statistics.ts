import type { PublicStatistics, PublicStatisticsSection } from '@pu/contracts';
import {
  CASE_KIND_LABELS,
  CASE_KINDS,
  CHANNEL_LABELS,
  CHANNELS,
  COMPLAINT_OUTCOME_LABELS,
  COMPLAINT_OUTCOMES,
  DISCLOSURE_THRESHOLD,
  suppressBreakdown,
} from '@pu/workflow';
import type { DepartmentLabel, ExportPeriod, StatisticsRow } from './exports.queries';

const MONTHS_PL = [
  'styczeń',
  'luty',
  'marzec',
  'kwiecień',
  'maj',
  'czerwiec',
  'lipiec',
  'sierpień',
  'wrzesień',
  'październik',
  'listopad',
  'grudzień',
];

const EXTRA_OUTCOMES: Record<string, string> = {
  pending: 'W toku (nierozstrzygnięte)',
  settled: 'Załatwiona (bez zapisanego rozstrzygnięcia)',
};
const DEADLINE_LABELS: Record<string, string> = {
  on_time: 'Załatwione w terminie',
  late: 'Załatwione po terminie',
  open: 'W toku',
};

interface SectionSpec {
  id: StatisticsRow['dimension'];
  title: string;
  /** Known keys in their display order; keys found in the data but not listed follow, sorted. */
  order: readonly string[];
  label: (key: string) => string;
}

export interface StatisticsLabels {
  office: string;
  departments: readonly DepartmentLabel[];
  /** Root-cause codes → the office's names for them. */
  rootCauses: ReadonlyMap<string, string>;
}

function sections(labels: StatisticsLabels): SectionSpec[] {
  const departments = new Map(labels.departments.map((d) => [d.symbol, `${d.symbol} – ${d.name}`]));
  return [
    {
      id: 'kind',
      title: 'Sprawy według rodzaju',
      order: CASE_KINDS,
      label: (k) => CASE_KIND_LABELS[k as keyof typeof CASE_KIND_LABELS]?.pl ?? k,
    },
    {
      id: 'month',
      title: 'Sprawy według miesiąca wpływu',
      order: [],
      label: (k) => `${MONTHS_PL[Number(k.slice(5, 7)) - 1] ?? k} ${k.slice(0, 4)}`,
    },
    {
      id: 'department',
      title: 'Sprawy według komórki organizacyjnej',
      order: labels.departments.map((d) => d.symbol),
      label: (k) => departments.get(k) ?? k,
    },
    {
      id: 'channel',
      title: 'Sprawy według sposobu wniesienia',
      order: CHANNELS,
      label: (k) => CHANNEL_LABELS[k as keyof typeof CHANNEL_LABELS]?.pl ?? k,
    },
    {
      id: 'outcome',
      title: 'Skargi według sposobu załatwienia',
      order: [...COMPLAINT_OUTCOMES, 'settled', 'pending'],
      label: (k) => COMPLAINT_OUTCOME_LABELS[k as keyof typeof COMPLAINT_OUTCOME_LABELS]?.pl ?? EXTRA_OUTCOMES[k] ?? k,
    },
    {
      id: 'root_cause',
      title: 'Skargi według kategorii przyczyny',
      order: [...labels.rootCauses.keys(), 'not_recorded'],
      label: (k) => (k === 'not_recorded' ? 'Przyczyna nieustalona' : (labels.rootCauses.get(k) ?? k)),
    },
    {
      id: 'deadline',
      title: 'Sprawy z terminem załatwienia według dotrzymania terminu',
      order: ['on_time', 'late', 'open'],
      label: (k) => DEADLINE_LABELS[k] ?? k,
    },
  ];
}

/**
 * The published figures: counts per breakdown, each breakdown suppressed on its own (libs/workflow
 * disclosure-control.ts). Only codes, the office's own labels and counts go in: no value of any case.
 */
export function publicStatistics(
  rows: readonly StatisticsRow[],
  period: ExportPeriod,
  department: DepartmentLabel | null,
  labels: StatisticsLabels,
): PublicStatistics {
  const result: PublicStatisticsSection[] = [];
  for (const spec of sections(labels)) {
    const found = new Map<string, number>();
    for (const r of rows) if (r.dimension === spec.id && r.key !== null) found.set(r.key, r.n);
    const keys = [
      ...spec.order.filter((k) => found.has(k)),
      ...[...found.keys()].filter((k) => !spec.order.includes(k)).sort(),
    ];
    const counts = keys.map((k) => found.get(k) ?? 0);
    const total = counts.reduce((a, b) => a + b, 0);
    const shown = suppressBreakdown(total, counts);
    result.push({
      id: spec.id,
      title: spec.title,
      total: shown.total,
      rows: keys.map((key, i) => ({ key, label: spec.label(key), count: shown.counts[i] })),
    });
  }
  return {
    office: labels.office,
    department: department ? { symbol: department.symbol, name: department.name } : null,
    period,
    threshold: DISCLOSURE_THRESHOLD,
    notes: [
      `Liczby mniejsze niż ${DISCLOSURE_THRESHOLD} nie są publikowane („<3”), zgodnie z zasadą tajemnicy statystycznej.`,
      '„x” oznacza liczbę ukrytą dodatkowo, aby ukrytej wartości nie można było odtworzyć z sumy (ukrycie wtórne).',
      'Zestawienie nie zawiera danych osobowych ani treści spraw; sprawy przypisano do dnia wpływu według czasu warszawskiego.',
    ],
    sections: result,
  };
}

export const STATISTICS_CSV_HEADER = ['Sekcja', 'Nazwa sekcji', 'Kod', 'Pozycja', 'Liczba'] as const;

/** The same figures as the JSON, one line per row and one "razem" line per section. */
export function* statisticsCsvRows(stats: PublicStatistics): Generator<(string | number)[]> {
  for (const s of stats.sections) {
    for (const r of s.rows) yield [s.id, s.title, r.key, r.label, r.count];
    yield [s.id, s.title, 'total', 'Razem', s.total];
  }
}
