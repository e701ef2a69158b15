import type { StaffRole } from '@karna/contracts';

/** The roles' Swedish names, for text the server writes itself (the start banner). */
export const staffRoleNamesSv: Record<StaffRole, string> = {
  caseOfficer: 'handläggare',
  registrar: 'registrator',
  protectedIdentityOfficer: 'handläggare för skyddade personuppgifter',
  systemOwner: 'systemägare',
  itDepartment: 'IT-avdelningen',
  serviceOrderer: 'avropsberättigad beställare',
  administrator: 'administratör',
};
