import {
  formatOrganisationNumber,
  formatPersonalNumber,
  type OwnedProperty,
  type Protection,
  type RegisteredAddress,
  type RelatedPerson,
  type RepresentedOrganisation,
} from '@karna/contracts';
import type { ReactNode } from 'react';
import { formatDate, formatName } from '../../lib/format.ts';
import { type Messages, useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';

// The register's facts as the staff overview and Mina sidor show them.

/** `198501012382` → `19850101-2382`; anything else is shown as it came. */
export function displayPersonalNumber(personalNumber: string): string {
  try {
    return formatPersonalNumber(personalNumber, 'long');
  } catch {
    return personalNumber;
  }
}

/** `5560000000` → `556000-0000`; anything else is shown as it came. */
export function displayOrganisationNumber(organisationNumber: string): string {
  return /^\d{10}$/.test(organisationNumber)
    ? formatOrganisationNumber(organisationNumber)
    : organisationNumber;
}

/** Swedish postal codes are written `431 30`. */
function displayPostalCode(postalCode: string): string {
  return /^\d{5}$/.test(postalCode) ? `${postalCode.slice(0, 3)} ${postalCode.slice(3)}` : postalCode;
}

const coordinateFormats = new Map<string, Intl.NumberFormat>();

/** WGS84 latitude and longitude with five decimals (about a metre), in the user's number format. */
export function formatWgs84(
  point: { latitude: number; longitude: number },
  locale: string,
  t: Messages,
): string {
  let format = coordinateFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
    coordinateFormats.set(locale, format);
  }
  return t.registry.latLong(format.format(point.latitude), format.format(point.longitude));
}

export function isProtected(protection: Protection): boolean {
  return protection !== 'none';
}

/** "Skyddad personuppgift", for a person whose identity is protected. */
export function ProtectedBadge() {
  const { t } = useI18n();
  return <span className="badge badge-protected">{t.registry.protectedBadge}</span>;
}

/** A registered address over its lines, as on an envelope. */
export function AddressLines({ address }: { address: RegisteredAddress }) {
  const { t } = useI18n();
  return (
    <>
      {address.careOf && (
        <>
          {t.registry.careOf(address.careOf)}
          <br />
        </>
      )}
      {address.streetAddress}
      <br />
      {displayPostalCode(address.postalCode)} {address.postalTown}
    </>
  );
}

/** One fact: a term and its value, in a `.details` list. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * Children or guardians: name, birth date and age, or only "Skyddad" for a protected relative.
 * `renderName` shows a named person's name differently (the staff overview links to them).
 */
export function RelativeList({
  people,
  label,
  emptyText,
  renderName,
}: {
  people: readonly RelatedPerson[];
  label: string;
  emptyText: string;
  renderName?: (person: Extract<RelatedPerson, { protected: false }>) => ReactNode;
}) {
  const { t, locale } = useI18n();
  if (people.length === 0) return <EmptyState>{emptyText}</EmptyState>;
  return (
    <ul className="record-list" aria-label={label}>
      {people.map((person, index) =>
        person.protected ? (
          // A protected relative has no id to tell them apart: their place in the list is all there is.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={`protected-${index}`}>
            <span className="record-title">{t.registry.protectedRelative}</span>
          </li>
        ) : (
          <li key={person.id}>
            <span className="record-title">{renderName ? renderName(person) : formatName(person)}</span>
            <span className="record-line">
              {t.registry.bornOn(formatDate(person.birthDate, locale))} · {t.registry.age(person.age)}
            </span>
          </li>
        ),
      )}
    </ul>
  );
}

/** Properties owned: designation, share, area and where it is (WGS84). */
export function PropertyList({ properties, label }: { properties: readonly OwnedProperty[]; label: string }) {
  const { t, locale } = useI18n();
  if (properties.length === 0) return <EmptyState>{t.registry.noProperties}</EmptyState>;
  const area = new Intl.NumberFormat(locale);
  return (
    <ul className="record-list" aria-label={label}>
      {properties.map((property) => (
        <li key={property.id}>
          <span className="record-title">{property.designation}</span>
          <dl className="record-facts">
            <Fact term={t.registry.share}>
              {property.share.numerator}/{property.share.denominator}
            </Fact>
            <Fact term={t.registry.area}>
              {property.areaSquareMetres === null
                ? t.registry.unknownArea
                : t.registry.squareMetres(area.format(property.areaSquareMetres))}
            </Fact>
            <Fact term={t.registry.coordinates}>{formatWgs84(property.coordinates.wgs84, locale, t)}</Fact>
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** Companies and organisations: name, organisation number and legal form. */
export function OrganisationList({
  organisations,
  label,
  renderName,
}: {
  organisations: readonly RepresentedOrganisation[];
  label: string;
  renderName?: (organisation: RepresentedOrganisation) => ReactNode;
}) {
  const { t } = useI18n();
  if (organisations.length === 0) return <EmptyState>{t.registry.noOrganisations}</EmptyState>;
  return (
    <ul className="record-list" aria-label={label}>
      {organisations.map((organisation) => (
        <li key={organisation.id}>
          <span className="record-title">{renderName ? renderName(organisation) : organisation.name}</span>
          <dl className="record-facts">
            <Fact term={t.registry.organisationNumber}>
              {displayOrganisationNumber(organisation.organisationNumber)}
            </Fact>
            <Fact term={t.registry.legalForm}>{organisation.legalForm}</Fact>
          </dl>
        </li>
      ))}
    </ul>
  );
}
