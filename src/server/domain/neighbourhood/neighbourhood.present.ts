import type { AccessContext } from '../../http/context.js';
import { today } from '../../../shared/dates.js';
import type { IncidentRow, MeetingRow, overview } from './neighbourhood.service.js';
import { daysBetween } from './neighbourhood.signal.js';

const iso = (v: string | Date) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

export function presentMeeting(m: MeetingRow) {
  return { id: m.id, locationId: m.location_id, heldOn: m.held_on, attendees: m.attendees, notes: m.notes, recordedAt: iso(m.recorded_at) };
}

/**
 * An incident as the caller may see it: without `details` (a municipality) the description,
 * follow-up and tenancy link are left out; the tenancy link also needs the tenancy itself to
 * be visible to the caller.
 */
export function presentIncident(i: IncidentRow, _ctx: AccessContext, on = today()) {
  const open = i.closed_on === null;
  const ageDays = daysBetween(i.occurred_on, i.closed_on ?? on);
  return {
    id: i.id,
    locationId: i.location_id,
    location: i.location,
    occurredOn: i.occurred_on,
    source: i.source,
    severity: i.severity,
    details: i.details,
    description: i.details ? i.description : null,
    followUp: i.details ? i.follow_up : null,
    tenancy: i.details && i.tenancy_id ? { id: i.tenancy_id, unitLabel: i.unit_label ?? '' } : null,
    closedOn: i.closed_on,
    open,
    ageDays,
    overdue: open && ageDays > i.alert_days,
    version: i.version,
    abilities: { edit: i.details, close: i.details && open },
  };
}

export function presentOverview(o: Awaited<ReturnType<typeof overview>>) {
  const { loc, lastMeetings, ...rest } = o;
  return {
    location: {
      id: loc.id,
      name: loc.name,
      form: loc.form,
      municipality: loc.municipality,
      district: loc.district,
      corporation: loc.corporation,
      provider: loc.provider,
      version: loc.version,
    },
    ...rest,
    lastMeetings: lastMeetings.map(presentMeeting),
  };
}
