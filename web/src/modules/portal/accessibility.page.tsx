import { useI18n } from '../../lib/i18n.tsx';
import { Page } from '../../ui/page.tsx';

/** `/tillganglighet`: the accessibility statement the Swedish DOS act asks every public website for. */
export function AccessibilityStatementPage() {
  const { t } = useI18n();
  const s = t.accessibilityStatement;
  return (
    <Page title={s.title}>
      <div className="prose">
        <p className="lead">{s.intro}</p>
        <h2>{s.goalHeading}</h2>
        <p>{s.goal}</p>
        <h2>{s.contactHeading}</h2>
        <p>{s.contact}</p>
        <h2>{s.supervisionHeading}</h2>
        <p>{s.supervision}</p>
      </div>
    </Page>
  );
}
