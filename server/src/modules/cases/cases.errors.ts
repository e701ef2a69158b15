import { AppError, type ErrorCatalog, type FieldErrorDetail } from '../../platform/http/errors.ts';

export const casesErrorCodes = [
  'case_not_found',
  'case_document_not_found',
  'case_task_not_found',
  'case_task_done',
  'case_closed',
  'case_not_awaiting_decision',
  'unknown_outcome',
  'assignee_not_allowed',
  'task_needs_another_person',
  'tracking_not_found',
] as const;
export type CasesErrorCode = (typeof casesErrorCodes)[number];

export function casesError(
  code: CasesErrorCode,
  options: { fieldErrors?: FieldErrorDetail[] } = {},
): AppError<CasesErrorCode> {
  return new AppError(code, options);
}

export const casesErrors: ErrorCatalog<CasesErrorCode> = {
  case_not_found: {
    status: 404,
    title: { sv: 'Ärendet finns inte.', en: 'The case does not exist.' },
  },
  case_document_not_found: {
    status: 404,
    title: { sv: 'Handlingen finns inte i ärendet.', en: 'The document is not in the case.' },
  },
  case_task_not_found: {
    status: 404,
    title: { sv: 'Uppgiften finns inte i ärendet.', en: 'The task is not in the case.' },
  },
  task_needs_another_person: {
    status: 403,
    title: {
      sv: 'Du har gjort ett tidigare steg i ärendet som en annan person ska kontrollera. En kollega behöver slutföra den här uppgiften.',
      en: 'You did an earlier step of this case that another person must check. A colleague needs to complete this task.',
    },
  },
  case_task_done: {
    status: 409,
    title: { sv: 'Uppgiften är redan slutförd.', en: 'The task is already completed.' },
  },
  case_closed: {
    status: 409,
    title: { sv: 'Ärendet är avslutat.', en: 'The case is closed.' },
  },
  case_not_awaiting_decision: {
    status: 409,
    title: {
      sv: 'Ärendet väntar inte på beslut just nu.',
      en: 'The case is not waiting for a decision now.',
    },
  },
  unknown_outcome: {
    status: 400,
    title: {
      sv: 'Utfallet finns inte för den här ärendetypen.',
      en: 'The outcome does not exist for this case type.',
    },
  },
  assignee_not_allowed: {
    status: 400,
    title: {
      sv: 'Personen kan inte handlägga ärenden i den här enheten.',
      en: 'The person cannot handle cases in this unit.',
    },
  },
  tracking_not_found: {
    status: 404,
    title: {
      sv: 'Vi hittar inget ärende för länken. Kontrollera att du har kopierat hela länken.',
      en: 'No case was found for the link. Check that you copied the whole link.',
    },
  },
};
