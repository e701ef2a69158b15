import { type Language, messagesFor, useI18n } from '../lib/i18n.tsx';
import { Button } from '../ui/button.tsx';

/**
 * A button naming the other language in that language ("English" / "Svenska"), marked with its
 * `lang` so screen readers pronounce it right.
 */
export function LanguageSwitch() {
  const { language, setLanguage } = useI18n();
  const other: Language = language === 'sv' ? 'en' : 'sv';
  const otherMessages = messagesFor(other);
  return (
    <Button size="small" variant="quiet" onPress={() => setLanguage(other)}>
      <span lang={other}>{otherMessages.language.name}</span>
    </Button>
  );
}
