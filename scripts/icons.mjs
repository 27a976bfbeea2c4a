// The toolbar and store icon: PNGs at the sizes browsers and stores ask for, rendered from assets/icon/icon.svg by the
// build (wxt.config.ts), so the SVG is the one source and no binary copy of it is kept in the repository.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SOURCE = fileURLToPath(new URL('../assets/icon/icon.svg', import.meta.url));
export const ICON_SIZES = [16, 32, 48, 96, 128];

/** Writes `<size>.png` for every size into `dir`; returns the paths by size. */
export function renderIcons(dir, sizes = ICON_SIZES) {
  const svg = readFileSync(ICON_SOURCE, 'utf8');
  mkdirSync(dir, { recursive: true });
  return Object.fromEntries(
    sizes.map((size) => {
      const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, shapeRendering: 2 }).render().asPng();
      const path = join(dir, `${size}.png`);
      writeFileSync(path, png);
      return [size, path];
    }),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? '.output/icons';
  for (const [size, path] of Object.entries(renderIcons(out))) console.log(`${size}px ${path}`);
}
