import type { App } from '@slack/bolt';
import type { CertificateService } from '../../src/certificates/types.ts';
import type { Locale } from '../../src/engine/types.ts';
import { localize } from '../../src/i18n/locale.ts';
import type { Logger } from '../../src/logging.ts';
import { fill, phrases } from './phrases.ts';
import { renderCertificate } from './render-certificate.ts';
import type { SlackMessage, SlackPoster } from './slack-poster.ts';

const CERTIFICATE_NUMBER = /^[A-Z0-9-]{4,40}$/;
/** Staff work in simplified Chinese; `/cert` carries only a number, which says nothing about language. */
const STAFF_LOCALE: Locale = 'zh-Hans';

export interface CertCommandDeps {
  certificates: Pick<CertificateService, 'findByNumber'>;
  staffUserIds: readonly string[];
  poster: SlackPoster;
  logger: Logger;
}

/** What `/cert <text>` from `userId` shows; only staff see certificate data. */
export async function certLookup(deps: CertCommandDeps, userId: string, rawText: string, channel: string): Promise<SlackMessage> {
  const say = (phrase: { zh: string; en: string }) => localize(phrase, STAFF_LOCALE);
  const plain = (text: string): SlackMessage => ({ channel, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
  if (!deps.staffUserIds.includes(userId)) return plain(say(phrases.certRefused));
  const number = rawText.trim().toUpperCase();
  if (!CERTIFICATE_NUMBER.test(number)) return plain(say(phrases.certUsage));
  try {
    const certificate = await deps.certificates.findByNumber(number, { kind: 'staff', id: `slack:${userId}` });
    if (certificate === null) return plain(fill(say(phrases.certNotFound), { number }));
    return { channel, ...renderCertificate(certificate, STAFF_LOCALE) };
  } catch (error) {
    deps.logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'certificate look-up failed');
    return plain(say(phrases.certFailed));
  }
}

/** `/cert <number>`: acknowledged at once, answered with an ephemeral message only the asker sees. */
export function registerCertCommand(app: App, deps: CertCommandDeps): void {
  const log = deps.logger.child({ component: 'slack-cert' });
  app.command('/cert', async ({ command, ack }) => {
    await ack();
    const message = await certLookup({ ...deps, logger: log }, command.user_id, command.text, command.channel_id);
    try {
      await deps.poster.postEphemeral({ ...message, user: command.user_id });
    } catch (error) {
      log.error({ reason: error instanceof Error ? error.message : String(error) }, 'could not answer /cert');
    }
  });
}
