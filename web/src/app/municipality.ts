/**
 * The municipality's contact details, shown in the footer, the accessibility statement and the
 * page on personal data.
 *
 * DEMO DATA: Mölnåls stad is the invented demo municipality. The addresses are made up, the e-mail
 * domain is `.example` (reserved, never delivered) and the phone number is from the series the
 * Swedish Post and Telecom Authority (PTS) keeps for fiction (031-390 06 00–99). A municipality that
 * runs Kärna replaces all of this with its own details.
 */
export const municipalityContact = {
  name: 'Mölnåls stad',
  phone: { display: '031-390 06 00', href: 'tel:+46313900600' },
  email: 'kontaktcenter@molnal.example',
  /** For reports about the accessibility of the e-services (the statement's feedback contact). */
  accessibilityEmail: 'tillganglighet@molnal.example',
  /** The data protection officer (dataskyddsombud). */
  dataProtectionOfficerEmail: 'dataskyddsombud@molnal.example',
  visitingAddress: ['Stadshuset, Storgatan 1', 'Mölnål'],
  postalAddress: ['Mölnåls stad', 'Box 100', '439 90 Mölnål'],
} as const;
