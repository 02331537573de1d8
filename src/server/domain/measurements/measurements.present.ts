import type { z } from 'zod';
import { ZRM_DOMAINS, type MeasurementHousingStatus, type ZrmDomain } from '../../../shared/enums.js';
import type { MeasurementOut } from './measurements.schema.js';
import type { MeasurementRow } from './measurements.service.js';

/** What leaves the server of a measurement: scores, housing status and who measured; no free text is kept. */
export function presentMeasurement(m: MeasurementRow): z.infer<typeof MeasurementOut> {
  return {
    id: m.id,
    participant: { id: m.participant_id, code: m.code },
    measuredOn: m.measured_on,
    moment: m.moment,
    scores: Object.fromEntries(ZRM_DOMAINS.map((d) => [d, m[d] === null ? null : Number(m[d])])) as Record<ZrmDomain, number | null>,
    housingStatus: m.housing_status as MeasurementHousingStatus,
    qualityOfLife: m.quality_of_life === null ? null : Number(m.quality_of_life),
    organisation: { id: m.organisation_id, name: m.organisation_name },
    measuredBy: m.measured_by_name,
    recordedAt: m.created_at,
  };
}
