import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import { chinaDay } from './calendar.ts';
import type { AnnotationView, CertificateView } from './types.ts';

const FONT_FILE = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
interface FontkitSubset {
  encode(): Uint8Array;
}
let parsedFont: Promise<Fontkit> | null = null;

/**
 * pdf-lib's bundled fork of fontkit writes CID-keyed CFF subsets (Noto Sans SC) that readers
 * reject, so Chinese text renders blank; upstream fontkit 2 subsets them correctly. It returns
 * the subset as bytes where pdf-lib expects `encodeStream()`, hence the small adapter. The
 * font is parsed once and shared; each document only builds its own subset.
 */
function cachedFontkit(): Promise<Fontkit> {
  parsedFont ??= Promise.all([import('fontkit'), readFile(FONT_FILE)]).then(([fontkit, bytes]) => {
    const font = fontkit.create(bytes) as unknown as object & { createSubset(): FontkitSubset };
    const adapted = new Proxy(font, {
      get(target, property) {
        if (property === 'createSubset') return () => streamingSubset(target.createSubset());
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    return { create: () => adapted } as unknown as Fontkit;
  });
  return parsedFont;
}

function streamingSubset(subset: FontkitSubset): FontkitSubset & { encodeStream(): EventEmitter } {
  return new Proxy(subset, {
    get(target, property) {
      if (property === 'encodeStream') {
        return () => {
          const stream = new EventEmitter();
          setImmediate(() => {
            try {
              stream.emit('data', target.encode());
              stream.emit('end');
            } catch (error) {
              stream.emit('error', error);
            }
          });
          return stream;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as FontkitSubset & { encodeStream(): EventEmitter };
}

// pdf-lib and fontkit (about 35 MB of RSS) load with the first download, not with the server.
let pdfLibrary: Promise<typeof import('pdf-lib')> | null = null;

interface Palette {
  ink: RGB;
  sealRed: RGB;
  label: RGB;
  footnote: RGB;
}

function dateTime(instant: Date): string {
  const time = new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
  return `${chinaDay(instant)} ${time}`;
}

/** The lines printed on the certificate, in order (exported so tests compare against the extracted text). */
export function certificateLines(certificate: CertificateView, annotation: AnnotationView | null): Array<[string, string]> {
  const lines: Array<[string, string]> = [
    ['姓名 Name', certificate.holderName],
    ['证件号码 ID', `**************${certificate.idLast4}`],
    ['资格名称 Qualification', certificate.qualification],
    ['考试年度 Exam year', String(certificate.examYear)],
    ['证书编号 Certificate No.', certificate.number ?? '—'],
    ['发证机构 Issued by', certificate.issuerName ?? '—'],
    ['发证日期 Issued on', certificate.issuedOn ?? '—'],
  ];
  if (annotation) {
    lines.push(['加注使用场景 Scenario', annotation.scenario]);
    lines.push(['加注有效期 Valid', `${dateTime(annotation.appliedAt)} 至 ${dateTime(annotation.expiresAt)}（${annotation.validityDays}天）`]);
  } else {
    lines.push(['加注 Annotation', '2021年12月17日前由行业协会颁发，无须加注']);
  }
  return lines;
}

function drawSeal(page: PDFPage, font: PDFFont, palette: Palette, name: string, x: number, y: number): void {
  page.drawCircle({ x, y, size: 52, borderColor: palette.sealRed, borderWidth: 2 });
  const perLine = 9;
  const rows: string[] = [];
  for (let index = 0; index < name.length; index += perLine) rows.push(name.slice(index, index + perLine));
  rows.forEach((row, index) => {
    const size = 8;
    page.drawText(row, { x: x - font.widthOfTextAtSize(row, size) / 2, y: y + 14 - index * 11, size, font, color: palette.sealRed });
  });
}

/** An A4 certificate PDF with embedded (subset) Noto Sans SC, so the Chinese text renders and can be copied. */
export async function renderCertificatePdf(certificate: CertificateView, annotation: AnnotationView | null, downloadedAt: Date): Promise<Uint8Array> {
  pdfLibrary ??= import('pdf-lib');
  const { PDFDocument, rgb } = await pdfLibrary;
  const palette: Palette = { ink: rgb(0.1, 0.1, 0.1), sealRed: rgb(0.78, 0.1, 0.1), label: rgb(0.35, 0.35, 0.35), footnote: rgb(0.45, 0.45, 0.45) };
  const pdf: PDFDocument = await PDFDocument.create();
  pdf.registerFontkit(await cachedFontkit());
  const font = await pdf.embedFont(new Uint8Array(0), { subset: true });
  pdf.setTitle(`专业技术人员职业资格电子证书 ${certificate.number ?? ''}`.trim());
  pdf.setProducer('cert-assistant');
  const page = pdf.addPage([595.28, 841.89]);
  const title = '专业技术人员职业资格电子证书';
  page.drawText(title, { x: (595.28 - font.widthOfTextAtSize(title, 22)) / 2, y: 770, size: 22, font, color: palette.ink });
  let y = 700;
  for (const [label, value] of certificateLines(certificate, annotation)) {
    page.drawText(label, { x: 60, y, size: 11, font, color: palette.label });
    page.drawText(value, { x: 230, y, size: 12, font, color: palette.ink });
    y -= 30;
  }
  page.drawText('印章 Seals', { x: 60, y: y - 10, size: 11, font, color: palette.label });
  certificate.seals.forEach((seal, index) => {
    page.drawText(seal, { x: 230, y: y - 10 - index * 18, size: 10, font, color: palette.sealRed });
    drawSeal(page, font, palette, seal, 150 + index * 150, 170);
  });
  page.drawText(`下载时间 Downloaded ${dateTime(downloadedAt)}（北京时间）`, { x: 60, y: 60, size: 9, font, color: palette.footnote });
  return pdf.save();
}
