import type { IntentLabel } from '../engine/types.ts';

export type ActionLabel = Extract<IntentLabel, `action:${string}`>;

interface ActionRule {
  label: ActionLabel;
  /** Any of these makes the message a request for the action… */
  requests: readonly RegExp[];
  /** …unless it is really a question about a FAQ topic, which retrieval answers. */
  questions: readonly RegExp[];
}

const ASKING_HOW_OR_WHY = /怎么|如何|怎样|为什么|为何|什么|是否|意思|\bhow\b|\bwhy\b|\bwhat\b|\bmean|^(?:do|does|is|are|should|must|will) (?:i|we|my|it|the|certificate)\b/;

const STATUS: ActionRule = {
  label: 'action:status',
  requests: [
    /证书?.{0,8}(?:出了|出来|出没出|出了没|好了|发了|发下来|下来了|下来没|(?<![不查找])到了|办好|做好|批下来|审核通过|发放了|有了|上线了|能下载了)(?:吗|没|么|了没|没有|了吗|了|呢)?/,
    /(?:查|查询|查看|看看|看一下|查下|查一下|帮我查|帮忙查|了解一下).{0,10}(?:证书|发证|办证|制证).{0,6}(?:状态|进度|情况|有没有|出没出|出了没|到哪|办到)/,
    /^(?:我的)?(?:电子)?证书(?:的)?(?:状态|进度|办理进度|发放进度)(?:查询)?$/,
    /(?:查询|查看|查|看看|看一下)(?:一下|下)?(?:我的)?(?:电子)?证书(?:状态|进度|情况)?$/,
    /证书(?:的)?(?:状态|进度)(?:是|是什么|怎么样|如何|呢|吗)?$/,
    /证书.{0,6}(?:什么时候|何时|多久)(?:能|可以|才能|会)?(?:出|发|下来|拿到|到|好)/,
    /(?:什么时候|何时|多久)(?:能|可以|才能|会)?(?:出|发|拿到)(?:电子)?证书?/,
    /\b(?:is|has|have|are) my certificate\b.{0,20}\b(?:out|ready|issued|available|done|arrived|come out|been issued|released|online)\b/,
    /\b(?:check|what is|show|track|see|know|tell me|look up|query)\b.{0,20}\bstatus\b/,
    /\bstatus of my\b|\bmy certificate status\b|\bcertificate status\b$/,
    /\bwhen (?:will|do|does|can|is) (?:i get )?my certificate\b.{0,20}\b(?:out|ready|issued|available|come|arrive|be)\b/,
    /\b(?:any news|news|update|updates|progress)\b.{0,12}\bmy certificate\b|\bmy certificate\b.{0,12}\b(?:progress|update)\b/,
    /\bhas my certificate\b|\bwhere is my certificate\b|\bis my certificate (?:out|ready)\b/,
    /\bmy certificate (?:is|has been|was) (?:out|ready|issued|available|done|released)\b/,
    /\bcheck\b.{0,20}\bmy certificate\b/,
  ],
  questions: [/撤销|注销|作废|收回|revok|cancel|withdrawn/, /查不到|找不到|改过|改了|更正|can ?not find/, /无法|不能|不了|过期|到期|失效/, /是什么意思|什么意思|mean/, /空白|blank|empty/, /生成中|generat/, /打不开|cannot open|will not open/, /推行|开始实行|启用/],
};

const ANNOTATE: ActionRule = {
  label: 'action:annotate',
  requests: [
    /(?:帮我|帮忙|给我|我要|我想|想要|我需要|(?<!申)请|麻烦|替我|现在|马上|立即|立刻|办个|做个|弄个|来个|开始|重新|再次|再)\S{0,8}加注/,
    /(?:申请|办理|提交|进行)(?:证书|电子证书)?加注(?:申请)?(?:\d{1,2}天)?$/,
    /^(?:证书|电子证书)?加注(?:一下|申请)?(?:\d{1,2}天)?$/,
    /^我?要(?:申请)?加注$/,
    /^(?:an? )?(?:new )?annotat(?:ion|e)(?: my certificate)? please$/,
    /给(?:我的)?(?:电子)?证书加注/,
    /加注(?:一下)?(?:我的|这个)?(?:电子)?证书$/,
    /\b(?:want|would like|need|wanna|like) to (?:annotate|add an annotation|apply for (?:an |a new )?annotation|request (?:an )?annotation|get (?:an |a new )?annotation)/,
    /\b(?:please|can you|could you|help me|let me|go ahead and)\b.{0,24}\b(?:annotate|annotation)\b/,
    /^(?:annotate|annotation|apply for (?:an )?annotation|request (?:an )?annotation|new annotation|annotate my certificate|annotation request)$/,
    /\bannotate my certificate\b/,
    /\b(?:need|want|would like) (?:an |a new |to get an )?annotation\b/,
    /^(?:please )?annotate (?:it|this|mine|my certificate|the certificate)(?: please| now| for me)?$/,
    /^(?:please\s)?(?:apply|request|make|add|start|submit)\b.{0,20}\bannotat/,
  ],
  questions: [
    ASKING_HOW_OR_WHY,
    /注意|过期|失效|到期|生成|几次|多少|多久|多长|场景|没有?申请|不用申请|没有加注|没加注|不用加注|无需|无须|要加注吗|需要加注吗|必须加注|先加注|才能/,
    /expire|rule|many|long|scenario|without|after|generat|before/,
  ],
};

const DOWNLOAD: ActionRule = {
  label: 'action:download',
  requests: [
    /(?:给我|发我|发给我|发一下|发个|给个|我要|我想|想要|帮我|帮忙|请|麻烦|我需要|需要|现在|马上|获取|生成|拿)(?:一个|一下|个)?(?:证书|电子证书|我的证书)?(?:的)?(?:下载链接|下载地址|链接)/,
    /(?:给我|我要|我想|想要|帮我|帮忙|请|麻烦|我需要|现在|马上)(?:下载|下)(?:一下)?(?:我的)?(?:电子)?证书/,
    /^(?:下载|下载我的|下载一下)(?:电子)?证书(?:文件|pdf)?$/,
    /^(?:证书)?下载链接$/,
    /^(?:证书|电子证书|我的证书|我的电子证书)下载$/,
    /^下载$/,
    /(?:把|将)(?:我的)?(?:电子)?证书(?:的)?(?:下载链接|链接)?(?:发|给|传)(?:给)?我/,
    /^(?:发|给)我(?:我的)?(?:电子)?证书$/,
    /下载链接|下载地址/,
    /\b(?:download link|download url|link to download|download address)\b/,
    /\b(?:send|give|get|email|share)\b(?: me)?.{0,16}\b(?:download link|link|my certificate|the certificate|pdf)\b/,
    /\b(?:want|would like|need|wanna|like) to download\b/,
    /^(?:download(?: my)?(?: certificate)?|download link|certificate download|download the certificate)$/,
    /\bdownload my certificate\b/,
  ],
  questions: [
    ASKING_HOW_OR_WHY,
    /打不开|无法打开|不能打开|开不了|损坏|乱码|哪里|哪儿|在哪|哪个|去哪|从哪|空白|没有加注|没加注|不用加注|注意|步骤|流程|生成中|过期|登录后|首次|第一次/,
    /where|which|open|corrupt|blank|empty|without|before|first time|steps|expire|generat/,
  ],
};

const RULES: readonly ActionRule[] = [STATUS, ANNOTATE, DOWNLOAD];

/**
 * The action a message asks for (status, annotation, download link) or undefined. A message that
 * mentions an action but asks about its rules ("加注过期了怎么办") is left to retrieval.
 */
export function matchAction(normalized: string): ActionLabel | undefined {
  for (const rule of RULES) {
    if (!rule.requests.some((pattern) => pattern.test(normalized))) continue;
    if (rule.questions.some((pattern) => pattern.test(normalized))) continue;
    return rule.label;
  }
  return undefined;
}
