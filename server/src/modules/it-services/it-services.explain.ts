import type { ChargeLine, DriverKind } from '@karna/contracts';

/**
 * A charge line in plain words (N4): which pool and model, the department's driver quantities with
 * their weights, its share of all departments' units and the rate — or, for a service, the price,
 * quantity and days — so a department can check its invoice line by hand.
 */

type Line = Omit<ChargeLine, 'explanation'>;
type Language = 'sv' | 'en';

const MODEL_NAMES: Record<number, Record<Language, string>> = {
  2: { sv: 'per system efter nivå', en: 'per system by tier' },
  3: { sv: 'per dator', en: 'per computer' },
  4: { sv: 'per användare', en: 'per user' },
  5: { sv: 'per anslutning', en: 'per connection' },
  6: { sv: 'efter behov av förändringsprojekt', en: 'by change-project demand' },
};

const DRIVER_NAMES: Record<DriverKind, Record<Language, string>> = {
  systemGold: { sv: 'guldsystem', en: 'gold systems' },
  systemSilver: { sv: 'silversystem', en: 'silver systems' },
  systemBronze: { sv: 'bronssystem', en: 'bronze systems' },
  systemCopper: { sv: 'kopparsystem', en: 'copper systems' },
  computerStaff: { sv: 'datorer', en: 'computers' },
  computerPupil: { sv: 'elevdatorer (1-1)', en: "pupils' computers (1-to-1)" },
  user: { sv: 'användare', en: 'users' },
  connection: { sv: 'anslutningar', en: 'connections' },
  projectDemand: { sv: 'timmar projektbehov', en: 'hours of project demand' },
};

const numberFormats: Record<Language, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};
const moneyFormats: Record<Language, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

const kronor = (ore: number, language: Language) =>
  `${moneyFormats[language].format(ore / 100)} ${language === 'sv' ? 'kr' : 'SEK'}`;
const count = (value: number, language: Language) => numberFormats[language].format(value);

export function explain(line: Line): Record<Language, string> {
  return { sv: explainIn(line, 'sv'), en: explainIn(line, 'en') };
}

function explainIn(line: Line, language: Language): string {
  return line.kind === 'service' ? explainService(line, language) : explainPool(line, language);
}

function explainService(line: Line, language: Language): string {
  const price = kronor(line.rateOre, language);
  const quantity = count(line.units, language);
  if (line.days === null) {
    return language === 'sv'
      ? `${line.serviceName}, beställning ${line.orderNumber}: engångspris ${price} × ${quantity} = ${kronor(line.amountOre, language)}.`
      : `${line.serviceName}, order ${line.orderNumber}: one-off price ${price} × ${quantity} = ${kronor(line.amountOre, language)}.`;
  }
  return language === 'sv'
    ? `${line.serviceName}, beställning ${line.orderNumber}: ${price} per månad × ${quantity} under ${line.days} dagar av månaden = ${kronor(line.amountOre, language)}.`
    : `${line.serviceName}, order ${line.orderNumber}: ${price} a month × ${quantity} for ${line.days} days of the month = ${kronor(line.amountOre, language)}.`;
}

function explainPool(line: Line, language: Language): string {
  const model = MODEL_NAMES[line.model ?? 0]?.[language] ?? '';
  const drivers = line.drivers
    .map((driver) => {
      const quantity = `${count(driver.quantity, language)} ${DRIVER_NAMES[driver.kind][language]}`;
      return driver.weight === 1 ? quantity : `${quantity} × ${count(driver.weight, language)}`;
    })
    .join(' + ');
  const rounding =
    line.roundingOre > 0
      ? language === 'sv'
        ? ` (varav ${line.roundingOre} öre avrundning)`
        : ` (including ${line.roundingOre} öre of rounding)`
      : '';
  const rate = kronor(line.rateOre, language);
  return language === 'sv'
    ? `${line.costType} – ${line.category}, modell ${line.model} ${model}: ${drivers} = ${count(line.units, language)} enheter av kommunens ${count(line.totalUnits, language)}; ${rate} per enhet = ${kronor(line.amountOre, language)}${rounding}.`
    : `${line.costType} – ${line.category}, model ${line.model} ${model}: ${drivers} = ${count(line.units, language)} units of the municipality's ${count(line.totalUnits, language)}; ${rate} a unit = ${kronor(line.amountOre, language)}${rounding}.`;
}
