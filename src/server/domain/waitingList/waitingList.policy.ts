import type { Role } from '../../../shared/enums.js';

/** The priority rules are the programme's: the office sets them; everyone who sees the list may read them. */
export const canWaitingList = {
  editPriority: (a: { roles: Role[] }) => a.roles.includes('programme_office'),
};
