// Renders every icon of the app from one source image, client/assets/icon-source.svg:
//   node scripts/generate-icons.mjs
// The PNGs are committed, so a build needs nothing of this; run it again after changing the source.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const SOURCE = 'client/assets/icon-source.svg';
const ICONS = 'client/public/icons';
/** The part of a maskable icon every launcher shows: a centred circle, 40 % of the side in radius. */
const SAFE_RADIUS = 0.4;
/** Corner radius of the square ("any") icons, as a share of the side: the favicon's 14 of 64. */
const CORNER = 14 / 64;

const source = readFileSync(SOURCE, 'utf8');
const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(source);
if (!viewBox || viewBox[1] !== viewBox[2]) throw new Error(`${SOURCE} needs a square viewBox="0 0 N N"`);
const side = Number(viewBox[1]);

/** The source with transparent rounded corners, for places that show the icon as it is (tab, install dialog). */
function rounded(svg) {
  const open = /<svg\b[^>]*>/.exec(svg);
  const close = svg.lastIndexOf('</svg>');
  const rx = side * CORNER;
  return (
    svg.slice(0, open.index + open[0].length) +
    `<clipPath id="corners"><rect width="${side}" height="${side}" rx="${rx}"/></clipPath><g clip-path="url(#corners)">` +
    svg.slice(open.index + open[0].length, close) +
    '</g>' +
    svg.slice(close)
  );
}

function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render();
}

/** Fails when the mark reaches outside the maskable safe zone: there a launcher may cut it off. */
function assertMaskableSafe(svg) {
  const size = 256;
  const image = render(svg, size);
  const pixels = image.pixels;
  const at = (x, y) => pixels.readUInt32BE((y * size + x) * 4);
  const background = at(0, 0);
  const limit = (SAFE_RADIUS * size) ** 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - size / 2;
      const dy = y + 0.5 - size / 2;
      if (dx * dx + dy * dy > limit && at(x, y) !== background) {
        throw new Error(`${SOURCE}: the mark reaches outside the maskable safe zone (at ${x},${y} of ${size})`);
      }
    }
  }
}

function writePng(name, svg, size) {
  const png = render(svg, size).asPng();
  writeFileSync(`${ICONS}/${name}`, png);
  console.log(`${ICONS}/${name}  ${size}×${size}  ${(png.length / 1024).toFixed(1)} kB`);
}

assertMaskableSafe(source);
mkdirSync(ICONS, { recursive: true });
const withCorners = rounded(source);
// The favicon stays a vector: sharp at every size, and smaller than any PNG.
writeFileSync('client/public/favicon.svg', withCorners.replace(/<!--[\s\S]*?-->\s*/g, '').replace(/\n\s*/g, ''));
console.log('client/public/favicon.svg');
writePng('icon-192.png', withCorners, 192);
writePng('icon-512.png', withCorners, 512);
writePng('icon-maskable-192.png', source, 192);
writePng('icon-maskable-512.png', source, 512);
// iOS rounds the corners itself and shows transparency as black: the full square, like the maskable ones.
writePng('apple-touch-icon-180.png', source, 180);
