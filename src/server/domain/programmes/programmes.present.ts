/** The public shape of a programme: no internal columns. */
export function presentProgramme(p: {
  id: string;
  name: string;
  regionId: string;
  regionName: string;
  periodStart: string;
  periodEnd: string;
  target: number;
  budgetCents: number;
}) {
  return {
    id: p.id,
    name: p.name,
    regionId: p.regionId,
    regionName: p.regionName,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    target: p.target,
    budgetCents: Number(p.budgetCents),
  };
}

export function presentProgrammeDetail(
  p: Parameters<typeof presentProgramme>[0] & {
    reviewMoments: { id: string; date: string; title: string; notes: string | null }[];
  },
) {
  return {
    ...presentProgramme(p),
    reviewMoments: p.reviewMoments.map((m) => ({ id: m.id, date: m.date, title: m.title, notes: m.notes })),
  };
}
