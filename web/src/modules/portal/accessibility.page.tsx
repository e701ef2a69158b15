import { Fragment } from 'react';
import { municipalityContact } from '../../app/municipality.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { accessibilityTexts, statementDate } from './accessibility.texts.ts';

const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';

/**
 * `/tillganglighet`: the accessibility statement the Swedish DOS act asks every public website
 * for, in the structure of DIGG's template.
 */
export function AccessibilityStatementPage() {
  const { t, language } = useI18n();
  const s = accessibilityTexts[language];
  const contact = municipalityContact;
  const reportHref = `mailto:${contact.accessibilityEmail}?${new URLSearchParams({ subject: s.reportSubject })}`;
  return (
    <Page title={s.title}>
      <div className="prose">
        <p className="lead">{s.intro}</p>

        <h2>{s.howAccessibleHeading}</h2>
        <p>{s.howAccessible}</p>
        <p>{s.whatWorksIntro}</p>
        <ul>
          {s.whatWorks.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>

        <h2>{s.alternativesHeading}</h2>
        <p>{s.alternatives}</p>
        <ul>
          <li>
            {t.footer.phone}: <a href={contact.phone.href}>{contact.phone.display}</a> (
            {t.footer.openingHoursText})
          </li>
          <li>
            {t.footer.email}: <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </li>
        </ul>
        <p>{s.responseTime}</p>

        <h2>{s.reportHeading}</h2>
        <p>{s.report}</p>
        <p>
          <a href={reportHref}>{s.reportLink}</a> ({contact.accessibilityEmail})
        </p>
        <p>
          {s.reportPhone} <a href={contact.phone.href}>{contact.phone.display}</a>
        </p>

        <h2>{s.supervisionHeading}</h2>
        <p>{s.supervision}</p>
        <p>
          <a href={DIGG_REPORT_URL} hrefLang="sv">
            {s.supervisionLink}
          </a>
        </p>

        <h2>{s.technicalHeading}</h2>
        <p>{s.compliance}</p>

        <h2>{s.notAccessibleHeading}</h2>
        <p>{s.notAccessibleIntro}</p>
        {s.problems.map((problem) => (
          <Fragment key={problem.title}>
            <h3>{problem.title}</h3>
            <p>{problem.text}</p>
          </Fragment>
        ))}

        <h2>{s.documentsHeading}</h2>
        <p>{s.documents}</p>

        <h2>{s.outOfScopeHeading}</h2>
        <p>{s.outOfScope}</p>

        <h2>{s.testedHeading}</h2>
        <p>{s.tested}</p>
        <ul>
          {s.testMethods.map((method) => (
            <li key={method}>{method}</li>
          ))}
        </ul>
        <p>{s.testedLimits}</p>
        <p>
          {s.assessedOn} <time dateTime={statementDate}>{s.date}</time>.
        </p>
        <p>
          {s.updatedOn} <time dateTime={statementDate}>{s.date}</time>.
        </p>
      </div>
    </Page>
  );
}
