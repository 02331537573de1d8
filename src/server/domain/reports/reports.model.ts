/** A text in Dutch and English. */
export interface Text {
  nl: string;
  en: string;
}

/** One figure of a report: a label, its value and, where it is a share of people, the n it rests on. */
export interface ReportRow {
  key: string;
  label: Text;
  value: number | string | null;
  /** The number of people the figure rests on, when it is about people. */
  n?: number | null;
  /** True when the figure rests on fewer than 5 people and is left out (small-cell rule). */
  suppressed?: boolean;
}

/** A section of the progress report (counter, pipeline, tranches, outcomes, business case, bottlenecks). */
export interface ReportSection {
  key: string;
  title: Text;
  note?: Text;
  rows: ReportRow[];
}

/** The progress report of a programme on a date: what the ministry and the coalition receive. */
export interface ProgressReport {
  programme: { id: string; name: string; target: number; periodStart: string; periodEnd: string };
  date: string;
  generatedAt: string;
  sections: ReportSection[];
}

export type Lang = 'nl' | 'en';
