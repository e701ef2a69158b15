import { municipalityContact } from '../../app/municipality.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { personalDataDate, personalDataTexts } from './personal-data.texts.ts';

const IMY_URL = 'https://www.imy.se/';

/** `/personuppgifter`: how personal data is processed (GDPR article 13), linked from every page's footer. */
export function PersonalDataPage() {
  const { t, language } = useI18n();
  const s = personalDataTexts[language];
  const contact = municipalityContact;
  return (
    <Page title={s.title}>
      <div className="prose">
        <p className="lead">{s.intro}</p>

        <h2>{s.controllerHeading}</h2>
        <p>{s.controller}</p>
        <p>{s.controllerContact}</p>
        <ul>
          <li>
            {t.footer.phone}: <a href={contact.phone.href}>{contact.phone.display}</a>
          </li>
          <li>
            {t.footer.email}: <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </li>
          <li>
            {t.footer.postalAddress}: {contact.postalAddress.join(', ')}
          </li>
        </ul>

        <h2>{s.dpoHeading}</h2>
        <p>{s.dpo}</p>
        <ul>
          <li>
            {t.footer.email}:{' '}
            <a href={`mailto:${contact.dataProtectionOfficerEmail}`}>{contact.dataProtectionOfficerEmail}</a>
          </li>
          <li>
            {t.footer.postalAddress}: {[s.dpoPostal, ...contact.postalAddress].join(', ')}
          </li>
        </ul>

        <h2>{s.dataHeading}</h2>
        <ul>
          {s.data.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>

        <h2>{s.purposesHeading}</h2>
        <ul>
          {s.purposes.map(({ purpose, basis }) => (
            <li key={purpose}>
              {purpose} {basis}
            </li>
          ))}
        </ul>
        <p>{s.requirement}</p>
        <p>{s.automated}</p>

        <h2>{s.recipientsHeading}</h2>
        <ul>
          {s.recipients.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>{s.transfer}</p>

        <h2>{s.retentionHeading}</h2>
        {s.retention.map((line) => (
          <p key={line}>{line}</p>
        ))}

        <h2>{s.rightsHeading}</h2>
        <p>{s.rightsIntro}</p>
        <ul>
          {s.rights.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>{s.rightsHow}</p>

        <h3>{s.complaintHeading}</h3>
        <p>{s.complaint}</p>
        <p>
          <a href={IMY_URL}>{s.complaintLink}</a>
        </p>

        <p>
          {s.updatedOn} <time dateTime={personalDataDate}>{s.date}</time>.
        </p>
      </div>
    </Page>
  );
}
