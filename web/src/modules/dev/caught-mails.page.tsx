import type { CaughtMail } from '@karna/contracts';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { timeZone } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useCaughtMails } from './dev.api.ts';
import './caught-mails.css';

/** Date and time to the second, in Swedish time: mails sent together differ by seconds only. */
function formatToTheSecond(date: Date, locale: string, withDate: boolean): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: withDate ? 'medium' : undefined,
    timeStyle: 'medium',
    timeZone,
  }).format(date);
}

function CaughtMailItem({ mail }: { mail: CaughtMail }) {
  const { t, locale } = useI18n();
  const m = t.dev.caughtMails;
  const text = mail.text.trim();
  return (
    <li className="card caught-mail">
      <h3>{mail.subject || m.noSubject}</h3>
      <dl className="record-facts">
        <div>
          <dt>{m.from}</dt>
          <dd className="caught-mail-address">{mail.from}</dd>
        </div>
        <div>
          <dt>{m.to}</dt>
          <dd className="caught-mail-address">{mail.to.join(', ')}</dd>
        </div>
        <div>
          <dt>{m.receivedAt}</dt>
          <dd>
            <time dateTime={mail.receivedAt}>
              {formatToTheSecond(new Date(mail.receivedAt), locale, true)}
            </time>
          </dd>
        </div>
      </dl>
      <pre className="caught-mail-text">{text || m.noText}</pre>
    </li>
  );
}

/**
 * `/utveckling/e-post`: the mails the local SMTP catcher took, for developers (no login: see
 * server/src/platform/mail/caught-mails.routes.ts for why). The route behind it exists only in
 * development and tests without SMTP_URL; elsewhere the page says there is no catcher.
 */
export function CaughtMailsPage() {
  const { t, locale } = useI18n();
  const m = t.dev.caughtMails;
  const mails = useCaughtMails();
  const [message, setMessage] = useState<string | null>(null);

  const refresh = async () => {
    // Emptied first, so that the same count after a second refresh is announced again.
    setMessage(null);
    const result = await mails.refetch();
    if (result.isSuccess) {
      setMessage(m.refreshed(result.data.items.length, formatToTheSecond(new Date(), locale, false)));
    }
  };

  let content: ReactNode;
  if (mails.isPending) content = <LoadingStatus />;
  else if (mails.error instanceof ApiError && mails.error.status === 404) {
    content = (
      <div className="alert alert-info">
        <p>{m.noCatcher}</p>
      </div>
    );
  } else if (mails.isError) {
    content = <ProblemAlert error={mails.error} onRetry={() => void mails.refetch()} />;
  } else {
    const { items, smtpUrl } = mails.data;
    content = (
      <>
        <p>{m.kept}</p>
        <p>
          {m.sendYourOwn} <code className="caught-mail-address">{smtpUrl}</code>.
        </p>
        <p>
          <Button variant="primary" onPress={() => void refresh()} isPending={mails.isFetching}>
            {m.refresh}
          </Button>
        </p>
        <section aria-labelledby="caught-mails-heading" className="stack-small">
          <h2 id="caught-mails-heading">{m.listHeading}</h2>
          {items.length === 0 ? (
            <EmptyState>{m.empty}</EmptyState>
          ) : (
            <ol className="caught-mail-list">
              {items.map((mail) => (
                <CaughtMailItem key={mail.id} mail={mail} />
              ))}
            </ol>
          )}
        </section>
      </>
    );
  }

  return (
    <Page title={m.title}>
      <p className="notice">{m.developmentOnly}</p>
      <LiveStatus message={message} />
      {content}
    </Page>
  );
}
