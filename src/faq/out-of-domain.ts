/**
 * Topics next to ours that the assistant must not pretend to answer: exam registration and dates,
 * scores, training and study material, registration as a practising engineer, and everyday
 * subjects. A message on one of them is `none` unless it also names a FAQ topic outright.
 */
const NEIGHBOUR_TOPICS: readonly RegExp[] = [
  /报名|报考|考试时间|考试日期|考试安排|什么时候考|几月考|考点|准考证|考场|考几科|考试科目|考试难|难不难|好考吗|通过率/,
  /纸质证书.{0,6}(?:领|邮寄|寄|补办|补发|发放|什么时候)|领证|补办证书|补发证书|证书补办|证书补发|证书邮寄/,
  /成绩|分数|合格线|及格线|分数线|多少分|查分|复核/,
  /培训|辅导|课程|报班|网课|教材|真题|题库|复习|备考|押题|学习资料|视频课/,
  /(?:建造师|工程师|一建|二建|监理|造价).{0,4}注册|注册(?:流程|条件|材料|费用|证书)|初始注册|延续注册|变更注册|继续教育|执业|挂靠|工资|社保|公积金|落户|职称评审|补贴|报销|个税/,
  /天气|菜谱|做法|怎么做菜|好吃|股票|基金|电影|笑话|彩票|旅游|机票|火车票|酒店|足球|篮球|游戏|歌曲|音乐|新闻|翻译一下/,
  /\b(?:register for the exam|exam registration|exam date|when is the exam|sign up for the exam|exam fee|pass mark|passing score|score|scores|results? of the exam|exam results?|training|course|courses|class|classes|textbook|study|weather|recipe|cook|stock|movie|joke|football|lottery|capital of|population|president|translate|flights?|hotels?)\b/,
  /\bpaper certificate\b.{0,20}\b(?:collect|pick up|mail|post|reissue|replace)/,
];

const OUR_SITE = /中国人事考试网|人事考试网|人事考试机构|资格考试报名服务平台/g;

export function isNeighbourTopic(normalized: string): boolean {
  const text = normalized.replace(OUR_SITE, ' ');
  return NEIGHBOUR_TOPICS.some((pattern) => pattern.test(text));
}

/** Words without which a message cannot be about our FAQ, however well its other words match. */
const DOMAIN_ANCHORS =
  /证|加注|下载|注意事项|推行|处理中|生成中|章|生僻|撤销|注销|作废|查验|验证|范围|空白|页面|网页|登录|系统|电子|效力|纸质|注册|姓名|名字|打不开|打开|生成|过期|失效|有效期|查不到|找不到|看不到|不显示|\bcertificat|\bannotat|\bdownload|\bseal|\bstamp|\bscope|\bverif|\brevok|\bblank|\bempty|\bpage\b|\blog in\b|\bcharacter|\bname\b|\bopen|\bgenerat|\bpaper\b|\blegal|\bvalid|\bexpir/;

export function hasDomainAnchor(normalized: string): boolean {
  return DOMAIN_ANCHORS.test(normalized);
}

/** Other documents people hold; questions about them are not ours unless they name our certificates. */
const OTHER_DOCUMENTS =
  /驾驶证|驾照|身份证(?!号)|护照|签证|学位证|毕业证|营业执照|社保卡|医保卡|户口|结婚证|房产证|普通话|教师资格|\bdriver|\blicen[cs]e\b|\bpassport|\bvisa\b|\bdiploma|\bdegree\b|\bbirth certificate|\bmarriage|\bthe app\b/;
const OUR_CERTIFICATES = /加注|电子证书|职业资格|人事考试|查验|annotat|qualification/;

export function isOtherDocument(normalized: string): boolean {
  return OTHER_DOCUMENTS.test(normalized) && !OUR_CERTIFICATES.test(normalized);
}
