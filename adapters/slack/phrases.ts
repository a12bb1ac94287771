import type { Phrase } from '../../src/i18n/locale.ts';

/** Staff-facing sentences of the Slack desk, written once in simplified Chinese and English. */
export const phrases = {
  confidence: { zh: '置信度', en: 'confidence' },
  certUsage: { zh: '用法：/cert <证书编号>，例如 /cert YJ2021000123。', en: 'Usage: /cert <certificate number>, for example /cert YJ2021000123.' },
  certRefused: {
    zh: '抱歉，/cert 仅限证书服务工作人员使用。如需帮助，请联系管理员。',
    en: 'Sorry, /cert is only available to certificate support staff. Please ask an administrator if you need access.',
  },
  certNotFound: { zh: '没有找到编号为 {number} 的证书，请核对编号后重试。', en: 'No certificate with number {number} was found. Please check the number and try again.' },
  certFailed: { zh: '暂时无法查询证书，请稍后再试。', en: 'The certificate could not be looked up right now. Please try again shortly.' },
  certTitle: { zh: '证书 {number}', en: 'Certificate {number}' },
  holder: { zh: '持证人', en: 'Holder' },
  idLast4: { zh: '身份证号后四位', en: 'ID number, last 4' },
  qualification: { zh: '资格', en: 'Qualification' },
  examYear: { zh: '考试年份', en: 'Exam year' },
  issuer: { zh: '发证机构', en: 'Issuer' },
  state: { zh: '状态', en: 'State' },
  quota: { zh: '加注次数（90 天内）', en: 'Annotations (last 90 days)' },
  quotaNext: { zh: '下次可申请：{date}', en: 'next possible on {date}' },
  mohrss: { zh: '人力资源和社会保障部', en: 'Ministry of Human Resources and Social Security' },
  unknown: { zh: '未知', en: 'unknown' },
  notOnline: { zh: '批次数据接收中，尚未上线', en: 'batch still receiving data, not online yet' },
  revoked: { zh: '已撤销（{date}）：{reason}', en: 'revoked on {date}: {reason}' },
  downloadable: { zh: '无需加注，可直接下载', en: 'downloadable without annotation' },
  needsAnnotation: { zh: '需先申请加注才能查看或下载', en: 'needs an annotation before viewing or download' },
  generating: { zh: '加注证书生成中，预计 {date} 前完成', en: 'annotation generating, expected by {date}' },
  active: { zh: '加注有效，至 {date}', en: 'annotation active until {date}' },
  expired: { zh: '加注已于 {date} 过期，可重新申请', en: 'annotation expired on {date}; may re-apply' },
  ticketTitle: { zh: '人工接入请求', en: 'Handoff request' },
  ticketFallback: { zh: '人工接入请求：{reason}', en: 'Handoff request: {reason}' },
  ticketSource: { zh: '来源', en: 'Source' },
  ticketReason: { zh: '原因', en: 'Reason' },
  ticketId: { zh: '工单', en: 'Ticket' },
  ticketOpened: { zh: '创建时间', en: 'Opened' },
  ticketHelp: {
    zh: '在此消息的线程中回复，内容会转达给用户；回复“已解决”结束对话。',
    en: 'Reply in this thread to answer the user; reply "resolved" to close the conversation.',
  },
  fromUser: { zh: '用户', en: 'User' },
  fromBot: { zh: '助手', en: 'Assistant' },
  fromStaff: { zh: '客服', en: 'Staff' },
  candidateSays: { zh: '*用户*：{text}', en: '*User*: {text}' },
  resolved: { zh: '✅ {staff} 已将此工单标记为已解决，对话已结束。', en: '✅ {staff} marked this ticket as resolved; the conversation is closed.' },
  alreadyResolved: { zh: '此工单已解决，消息未转达给用户。', en: 'This ticket is already resolved; the message was not passed on to the user.' },
  relayFailed: { zh: '⚠️ 消息未能转达给用户，请稍后重试。', en: '⚠️ The message could not be passed on to the user. Please try again shortly.' },
  actionHint: { zh: '查询具体证书请使用 /cert <证书编号>。', en: 'To look up a certificate, use /cert <certificate number>.' },
} satisfies Record<string, Phrase>;

/** Fills `{name}` placeholders after localisation (values are not converted to traditional). */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

/** YYYY-MM-DD in China Standard Time, the calendar the certificates use. */
export function formatDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
