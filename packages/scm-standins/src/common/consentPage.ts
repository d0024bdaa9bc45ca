import { escapeHtml } from './http';

export interface ConsentAccount {
  /** The value posted back (login / username). */
  value: string;
  label: string;
}

export interface ConsentPageOptions {
  /** "GitHub" or "GitLab". */
  service: string;
  /** Where the form posts to. */
  action: string;
  accounts: ConsentAccount[];
  /** The authorize parameters, carried through the form unchanged. */
  carry: Record<string, string>;
  clientName: string;
  scopes: string[];
}

/** The consent page: pick an account and authorize the application. */
export function renderConsentPage(options: ConsentPageOptions): string {
  const title = `Sign in to the ${options.service} stand-in`;
  const hidden = Object.entries(options.carry)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(
          value,
        )}">`,
    )
    .join('\n      ');
  const accounts = options.accounts
    .map(
      account =>
        `<option value="${escapeHtml(account.value)}">${escapeHtml(
          account.label,
        )}</option>`,
    )
    .join('\n        ');
  const scopes = options.scopes.length
    ? options.scopes.map(escapeHtml).join(', ')
    : '(none)';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)}</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; }
    label, select, button { display: block; font-size: 1rem; margin-top: 0.75rem; }
    select { width: 100%; padding: 0.4rem; }
    button { padding: 0.5rem 1.5rem; }
  </style>
</head>
<body>
  <h1>${escapeHtml(title)}</h1>
  <p>A local stand-in for ${escapeHtml(
    options.service,
  )}, for the demo and tests only.</p>
  <p><strong>${escapeHtml(options.clientName)}</strong> asks for: ${scopes}</p>
  <form method="post" action="${escapeHtml(options.action)}">
      ${hidden}
      <label for="login">Sign in as</label>
      <select id="login" name="login">
        ${accounts}
      </select>
      <button type="submit" name="authorize" value="1">Authorize</button>
  </form>
</body>
</html>
`;
}
