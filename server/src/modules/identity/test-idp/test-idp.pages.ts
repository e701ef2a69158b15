import { formatPersonalNumber } from '@karna/contracts';
import type { TestCitizen, TestStaffAccount } from './test-idp.directory.ts';

/** Which test issuer a page belongs to. */
export type TestIdpRealm = 'citizen' | 'staff';

/** A message shown next to the form field it concerns. */
export interface FieldError {
  field: 'choice' | 'personalNumber';
  message: string;
}

const BANNER = 'Testinloggning — inte en riktig e-legitimation';

const REALM_LABEL: Record<TestIdpRealm, string> = {
  citizen: 'E-legitimation för invånare (testversion)',
  staff: 'Kommunens konton för anställda (testversion)',
};

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1rem;line-height:1.5;color:#1b1b1b;background:#fff}
header{border-bottom:1px solid #8c8c8c}
.banner{margin:0;padding:.75rem 1rem;background:#fff1c2;border-bottom:4px solid #8a5a00;color:#3b2600;font-weight:700;text-align:center}
.realm{margin:0;padding:.5rem 1rem;color:#3d3d3d;text-align:center}
main{max-width:36rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
fieldset{border:1px solid #8c8c8c;border-radius:4px;margin:0 0 1.25rem;padding:.75rem 1rem}
legend{font-weight:700;padding:0 .25rem}
.choice{display:flex;align-items:flex-start;gap:.6rem;padding:.4rem 0}
.choice input{width:1.25rem;height:1.25rem;margin:.15rem 0 0;flex:none}
.choice label{flex:1;min-width:0;overflow-wrap:anywhere}
.detail{display:block;color:#3d3d3d;font-size:.95rem}
.field{margin:0 0 1.25rem}
.field label{display:block;font-weight:700}
.hint{margin:.25rem 0 .5rem;color:#3d3d3d;font-size:.95rem}
input[type=text]{display:block;width:100%;max-width:20rem;font:inherit;padding:.5rem;border:2px solid #5c5c5c;border-radius:4px;color:#1b1b1b;background:#fff}
input[aria-invalid=true]{border-color:#a4000f}
.error{margin:.25rem 0 .5rem;color:#a4000f;font-weight:700}
.summary{border:3px solid #a4000f;border-radius:4px;padding:.75rem 1rem;margin:0 0 1.25rem}
.summary h2{font-size:1.15rem;margin:0 0 .25rem}
.summary p{margin:0}
.actions{display:flex;flex-wrap:wrap;gap:.75rem}
button{font:inherit;font-weight:700;min-height:2.75rem;padding:.5rem 1.25rem;border-radius:4px;border:2px solid #1a4fa0;background:#1a4fa0;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1a4fa0}
a{color:#1a4fa0}
:focus-visible{outline:3px solid #1b1b1b;outline-offset:3px;box-shadow:0 0 0 6px #fff1c2}
code{overflow-wrap:anywhere}
`;

/** HTML-escapes a value for text or a double-quoted attribute. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function renderDocument(realm: TestIdpRealm, title: string, main: string): string {
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="banner">${BANNER}</p>
<p class="realm">${REALM_LABEL[realm]}</p>
</header>
<main>
${main}
</main>
</body>
</html>`;
}

function renderSummary(error: FieldError | undefined): string {
  if (!error) return '';
  const target = error.field === 'personalNumber' ? 'personal-number' : 'choice-0';
  return `<div class="summary" role="alert">
<h2>Det gick inte att logga in</h2>
<p><a href="#${target}">${escapeHtml(error.message)}</a></p>
</div>`;
}

function renderChoices(
  name: string,
  choices: { value: string; label: string; detail: string }[],
  autofocus: boolean,
) {
  return choices
    .map(
      (choice, index) => `<div class="choice">
<input type="radio" id="choice-${index}" name="${name}" value="${escapeHtml(choice.value)}"${autofocus && index === 0 ? ' autofocus' : ''}>
<label for="choice-${index}">${escapeHtml(choice.label)} <span class="detail">${escapeHtml(choice.detail)}</span></label>
</div>`,
    )
    .join('\n');
}

function renderChoiceError(error: FieldError | undefined): { attribute: string; message: string } {
  if (error?.field !== 'choice') return { attribute: '', message: '' };
  return {
    attribute: ' aria-describedby="choice-error"',
    message: `<p class="error" id="choice-error">Fel: ${escapeHtml(error.message)}</p>`,
  };
}

const ACTIONS = `<div class="actions">
<button type="submit" name="action" value="login">Logga in</button>
<button type="submit" name="action" value="cancel" class="secondary">Avbryt</button>
</div>`;

/** The e-legitimation login page: pick a demo citizen or type a Skatteverket test number. */
export function renderCitizenLoginPage(input: {
  action: string;
  citizens: readonly TestCitizen[];
  error?: FieldError;
  typedNumber?: string;
}): string {
  const { action, citizens, error, typedNumber = '' } = input;
  const choiceError = renderChoiceError(error);
  const numberError = error?.field === 'personalNumber' ? error.message : undefined;
  const numberAttributes = numberError
    ? 'aria-describedby="personal-number-hint personal-number-error" aria-invalid="true" autofocus'
    : 'aria-describedby="personal-number-hint"';
  const choices = citizens.map((citizen) => ({
    value: citizen.personalNumber,
    label: `${citizen.givenName} ${citizen.familyName}`,
    detail: formatPersonalNumber(citizen.personalNumber, 'long'),
  }));
  const main = `<h1>Logga in med e-legitimation</h1>
<p>Det här är en testmiljö. Du loggar in som en påhittad testperson, utan BankID eller Freja eID.</p>
${renderSummary(error)}
<form method="post" action="${escapeHtml(action)}" novalidate>
<fieldset${choiceError.attribute}>
<legend>Välj testperson</legend>
${choiceError.message}
${renderChoices('person', choices, error?.field === 'choice')}
</fieldset>
<div class="field">
<label for="personal-number">Eller ange ett annat testpersonnummer</label>
<p class="hint" id="personal-number-hint">10 eller 12 siffror, till exempel 19900101-2385. Bara Skatteverkets testpersonnummer fungerar. Ett ifyllt nummer används i stället för valet ovan.</p>
${numberError ? `<p class="error" id="personal-number-error">Fel: ${escapeHtml(numberError)}</p>` : ''}
<input type="text" id="personal-number" name="personalNumber" inputmode="numeric" autocomplete="off" spellcheck="false" value="${escapeHtml(typedNumber)}" ${numberAttributes}>
</div>
${ACTIONS}
</form>`;
  const title = `${error ? 'Fel: ' : ''}Logga in med e-legitimation (test) – Kärna`;
  return renderDocument('citizen', title, main);
}

/** The staff directory login page: pick one of the directory accounts. */
export function renderStaffLoginPage(input: {
  action: string;
  accounts: readonly TestStaffAccount[];
  error?: FieldError;
}): string {
  const { action, accounts, error } = input;
  const choiceError = renderChoiceError(error);
  const choices = accounts.map((account) => ({
    value: account.subject,
    label: `${account.givenName} ${account.familyName}`,
    detail: `${account.title} · ${account.email}`,
  }));
  const main = `<h1>Logga in med kommunens konto</h1>
<p>Det här är en testmiljö. Du loggar in som ett påhittat konto i kommunens testkatalog, utan lösenord.</p>
${renderSummary(error)}
<form method="post" action="${escapeHtml(action)}" novalidate>
<fieldset${choiceError.attribute}>
<legend>Välj konto</legend>
${choiceError.message}
${renderChoices('account', choices, error !== undefined)}
</fieldset>
${ACTIONS}
</form>`;
  const title = `${error ? 'Fel: ' : ''}Logga in som anställd (test) – Kärna`;
  return renderDocument('staff', title, main);
}

const ERROR_MESSAGES: Record<string, string> = {
  invalid_request: 'Inloggningsbegäran var felaktig eller har gått ut.',
  invalid_client: 'Tjänsten som du loggar in till är inte känd av testinloggningen.',
  invalid_redirect_uri: 'Tjänstens återhoppsadress är inte registrerad.',
  unauthorized_client: 'Tjänsten får inte logga in på det här sättet.',
  session_not_found: 'Inloggningen har gått ut eller avbrutits.',
  server_error: 'Ett oväntat fel inträffade i testinloggningen.',
};

/** The error page for failures that cannot be sent back to the service (relying party). */
export function renderErrorPage(realm: TestIdpRealm, error: { error: string; description?: string }): string {
  const message = ERROR_MESSAGES[error.error] ?? 'Inloggningen kunde inte genomföras.';
  const technical = error.description ? `${error.error}: ${error.description}` : error.error;
  const main = `<h1>Det gick inte att logga in</h1>
<p>${escapeHtml(message)}</p>
<p>Gå tillbaka till tjänsten och försök logga in igen.</p>
<p>Teknisk information: <code>${escapeHtml(technical)}</code></p>`;
  return renderDocument(realm, 'Det gick inte att logga in – Kärna', main);
}

/** The confirmation page of RP-initiated logout; `form` is oidc-provider's hidden form. */
export function renderLogoutPage(realm: TestIdpRealm, form: string): string {
  const main = `<h1>Logga ut från testinloggningen</h1>
<p>Du loggas ut från testinloggningen och skickas tillbaka till tjänsten.</p>
${form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes">Logga ut</button>
</div>`;
  return renderDocument(realm, 'Logga ut (test) – Kärna', main);
}

/** Shown after logout when the service gave no address to return to. */
export function renderLoggedOutPage(realm: TestIdpRealm): string {
  const main = `<h1>Du är utloggad</h1>
<p>Du är utloggad från testinloggningen. Du kan stänga fönstret.</p>`;
  return renderDocument(realm, 'Utloggad (test) – Kärna', main);
}
