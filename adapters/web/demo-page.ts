import type { FastifyInstance } from 'fastify';

/**
 * A plain host page about professional-qualification e-certificates. Its own styles are
 * deliberately broad (every button, every paragraph) to show the widget is untouched by them.
 */
export const demoPageHtml = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>专业技术人员职业资格电子证书 · 在线服务</title>
<style>
  body { margin: 0; font: 16px/1.7 "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2933; background: #f5f7fa; }
  header { background: #9f1d20; color: #fff; padding: 24px 20px; }
  header h1 { margin: 0; font-size: 24px; }
  header p { margin: 4px 0 0; opacity: .9; }
  main { max-width: 880px; margin: 0 auto; padding: 24px 20px 120px; }
  section { background: #fff; border-radius: 8px; padding: 8px 24px 16px; margin-bottom: 16px; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
  h2 { color: #9f1d20; font-size: 19px; }
  p, li { font-size: 15px; }
  /* Broad on purpose: the widget lives in a shadow root, so host rules like this never reach it. */
  button { background: #ffd400; color: #000; font-size: 22px; border: 4px dashed #000; }
  footer { text-align: center; color: #667; font-size: 13px; padding: 16px; }
</style>
</head>
<body>
<header>
  <h1>专业技术人员职业资格电子证书</h1>
  <p>查询发放进度 · 申请加注 · 下载与验证电子证书</p>
</header>
<main>
  <section>
    <h2>什么是电子证书</h2>
    <p>电子证书与纸质证书具有同等法律效力。证书数据报送完成后，持证人可以登录平台查看、下载和验证自己的电子证书。</p>
  </section>
  <section>
    <h2>办理流程</h2>
    <ol>
      <li>核对身份：输入姓名和居民身份证号码。</li>
      <li>查看证书：确认证书编号、发证机构和发证日期。</li>
      <li>申请加注：部分证书需要先申请加注，加注生效后才能查看和下载。</li>
      <li>下载证书：加注生效期间可以随时下载 PDF 版电子证书。</li>
    </ol>
  </section>
  <section>
    <h2>常见问题</h2>
    <p>关于证书何时发放、为什么看不到证书、加注有效期多久等问题，可以点击页面右下角的“在线咨询”，智能助手会为您解答，需要时也可以转人工客服。</p>
  </section>
</main>
<footer>本页面为演示页面，所有数据均为虚构。</footer>
<script src="/widget.js" defer></script>
</body>
</html>
`;

export function registerDemoPage(app: FastifyInstance): void {
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(demoPageHtml));
}
