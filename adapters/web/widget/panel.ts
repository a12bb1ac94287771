import { element } from './dom.ts';
import type { UiStrings } from './strings.ts';
import { widgetCss } from './styles.ts';

export interface PanelElements {
  launcher: HTMLButtonElement;
  panel: HTMLElement;
  close: HTMLButtonElement;
  log: HTMLElement;
  typing: HTMLElement;
  form: HTMLFormElement;
  input: HTMLTextAreaElement;
}

/** A constructed stylesheet is not inline CSS, so host pages with a strict style-src still style the widget. */
function applyStyles(shadow: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(widgetCss);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = element('style');
    style.textContent = widgetCss;
    shadow.append(style);
  }
}

/** The widget's fixed markup inside its shadow root: launcher, dialog, message log, typing line, composer. */
export function buildPanel(shadow: ShadowRoot, strings: UiStrings): PanelElements {
  const root = element('div', 'root');

  const launcher = element('button', 'launcher');
  launcher.type = 'button';
  launcher.setAttribute('aria-label', strings.launcherLabel);
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'cert-assistant-panel');
  const icon = element('span', 'launcher-icon');
  icon.setAttribute('aria-hidden', 'true');
  launcher.append(icon, element('span', undefined, strings.launcher));

  const panel = element('section', 'panel');
  panel.id = 'cert-assistant-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-labelledby', 'cert-assistant-title');

  const header = element('div', 'header');
  const title = element('h2', 'title', strings.title);
  title.id = 'cert-assistant-title';
  const close = element('button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', strings.close);
  header.append(title, close);

  const log = element('div', 'log');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-label', strings.log);
  log.tabIndex = 0;

  const typing = element('div', 'typing');
  typing.hidden = true;
  typing.setAttribute('role', 'status');
  typing.append(element('span', 'dots'), element('span', undefined, strings.typing));
  typing.querySelector('.dots')?.setAttribute('aria-hidden', 'true');

  const form = element('form', 'composer');
  const label = element('label', 'visually-hidden', strings.inputLabel);
  label.htmlFor = 'cert-assistant-input';
  const input = element('textarea', 'input');
  input.id = 'cert-assistant-input';
  input.rows = 1;
  input.maxLength = 2_000;
  input.placeholder = strings.placeholder;
  input.setAttribute('enterkeyhint', 'send');
  const send = element('button', 'send', strings.send);
  send.type = 'submit';
  form.append(label, input, send);

  panel.append(header, log, typing, form);
  root.append(launcher, panel);
  applyStyles(shadow);
  shadow.append(root);
  return { launcher, panel, close, log, typing, form, input };
}
