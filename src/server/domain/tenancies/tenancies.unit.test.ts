import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, defaultLeaseHolder, EXIT_REASON_OF, median, missingForFlip } from './tenancies.rules.js';
import { EXIT_REASONS, TENANCY_END_REASONS } from '../../../shared/enums.js';

describe('tenancy rules', () => {
  it('defaults the lease holder: provider on the project route or at intake homes, else the tenant; never a provider lease without a provider', () => {
    expect(defaultLeaseHolder({ route: 'project', intakeHomes: false, providerId: 'p' })).toBe('provider');
    expect(defaultLeaseHolder({ route: 'scattered', intakeHomes: true, providerId: 'p' })).toBe('provider');
    expect(defaultLeaseHolder({ route: 'scattered', intakeHomes: false, providerId: 'p' })).toBe('tenant');
    expect(defaultLeaseHolder({ route: null, intakeHomes: false, providerId: 'p' })).toBe('tenant');
    expect(defaultLeaseHolder({ route: 'project', intakeHomes: true, providerId: null })).toBe('tenant');
  });

  it('maps every end reason but the move within the programme to an exit reason the participants allow', () => {
    for (const r of TENANCY_END_REASONS.filter((x) => x !== 'moved_within_programme')) {
      expect(EXIT_REASONS).toContain(EXIT_REASON_OF[r as keyof typeof EXIT_REASON_OF]);
    }
  });

  it('adds calendar months, clamping the day to the month’s end', () => {
    expect(addMonths('2021-02-01', 12)).toBe('2022-02-01');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2020-12-15', 2)).toBe('2021-02-15');
    expect(daysBetween('2021-02-01', '2022-04-01')).toBe(424);
  });

  it('names every missing item, and the corporation’s consent when the checklist lacks it', () => {
    const items = [
      { kind: 'rent_paid_on_time' as const, labelNl: 'Huur', labelEn: 'Rent', status: 'met' as const },
      { kind: 'goals_met' as const, labelNl: 'Doelen', labelEn: 'Goals', status: 'open' as const },
      { kind: 'tenant_agrees' as const, labelNl: 'Huurder', labelEn: 'Tenant', status: 'not_met' as const },
    ];
    const missing = missingForFlip(items);
    expect(missing.map((m) => m.en)).toEqual(['Goals (not yet checked)', 'Tenant (not met)', expect.stringContaining('consent')]);
    expect(missingForFlip([{ kind: 'corporation_agrees', labelNl: 'C', labelEn: 'C', status: 'met' }])).toEqual([]);
  });

  it('takes the median of an even and an odd list', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
