/** Lives inside the shadow root: nothing here reaches the host page, and `all: initial` stops its inherited styles. */
export const widgetCss = `
:host { all: initial; }
* { box-sizing: border-box; }
.root { font: 15px/1.6 -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1f2933; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button, textarea { font: inherit; color: inherit; }
:focus { outline: none; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; display: inline-flex; align-items: center; gap: 8px;
  padding: 12px 20px; border: 0; border-radius: 999px; background: #9f1d20; color: #fff; font-weight: 600; cursor: pointer;
  box-shadow: 0 6px 18px rgba(0,0,0,.25); }
.launcher:hover { background: #861619; }
.launcher-icon { width: 18px; height: 14px; border: 2px solid currentColor; border-radius: 4px; position: relative; }
.launcher-icon::after { content: ""; position: absolute; left: 3px; bottom: -6px; border: 4px solid transparent; border-top-color: currentColor; }
.panel { position: fixed; right: 20px; bottom: 20px; z-index: 2147483001; width: 380px; height: min(620px, calc(100vh - 40px));
  display: flex; flex-direction: column; background: #fff; border-radius: 12px; overflow: hidden; box-shadow: 0 12px 40px rgba(0,0,0,.3); }
.panel[hidden], .launcher[hidden], .typing[hidden] { display: none; }
.header { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px; background: #9f1d20; color: #fff; }
.title { margin: 0; font-size: 16px; font-weight: 600; }
.close { width: 36px; height: 36px; border: 0; border-radius: 50%; background: transparent; color: #fff; font-size: 22px; line-height: 1; cursor: pointer; }
.close:hover { background: rgba(255,255,255,.15); }
.log { flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 10px; background: #f5f7fa; overscroll-behavior: contain; }
.message { max-width: 85%; padding: 8px 12px; border-radius: 12px; word-break: break-word; }
.message .text { margin: 0; white-space: pre-wrap; }
.bot { align-self: flex-start; background: #fff; border: 1px solid #e4e7eb; border-bottom-left-radius: 4px; }
.user { align-self: flex-end; background: #9f1d20; color: #fff; border-bottom-right-radius: 4px; }
.notice { align-self: center; max-width: 100%; font-size: 13px; color: #7b341e; background: #fffbeb; border: 1px solid #fcd34d; }
.card { margin-top: 8px; padding: 8px 10px; border-radius: 8px; background: #f8fafc; border: 1px solid #e4e7eb; }
.card-title { margin: 0 0 4px; font-size: 14px; }
.card dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; font-size: 13px; }
.card dt { color: #52606d; }
.card dd { margin: 0; }
.link { display: inline-block; margin-top: 8px; color: #0b5cad; font-weight: 600; }
.quick-replies { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.quick-reply { padding: 6px 12px; border: 1px solid #9f1d20; border-radius: 999px; background: #fff; color: #9f1d20; cursor: pointer; font-size: 14px; }
.quick-reply:hover { background: #fdf2f2; }
.typing { padding: 4px 16px 8px; font-size: 13px; color: #52606d; background: #f5f7fa; }
.dots::before { content: "● ● ●"; letter-spacing: 1px; margin-right: 6px; animation: blink 1.2s infinite; }
@keyframes blink { 50% { opacity: .3; } }
.composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e4e7eb; background: #fff; }
.input { flex: 1; resize: none; min-height: 42px; max-height: 120px; padding: 9px 12px; border: 1px solid #cbd2d9; border-radius: 8px; background: #fff; }
.send { padding: 0 16px; border: 0; border-radius: 8px; background: #9f1d20; color: #fff; cursor: pointer; font-weight: 600; }
@media (max-width: 480px) {
  .panel { inset: 0; right: 0; bottom: 0; width: 100%; height: 100%; border-radius: 0; }
  .launcher { right: 12px; bottom: 12px; }
}
@media (prefers-reduced-motion: reduce) { .dots::before { animation: none; } }
`;
