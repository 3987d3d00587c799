import { readFileSync } from 'node:fs';
import * as mupdf from 'mupdf';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finishPdf } from '../../src/print/finish.js';
import { rewriteInfo } from '../../src/print/info.js';

// A two-page tagged PDF as Chromium prints it (title "Sjögren (raw)", lang en), kept as a fixture
// so this runs without a browser; the integration tests check the same on every fresh print.
const raw = new Uint8Array(readFileSync(new URL('../fixtures/chromium-tagged.pdf', import.meta.url)));
const meta = {
  title: 'Sjögren’s syndrome: stem cells (عربي)',
  author: 'Riverside Clinic',
  subject: 'What (and what not) to expect',
  keywords: ['Sjögren’s syndrome', 'dry eyes'],
  lang: 'en',
  date: new Date('2026-03-01T00:00:00Z'),
  creator: 'handouts 0.1.0',
};

describe('writing the document information into a Chromium PDF', () => {
  it('replaces the information dictionary in place, which other readers accept', async () => {
    const rewritten = rewriteInfo(raw, { ...meta, keywords: meta.keywords.join(', '), producer: meta.creator });
    expect(rewritten?.pages).toBe(2);
    const pdf = await PDFDocument.load(rewritten!.bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe(meta.title);
    expect(pdf.getAuthor()).toBe(meta.author);
    expect(pdf.getSubject()).toBe(meta.subject);
    expect(pdf.getKeywords()).toBe('Sjögren’s syndrome, dry eyes');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(pdf.getModificationDate()?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(pdf.getPageCount()).toBe(2);
    // MuPDF rebuilds a file whose offsets are wrong; this one it reads as written.
    const doc = mupdf.PDFDocument.openDocument(rewritten!.bytes, 'application/pdf') as mupdf.PDFDocument;
    expect(doc.wasRepaired()).toBe(false);
    expect(doc.countPages()).toBe(2);
    expect(doc.getMetaData('info:Title')).toBe(meta.title);
    expect(doc.getTrailer().get('Root').get('StructTreeRoot').isNull()).toBe(false);
    // Nothing of Chromium's own dictionary (its wall-clock dates) is left.
    const text = Buffer.from(rewritten!.bytes).toString('latin1');
    expect(text).not.toContain('/Creator (Chromium)');
    expect(text.match(/CreationDate/g)).toHaveLength(1);
  });

  it('finishes the same way twice, byte for byte', async () => {
    const first = await finishPdf(raw, meta);
    const second = await finishPdf(raw, meta);
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
    expect(first.pages).toBe(2);
  });

  it('leaves a file of another shape to pdf-lib, which still writes every field', async () => {
    const other = await (await PDFDocument.load(raw)).save({ useObjectStreams: true });
    expect(rewriteInfo(other, { ...meta, keywords: '', producer: '' })).toBeUndefined();
    const finished = await finishPdf(other, meta);
    const pdf = await PDFDocument.load(finished.bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe(meta.title);
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(finished.pages).toBe(2);
  });
});
