import { useI18n } from '../../lib/i18n.tsx';

/** Where each kind of fact on Mina sidor comes from, and where it is corrected. */
export type FactSource = 'population' | 'property' | 'companies' | 'self';

const authorityLinks: Record<Exclude<FactSource, 'self'>, string> = {
  population: 'https://www.skatteverket.se',
  property: 'https://www.lantmateriet.se',
  companies: 'https://bolagsverket.se',
};

/** "Källa: Folkbokföring — ändras hos Skatteverket", with a link to the authority. */
export function FactSourceLine({ source }: { source: FactSource }) {
  const { t } = useI18n();
  const { name, correction, authority } = t.myDetails.sources[source];
  return (
    <p className="fact-source">
      {t.myDetails.source}: <strong>{name}</strong> — {correction}
      {source !== 'self' && (
        <>
          {' '}
          <a href={authorityLinks[source]}>{authority}</a>
        </>
      )}
    </p>
  );
}
