import type { DemoIds, Run } from './participants.js';

/**
 * Tranches and contingents in the demo region (issue 6, part 5). The tranches themselves come
 * from demo.ts: the first (114 homes, De Tussenvoorziening, deadline 31 December 2021) and the
 * second (86, other regional providers). `tranches.capacity` is the original, contracted
 * capacity (docs/tranches.md), so there is no baseline capacity event: this seed checks the
 * capacities agree with the pledged homes instead. No rollover is confirmed, so the first
 * tranche's year-end preview shows the places unused on 31 December 2021 (the 20 scattered
 * places of seed 000 and a few empty homes) — confirming it is the office's decision.
 *
 * Contingents ("Beter Wonen", seed 004): De Tussenvoorziening aims at 30 % intake homes in the
 * first year; the numbers of homes are fictitious, as is Leger des Heils's contingent.
 */
export async function seedDemoTranches(run: Run, ids: DemoIds): Promise<{ contingents: number }> {
  const org = (name: string) => {
    const o = ids.organisations.get(name);
    if (!o) throw new Error(`seed: unknown organisation ${name}`);
    return o;
  };
  const tranches = (await run(
    `SELECT t.number, t.capacity, count(u.id)::int AS homes FROM tranches t
       LEFT JOIN units u ON u.region_id = t.region_id AND u.tranche_id = t.id
      WHERE t.region_id = $1 AND t.programme_id = $2 GROUP BY t.number, t.capacity ORDER BY t.number`,
    [ids.regionId, ids.programmeId],
  )) as { number: number; capacity: number; homes: number }[];
  const first = tranches.find((t) => t.number === 1);
  if (!first || first.capacity !== 114 || first.homes !== 114) {
    throw new Error(`seed: the first tranche should hold 114 places and homes, found ${first?.capacity}/${first?.homes}`);
  }
  const contingents: [string, number, number, number][] = [
    ['De Tussenvoorziening', 2021, 40, 30],
    ['De Tussenvoorziening', 2022, 40, 30],
    ['Leger des Heils', 2021, 20, 20],
  ];
  for (const [provider, year, homes, target] of contingents) {
    await run(
      `INSERT INTO provider_contingents (region_id, id, programme_id, provider_id, year, homes, intake_target_percent)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [ids.regionId, ids.id('contingent', provider, String(year)), ids.programmeId, org(provider), year, homes, target],
    );
  }
  return { contingents: contingents.length };
}
