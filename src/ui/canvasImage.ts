// Pixels to a PNG data URL through a canvas: the score field's image and a large pool's painted points.
import type { Pixels } from './plots/paint/raster';

/** A data URL of the pixels (same-origin, nothing fetched), or null where the page has no 2-D canvas. */
export function pixelsToUrl(px: Pixels): string | null {
  const canvas = document.createElement('canvas');
  canvas.width = px.width;
  canvas.height = px.height;
  const g = canvas.getContext('2d');
  if (!g) return null;
  g.putImageData(new ImageData(px.rgba as Uint8ClampedArray<ArrayBuffer>, px.width, px.height), 0, 0);
  return canvas.toDataURL('image/png');
}
