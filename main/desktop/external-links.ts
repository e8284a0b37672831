import type { Shell } from 'electron';
import { ALLOWED_LINK_PROTOCOLS } from '../../shared/extensions';

const EXTERNAL_PROTOCOLS: readonly string[] = ALLOWED_LINK_PROTOCOLS.map((p) => `${p}:`);

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
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
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
