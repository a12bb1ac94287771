import type { Phrase } from '../i18n/locale.ts';

/** Sentences of the dialog itself (identity, choices, confirmation, commands). */
export const phrases = {
  askIdentity: {
    zh: '为保护您的证书信息，请先验证身份：请发送持证人姓名和18位身份证号码（可以一起发送，例如“张三 11010519491231002X”，也可以分两次发送）。',
    en: 'To protect your certificate, please verify your identity first: send the holder’s name and 18-character ID number (together, e.g. "张三 11010519491231002X", or one at a time).',
  },
  askName: { zh: '已收到证件号码。请再发送持证人姓名。', en: 'Got the ID number. Now please send the holder’s name.' },
  askIdNumber: { zh: '请再发送持证人的18位身份证号码。', en: 'Now please send the holder’s 18-character ID number.' },
  idLength: {
    zh: '身份证号码应为18位：前17位是数字，最后一位是数字或X。请重新输入。',
    en: 'An ID number has 18 characters: 17 digits and a final digit or X. Please enter it again.',
  },
  idCharacters: {
    zh: '身份证号码只能包含数字，最后一位可以是X。请重新输入。',
    en: 'An ID number holds only digits, and the last character may be X. Please enter it again.',
  },
  idCheckDigit: {
    zh: '这个身份证号码的校验位不正确（最后一位与前17位不符），请核对后重新输入。',
    en: 'The check digit of this ID number is wrong (the last character does not match the first 17). Please check it and enter it again.',
  },
  identityNotUnderstood: {
    zh: '没有识别出姓名或身份证号码。请发送持证人姓名和18位身份证号码，例如“张三 11010519491231002X”。',
    en: 'I could not find a name or an ID number in that. Please send the holder’s name and 18-character ID number, e.g. "张三 11010519491231002X".',
  },
  locked: (until: string): Phrase => ({
    zh: `身份验证失败次数过多，本对话的身份验证已暂停，请于 ${until} 后再试。如需帮助，可以转人工。`,
    en: `Too many failed verifications: identity checks in this chat are paused until ${until}. If you need help, you can talk to a person.`,
  }),
  verified: (maskedName: string, last4: string): Phrase => ({
    zh: `身份已验证：${maskedName}（证件号码尾号 ${last4}）。`,
    en: `Identity verified: ${maskedName} (ID number ending ${last4}).`,
  }),
  remembered: (maskedName: string, last4: string): Phrase => ({
    zh: `您在本对话中已验证身份：${maskedName}（证件号码尾号 ${last4}）。如需查询其他持证人，请发送“更换身份”。`,
    en: `This chat is already verified as ${maskedName} (ID number ending ${last4}). To look up someone else, send "switch identity".`,
  }),
  noCertificates: {
    zh: '您名下暂时没有证书信息。',
    en: 'There is no certificate under your name yet.',
  },
  chooseCertificate: {
    zh: '您名下有多本证书，请选择要办理的证书（回复序号）：',
    en: 'You hold several certificates. Which one do you mean? (reply with its number)',
  },
  chooseInvalid: (count: number): Phrase => ({
    zh: `请回复 1 到 ${count} 之间的序号，或点击下方按钮选择证书。`,
    en: `Please reply with a number from 1 to ${count}, or press one of the buttons.`,
  }),
  askValidity: {
    zh: '请设置加注有效期（1至90天）。每次申请加注最长有效期限为90天，如无特别需要，建议按上限申请。使用场景为“本人调用”。',
    en: 'Please choose how long the annotation should be valid (1 to 90 days). Each annotation may last at most 90 days; unless you need otherwise, the maximum is recommended. The usage scenario is "本人调用" (own use).',
  },
  validityInvalid: {
    zh: '加注有效期须为1至90之间的整数天数，例如 90。请重新输入，或直接点击“90天（默认）”。',
    en: 'The validity must be a whole number of days from 1 to 90, e.g. 90. Please enter it again, or press "90 days (default)".',
  },
  confirmAnnotation: {
    zh: '请确认加注申请信息，确认后提交：',
    en: 'Please check the annotation request before it is submitted:',
  },
  confirmInvalid: {
    zh: '请点击“确认提交”提交加注申请，或点击“取消”放弃。',
    en: 'Please press "Submit" to send the annotation request, or "Cancel" to drop it.',
  },
  annotationSubmitted: (certificateNumber: string, days: number, expires: string): Phrase => ({
    zh: `已提交证书 ${certificateNumber} 的加注申请（使用场景：本人调用，有效期 ${days} 天，至 ${expires}）。系统将在24小时内完成证书加注，请耐心等待；加注完成后，有效期内可查看或下载电子证书。`,
    en: `The annotation request for certificate ${certificateNumber} is submitted (scenario: 本人调用 / own use, valid ${days} days, until ${expires}). The system completes annotations within 24 hours; once done you can view and download the e-certificate while it is valid.`,
  }),
  annotationNotSubmitted: {
    zh: '已取消，本次没有提交加注申请。',
    en: 'Cancelled: no annotation request was submitted.',
  },
  cancelled: { zh: '已取消当前办理。还有什么可以帮您？', en: 'Cancelled. What else can I do for you?' },
  nothingToCancel: { zh: '当前没有正在办理的事项。还有什么可以帮您？', en: 'There is nothing in progress. What can I do for you?' },
  restarted: { zh: '好的，我们重新开始。', en: 'All right, let’s start again.' },
  flowChanged: {
    zh: '抱歉，办理流程已更新，之前的进度无法继续，请重新开始。',
    en: 'Sorry, this procedure has been updated and the earlier progress cannot continue. Please start again.',
  },
  offerHuman: {
    zh: '看起来我没能理解您的回答。需要转人工客服吗？',
    en: 'It seems I can’t understand your answer. Would you like to talk to a person?',
  },
  handoffOpened: {
    zh: '已为您转接人工客服，工作人员会在这里回复您。在此期间，您发送的消息会直接转给工作人员；如需返回智能助手，请发送“结束人工”。',
    en: 'I have passed you to our support staff; a person will reply here. Until then, your messages go straight to them. Send "back to bot" to return to the assistant.',
  },
  staffDeskUnavailable: {
    zh: '抱歉，目前没有人工客服在线。您可以继续向我提问，或联系证书发放机构。',
    en: 'Sorry, no support staff are available right now. You can keep asking me, or contact the body that issued your certificate.',
  },
  handoffEndedByCandidate: {
    zh: '已结束人工服务，现在由智能助手继续为您服务。还有什么可以帮您？',
    en: 'The conversation with our staff has ended; the assistant is back. What else can I do for you?',
  },
  /** Told to staff in the ticket's thread, always in Chinese. */
  candidateLeftHandoff: { zh: '（对方已结束人工服务，对话已交回智能助手）', en: '(The candidate ended the conversation with staff; the assistant has it back.)' },
  handoffAfterFailures: {
    zh: '抱歉，我连续两次没能理解您的问题，已为您转接人工客服，工作人员会在这里回复您；如需返回智能助手，请发送“结束人工”。',
    en: 'Sorry, I failed to understand you twice in a row, so I have passed you to our support staff; a person will reply here. Send "back to bot" to return to the assistant.',
  },
  forgotten: {
    zh: '已清除本对话记住的身份。下次查询时需要重新验证。',
    en: 'This chat no longer remembers an identity; you will be asked to verify again next time.',
  },
  subscribed: (title: string): Phrase => ({
    zh: `好的，${title}电子证书上线后，我会在这里通知您一次。`,
    en: `Done: when the ${title} e-certificates go online, I will tell you here, once.`,
  }),
  alreadySubscribed: (title: string): Phrase => ({
    zh: `您已订阅${title}电子证书的上线通知，上线后会在这里通知您。`,
    en: `You are already subscribed: I will tell you here when the ${title} e-certificates go online.`,
  }),
  batchAlreadyOnline: (title: string): Phrase => ({
    zh: `${title}电子证书已经上线，可以直接查询、加注和下载。`,
    en: `The ${title} e-certificates are already online: you can check, annotate and download yours now.`,
  }),
  unknownBatch: { zh: '没有找到这个证书批次，无法订阅通知。', en: 'I could not find that certificate batch, so I could not subscribe you.' },
  emptyMessage: { zh: '请输入您的问题，或点击下方的按钮。', en: 'Please type your question, or press one of the buttons.' },
  greeting: {
    zh: '您好！我是电子证书助手，可以解答电子证书的常见问题，也可以帮您查询证书状态、申请加注、下载电子证书。请问有什么可以帮您？',
    en: 'Hello! I am the e-certificate assistant. I can answer common questions about e-certificates, check a certificate’s status, request an annotation and get a download link. What can I do for you?',
  },
  failure: {
    zh: '抱歉，系统暂时出了点问题，您的请求没有处理。请稍后再试。',
    en: 'Sorry, something went wrong on our side and your request was not processed. Please try again later.',
  },
} satisfies Record<string, Phrase | ((...args: never[]) => Phrase)>;

export const buttonLabels = {
  human: { zh: '转人工', en: 'Talk to a person' },
  cancel: { zh: '取消', en: 'Cancel' },
  submit: { zh: '确认提交', en: 'Submit' },
  defaultValidity: { zh: '90天（默认）', en: '90 days (default)' },
  days: (days: number): Phrase => ({ zh: `${days}天`, en: `${days} days` }),
  status: { zh: '查询证书状态', en: 'Check certificate status' },
  annotate: { zh: '申请加注', en: 'Request an annotation' },
  reannotate: { zh: '重新申请加注', en: 'Request a new annotation' },
  download: { zh: '下载电子证书', en: 'Download the e-certificate' },
  notify: { zh: '上线时通知我', en: 'Notify me when it is online' },
  switchIdentity: { zh: '更换身份', en: 'Switch identity' },
} satisfies Record<string, Phrase | ((...args: never[]) => Phrase)>;
