/**
 * What one benchmark session says, in order: smalltalk, FAQ questions in the three scripts, a
 * status request answered with a demo holder's name and ID number (a real certificate look-up),
 * a repeated status request (the remembered identity) and a cancel. Every turn has an answer the
 * bot understands, so no session drifts into a hand-off to staff however often the cycle repeats.
 */
export const SESSION_SCRIPT: readonly { kind: 'smalltalk' | 'faq' | 'status' | 'command'; text: string }[] = [
  { kind: 'smalltalk', text: '你好' },
  { kind: 'faq', text: '电子证书什么时候可以下载？' },
  { kind: 'status', text: '查询我的证书状态' },
  { kind: 'status', text: '王芳' },
  { kind: 'status', text: '440305199208153454' },
  { kind: 'faq', text: 'How long is an annotation valid?' },
  { kind: 'faq', text: '電子證書加註的有效期是多久？' },
  { kind: 'status', text: '/status' },
  { kind: 'command', text: '更换身份' },
  { kind: 'smalltalk', text: '谢谢' },
];

/** 100 session ids for 100 concurrent sessions, as the chat API wants them (UUIDs). */
export function sessionIds(count: number, seed = 0): string[] {
  return Array.from({ length: count }, (_, index) => {
    const hex = (seed * 1_000_000 + index).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${hex}`;
  });
}
