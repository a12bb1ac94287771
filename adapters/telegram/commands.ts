/** Slash commands and the engine text each one stands for. */
export const telegramCommands = [
  { command: 'start', engineText: '你好', zh: '开始使用', en: 'Start' },
  { command: 'help', engineText: '帮助', zh: '帮助', en: 'Help' },
  { command: 'status', engineText: '查询证书状态', zh: '查询证书状态', en: 'Check certificate status' },
  { command: 'annotate', engineText: '申请加注', zh: '申请加注', en: 'Request an annotation' },
  { command: 'download', engineText: '下载证书', zh: '下载证书', en: 'Download a certificate' },
  { command: 'cancel', engineText: '取消', zh: '取消当前操作', en: 'Cancel the current step' },
] as const;

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?:\s|$)/;

/**
 * The text the engine should see for a message: a known command (`/status`, `/status@my_bot`,
 * `/start payload`) becomes its engine text; anything else passes through unchanged.
 */
export function engineTextFor(text: string, botUsername?: string): string {
  const match = COMMAND.exec(text);
  if (!match) return text;
  const [, name, addressedTo] = match;
  if (addressedTo && botUsername && addressedTo.toLowerCase() !== botUsername.toLowerCase()) return text;
  const known = telegramCommands.find((entry) => entry.command === name?.toLowerCase());
  return known ? known.engineText : text;
}

export function commandMenu(language: 'zh' | 'en'): { command: string; description: string }[] {
  return telegramCommands.map((entry) => ({ command: entry.command, description: entry[language] }));
}
