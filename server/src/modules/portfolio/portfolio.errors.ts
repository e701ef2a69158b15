import { AppError, type ErrorCatalog, type FieldErrorDetail } from '../../platform/http/errors.ts';

export const portfolioErrorCodes = [
  'system_not_found',
  'system_name_taken',
  'owning_board_invalid',
  'org_unit_unknown',
  'person_unknown',
  'information_type_unknown',
  'lifecycle_move_not_allowed',
  'accepted_owner_required',
  'role_already_held',
  'dates_out_of_order',
  'system_owner_required',
  'role_not_for_subject',
  'role_assignment_not_found',
  'role_not_yours',
  'reserved_for_it_department',
  'role_granted_by_others',
  'role_above_yours',
  'roles_conflict',
  'classification_answers_invalid',
  'integration_not_found',
  'integration_needs_two_systems',
  'designation_overlaps',
  'designation_not_found',
  'rating_round_not_found',
  'rating_round_closed',
  'management_object_not_found',
  'management_object_name_taken',
  'component_not_found',
  'component_name_taken',
  'import_not_found',
  'import_file_unreadable',
  'import_has_errors',
] as const;
export type PortfolioErrorCode = (typeof portfolioErrorCodes)[number];

export function portfolioError(
  code: PortfolioErrorCode,
  options: { detail?: string; fieldErrors?: FieldErrorDetail[] } = {},
): AppError<PortfolioErrorCode> {
  return new AppError(code, options);
}

export const portfolioErrors: ErrorCatalog<PortfolioErrorCode> = {
  system_not_found: { status: 404, title: { sv: 'Systemet finns inte.', en: 'The system does not exist.' } },
  system_name_taken: {
    status: 409,
    title: {
      sv: 'Det finns redan ett system med det namnet.',
      en: 'A system with that name already exists.',
    },
  },
  owning_board_invalid: {
    status: 400,
    title: { sv: 'Systemägaren ska vara en nämnd.', en: 'The owner must be a board (nämnd).' },
  },
  org_unit_unknown: {
    status: 400,
    title: { sv: 'Organisationsenheten finns inte.', en: 'The organisation unit does not exist.' },
  },
  person_unknown: {
    status: 400,
    title: {
      sv: 'Personen finns inte bland kommunens medarbetare.',
      en: 'The person is not one of the staff.',
    },
  },
  information_type_unknown: {
    status: 400,
    title: { sv: 'Informationsmängden finns inte.', en: 'The information type does not exist.' },
  },
  lifecycle_move_not_allowed: {
    status: 409,
    title: {
      sv: 'Systemet kan inte gå till det skedet härifrån.',
      en: 'The system cannot move to that stage from where it is.',
    },
  },
  accepted_owner_required: {
    status: 409,
    title: {
      sv: 'Ett system kan inte införas eller tas i drift utan en namngiven systemägare som har accepterat uppdraget.',
      en: 'A system cannot be introduced or put into operation without a named system owner who has accepted the role.',
    },
  },
  role_already_held: {
    status: 409,
    title: {
      sv: 'Rollen innehas redan av någon annan under den perioden. Avsluta den först.',
      en: 'Someone else holds the role in that period. End that first.',
    },
  },
  dates_out_of_order: {
    status: 400,
    title: {
      sv: 'Slutdatumet ligger före startdatumet eller utanför perioden.',
      en: 'The end date is before the start date or outside the period.',
    },
  },
  system_owner_required: {
    status: 409,
    title: {
      sv: 'Ett system i bruk ska alltid ha en systemägare. Utse en ny innan den nuvarande avslutas.',
      en: 'A system in use must always have a system owner. Appoint a new one before ending the current one.',
    },
  },
  role_not_for_subject: {
    status: 400,
    title: {
      sv: 'Rollen finns inte för den sortens objekt.',
      en: 'The role does not exist for that kind of object.',
    },
  },
  role_assignment_not_found: {
    status: 404,
    title: { sv: 'Rolltilldelningen finns inte.', en: 'The role assignment does not exist.' },
  },
  role_not_yours: {
    status: 403,
    title: {
      sv: 'Bara den som fått rollen kan acceptera den.',
      en: 'Only the person given the role can accept it.',
    },
  },
  reserved_for_it_department: {
    status: 403,
    title: {
      sv: 'Ägande nämnd, systemägare och åsidosatt nivå ändras av IT-avdelningen.',
      en: 'The owning board, the system owner and an overridden tier are changed by the IT department.',
    },
  },
  role_granted_by_others: {
    status: 403,
    title: {
      sv: 'Du kan inte ge dig själv en roll. Någon annan med rätt att utse rollen behöver göra det.',
      en: 'You cannot give yourself a role. Someone else entitled to appoint it needs to.',
    },
  },
  role_above_yours: {
    status: 403,
    title: {
      sv: 'Den rollen utses av någon med en högre roll i systemets förvaltning eller av IT-avdelningen.',
      en: 'That role is appointed by someone with a higher role in the system’s governance, or by the IT department.',
    },
  },
  roles_conflict: {
    status: 409,
    title: {
      sv: 'Samma person kan inte vara både systemägare och systemförvaltare (IT) för ett system under samma tid.',
      en: 'The same person cannot be both system owner and IT custodian of a system at the same time.',
    },
  },
  classification_answers_invalid: {
    status: 400,
    title: {
      sv: 'Alla frågor i klassningen ska besvaras med ett av deras svarsalternativ.',
      en: 'Every question of the classification must be answered with one of its options.',
    },
  },
  integration_not_found: {
    status: 404,
    title: { sv: 'Integrationen finns inte.', en: 'The integration does not exist.' },
  },
  integration_needs_two_systems: {
    status: 400,
    title: {
      sv: 'En integration går från ett system till ett annat.',
      en: 'An integration goes from one system to another.',
    },
  },
  designation_overlaps: {
    status: 409,
    title: {
      sv: 'Informationsmängden har redan ett auktoritativt system för samma omfattning under den perioden.',
      en: 'The information type already has an authoritative system for the same scope in that period.',
    },
  },
  designation_not_found: {
    status: 404,
    title: { sv: 'Masterdatautpekandet finns inte.', en: 'The master-data designation does not exist.' },
  },
  rating_round_not_found: {
    status: 404,
    title: { sv: 'Enkätomgången finns inte.', en: 'The rating round does not exist.' },
  },
  rating_round_closed: {
    status: 409,
    title: { sv: 'Enkätomgången är inte öppen.', en: 'The rating round is not open.' },
  },
  management_object_not_found: {
    status: 404,
    title: { sv: 'Förvaltningsobjektet finns inte.', en: 'The management object does not exist.' },
  },
  management_object_name_taken: {
    status: 409,
    title: {
      sv: 'Det finns redan ett förvaltningsobjekt med det namnet.',
      en: 'A management object with that name exists.',
    },
  },
  component_not_found: {
    status: 404,
    title: {
      sv: 'Komponenten finns inte i standardsortimentet.',
      en: 'The component is not in the standard assortment.',
    },
  },
  component_name_taken: {
    status: 409,
    title: {
      sv: 'Det finns redan en komponent med det namnet i standardsortimentet.',
      en: 'A component with that name is already in the standard assortment.',
    },
  },
  import_not_found: {
    status: 404,
    title: { sv: 'Importen finns inte eller har gått ut.', en: 'The import does not exist or has expired.' },
  },
  import_file_unreadable: {
    status: 400,
    title: {
      sv: 'Filen kunde inte läsas. Ladda upp en Excel-fil (.xlsx) eller en CSV-fil med rubriker på första raden.',
      en: 'The file could not be read. Upload an Excel file (.xlsx) or a CSV file with headings in the first row.',
    },
  },
  import_has_errors: {
    status: 422,
    title: {
      sv: 'Filen har rader med fel. Inget har importerats.',
      en: 'The file has rows with errors. Nothing was imported.',
    },
  },
};
