import { z } from 'zod';

const objectBody = z.record(z.string(), z.unknown());
const urlVerification = z.object({ type: z.literal('url_verification'), challenge: z.string().max(500) });

export type SlackBody = z.infer<typeof objectBody>;

/**
 * Events arrive as JSON; slash commands as form fields; interactivity as a form field `payload`
 * holding JSON. Returns null when the body is none of these.
 */
export function parseSlackBody(raw: string, contentType: string | undefined): SlackBody | null {
  try {
    if (contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      const parsed = objectBody.safeParse(payload === null ? Object.fromEntries(form) : JSON.parse(payload));
      return parsed.success ? parsed.data : null;
    }
    const parsed = objectBody.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The Events API handshake: answered with the challenge, never passed to the app. */
export function urlVerificationChallenge(body: SlackBody): string | null {
  const parsed = urlVerification.safeParse(body);
  return parsed.success ? parsed.data.challenge : null;
}
