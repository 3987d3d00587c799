import type { OutputFormat } from '../format.js';
import { SLIDE_THEME } from '../template-files.js';

/** `slides/001.png` ...: a picture of every slide at 1920x1080, for the catalog, the README and the web. */
export const slidesPng: OutputFormat = {
  id: 'slides-png',
  family: 'slides',
  kind: 'png',
  label: 'Slide pictures (PNG)',
  unit: 'slides',
  files: ['slides/001.png', 'slides/*.png'],
  browser: true,
  templateFiles: [SLIDE_THEME],
  picture: true,
  settings: () => ({}),
  pageRules: ['resource-blocked'],
  async produce(context) {
    const { pictureName, slidePictures } = await import('./pictures.js');
    const { images, blocked } = await slidePictures(context);
    return { files: Object.fromEntries(images.map((png, i) => [pictureName(i), png])), pages: images.length, findings: { blocked } };
  },
};
