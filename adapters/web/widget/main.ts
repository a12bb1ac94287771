import { startChatWidget } from './chat-widget.ts';
import { pageLocale } from './strings.ts';

const HOST_TAG = 'cert-assistant-widget';

/** Embedding: `<script src="https://…/widget.js" defer></script>`; the API is found beside the script. */
function boot(script: HTMLScriptElement | null): void {
  if (document.querySelector(HOST_TAG)) return;
  const baseUrl = new URL('.', script?.src || window.location.href).href;
  const host = document.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  document.body.append(host);
  startChatWidget({
    shadow,
    baseUrl,
    locale: pageLocale(document.documentElement.lang || ''),
    storageKey: `cert-assistant:v1:${new URL(baseUrl).origin}`,
  });
}

// currentScript is only set while this script first runs, so it is read before waiting for the body.
const currentScript = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
if (document.body) boot(currentScript);
else document.addEventListener('DOMContentLoaded', () => boot(currentScript), { once: true });
