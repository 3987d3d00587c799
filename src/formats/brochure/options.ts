import type { FormatOption } from '../../config/types.js';

/** `qr_url`: the online page of each document, printed on the brochure's back panel as a QR code. */
export const QR_URL: FormatOption<string | undefined> = {
  key: 'qr_url',
  description: 'the online page of each document (`https://clinic.example/conditions/{slug}`), printed as a QR code; `{slug}` and `{lang}` are filled in',
  environment: ['HANDOUTS_QR_URL'],
  schema: (z) => z.url({ protocol: /^https?$/ }).refine((url) => url.includes('{slug}'), "must contain `{slug}`, which is replaced by each document's slug"),
};

/** `brochure_fold_mm`: how much narrower the inside flap is than the other panels, so it folds in. */
export const FOLD_MM: FormatOption<number> = {
  key: 'brochure_fold_mm',
  description: "how much narrower the brochure's inside flap is, in millimetres",
  default: 2,
  schema: (z) => z.number().min(0).max(10),
};
