import type { ServicePrefill, SessionUser } from '@karna/contracts';
import { formatName } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';

/** `198501012382` as `19850101-2382`. */
function displayPersonalNumber(number: string): string {
  return /^\d{12}$/.test(number) ? `${number.slice(0, 8)}-${number.slice(8)}` : number;
}

/**
 * What the municipality already knows about the applicant, shown read-only on the form and never
 * asked for (B3): name, personal identity number and registered address from the register.
 */
export function PrefillSummary({
  prefill,
  user,
  isUnavailable,
}: {
  prefill: ServicePrefill | null;
  user: SessionUser;
  isUnavailable: boolean;
}) {
  const { t } = useI18n();
  const m = t.services.form;
  const applicant = prefill?.applicant ?? null;
  const address = applicant?.address;
  return (
    <section className="card prefill-summary" aria-labelledby="prefill-heading">
      <h2 id="prefill-heading" className="card-heading">
        {m.prefillHeading}
      </h2>
      <dl className="details">
        <div>
          <dt>{m.name}</dt>
          <dd>{formatName(applicant ?? user)}</dd>
        </div>
        <div>
          <dt>{m.personalNumber}</dt>
          <dd>{applicant ? displayPersonalNumber(applicant.personalNumber) : user.personalNumberMasked}</dd>
        </div>
        {address && (
          <div>
            <dt>{m.address}</dt>
            <dd>
              {address.careOf && (
                <>
                  {t.registry.careOf(address.careOf)}
                  <br />
                </>
              )}
              {address.streetAddress}
              <br />
              {address.postalCode} {address.postalTown}
            </dd>
          </div>
        )}
      </dl>
      <p className="muted prefill-source">{isUnavailable ? m.prefillUnavailable : m.prefillSource}</p>
    </section>
  );
}
