import type { Shell } from 'electron';
import { ALLOWED_LINK_PROTOCOLS } from '../../shared/extensions';

const EXTERNAL_PROTOCOLS: readonly string[] = ALLOWED_LINK_PROTOCOLS.map((p) => `${p}:`);

/**
 * The header fields a mailto link may fill in (RFC 6068 names `to`, `subject`, `body`, `cc`,
 * `bcc`). Everything else is refused rather than dropped: some mail programs take `attach=`,
 * `attachment=` or `file=` and attach a local file to the message, which a crafted link in a
 * release would use to send the officer's files away.
 */
const MAILTO_FIELDS: ReadonlySet<string> = new Set(['subject', 'body', 'cc', 'bcc']);

/** One address or a comma-separated list; nothing that a mail program could read as a field. */
const MAILTO_ADDRESSES =
  /^([^\s@,;?&=<>()"]+@[^\s@,;?&=<>()"]+)(,[^\s@,;?&=<>()"]+@[^\s@,;?&=<>()"]+)*$/;

/** Addresses validated above, written back with their `@` and `,` as mail programs expect them. */
const encodeAddresses = (addresses: string): string =>
  encodeURIComponent(addresses).replace(/%40/g, '@').replace(/%2C/g, ',');

/**
 * A mailto link rebuilt from what it was found to hold, or null: the addresses, then only the
 * allowed fields, each value percent-encoded again so that no `;` or `&` inside one can be taken
 * for another field by a lenient mail program.
 */
const safeMailto = (url: URL): string | null => {
  let addresses: string;
  try {
    addresses = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (addresses !== '' && !MAILTO_ADDRESSES.test(addresses)) return null;
  const fields: string[] = [];
  // Split by hand: URLSearchParams would read `+` as a space, which mailto does not.
  for (const part of url.search.slice(1).split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(at < 0 ? part : part.slice(0, at));
      value = at < 0 ? '' : decodeURIComponent(part.slice(at + 1));
    } catch {
      return null;
    }
    const field = name.toLowerCase();
    if (!MAILTO_FIELDS.has(field)) return null;
    if ((field === 'cc' || field === 'bcc') && value !== '' && !MAILTO_ADDRESSES.test(value))
      return null;
    const encoded =
      field === 'cc' || field === 'bcc' ? encodeAddresses(value) : encodeURIComponent(value);
    fields.push(`${field}=${encoded}`);
  }
  if (addresses === '' && fields.length === 0) return null;
  return `mailto:${encodeAddresses(addresses)}${fields.length > 0 ? `?${fields.join('&')}` : ''}`;
};

/**
 * The URL to hand to the system, or null. Only the link kinds a release may carry (http, https,
 * mailto) leave the app, and only after the URL parser agrees: `shell.openExternal` would also
 * launch `file:`, `smb:` or custom-scheme handlers, which is how a crafted link runs code.
 */
export const externalUrl = (raw: string): string | null => {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.includes(url.protocol)) return null;
  if (url.protocol === 'mailto:') return safeMailto(url);
  if (!url.hostname) return null;
  // Credentials in a link are a phishing trick (`https://bank.example@evil.example/`).
  if (url.username || url.password) return null;
  return url.href;
};

/** Opens a link in the system browser or mail program when it is safe; says whether it did. */
export const openExternalSafely = (shell: Pick<Shell, 'openExternal'>, raw: string): boolean => {
  const url = externalUrl(raw);
  if (!url) return false;
  // The one reviewed openExternal in the app: its argument has passed externalUrl() above, which
  // tests/unit/desktop-links.test.ts covers. The security gate allows this exception only here.
  shell.openExternal(url).catch(() => undefined); // eng-disable OPEN_EXTERNAL_JS_CHECK
  return true;
};
