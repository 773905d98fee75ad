// Tiny SVG drawing kit for portal illustrations.
export const C = {
  text: '#1b1a19',
  muted: '#484644',
  link: '#0f5fa8',
  border: '#a19f9d',
  line: '#d2d0ce',
  navBg: '#f3f2f1',
  selBg: '#dce9f7',
  brand: '#0f5fa8',
  ok: '#0b6a0b',
  mark: '#b3261e',
  panelShadow: '#00000026',
};
const FONT = `-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, 'Liberation Sans', sans-serif`;
const MONO = `ui-monospace, 'SF Mono', Consolas, 'Liberation Mono', Menlo, monospace`;

export const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const r1 = (n) => Math.round(n * 10) / 10;

export function text(x, y, s, o = {}) {
  const a = [`x="${r1(x)}"`, `y="${r1(y)}"`];
  if (o.size && o.size !== 14) a.push(`font-size="${o.size}"`);
  if (o.weight) a.push(`font-weight="${o.weight}"`);
  if (o.fill && o.fill !== C.text) a.push(`fill="${o.fill}"`);
  if (o.anchor) a.push(`text-anchor="${o.anchor}"`);
  if (o.mono) a.push(`font-family="${MONO}"`);
  if (o.italic) a.push(`font-style="italic"`);
  return `<text ${a.join(' ')}>${esc(s)}</text>`;
}
export function rect(x, y, w, h, o = {}) {
  const a = [`x="${r1(x)}"`, `y="${r1(y)}"`, `width="${r1(w)}"`, `height="${r1(h)}"`];
  if (o.rx) a.push(`rx="${o.rx}"`);
  a.push(`fill="${o.fill ?? 'none'}"`);
  if (o.stroke) a.push(`stroke="${o.stroke}"`);
  if (o.sw) a.push(`stroke-width="${o.sw}"`);
  return `<rect ${a.join(' ')}/>`;
}
export const line = (x1, y1, x2, y2, stroke = C.line, sw = 1) =>
  `<path d="M${r1(x1)} ${r1(y1)}H${r1(x2)}${y2 !== y1 ? `V${r1(y2)}` : ''}" stroke="${stroke}" stroke-width="${sw}"/>`;
export const vline = (x, y1, y2, stroke = C.line) => `<path d="M${x} ${y1}V${y2}" stroke="${stroke}"/>`;

/** Rough width of a string in the font stack (Arial-like metrics). */
export const textWidth = (s, size = 14, bold = false) => s.length * size * (bold ? 0.56 : 0.51);

export function button(x, y, label, o = {}) {
  const w = o.w ?? textWidth(label, 14, true) + 28;
  if (o.primary) {
    return rect(x, y, w, 32, {rx: 4, fill: C.brand}) + text(x + w / 2, y + 21, label, {fill: '#fff', weight: 600, anchor: 'middle'});
  }
  return rect(x, y, w, 32, {rx: 4, fill: '#fff', stroke: C.border}) + text(x + w / 2, y + 21, label, {weight: 600, anchor: 'middle'});
}
/** A command-bar item: an icon glyph in brand colour then a label; returns [svg, width]. */
export function command(x, y, icon, label) {
  const w = (icon ? 22 : 0) + textWidth(label) + 16;
  return [
    (icon ? text(x + 6, y + 20, icon, {fill: C.brand, size: 16, weight: 700}) : '') + text(x + (icon ? 26 : 6), y + 20, label),
    w,
  ];
}
export function commandBar(x, y, items) {
  let out = '';
  let cx = x;
  const boxes = [];
  for (const [icon, label, gapAfter = 0] of items) {
    const [svg, w] = command(cx, y, icon, label);
    out += svg;
    boxes.push({x: cx, y, w, h: 30});
    cx += w + 8 + gapAfter;
  }
  return {svg: out, boxes};
}
export function checkbox(x, y, checked) {
  return checked
    ? rect(x, y, 16, 16, {rx: 2, fill: C.brand}) + `<path d="M${x + 3.5} ${y + 8.5}l3 3 6-6.5" fill="none" stroke="#fff" stroke-width="2"/>`
    : rect(x + 0.5, y + 0.5, 15, 15, {rx: 2, fill: '#fff', stroke: C.muted});
}
export function radio(x, y, on) {
  return `<circle cx="${x + 8}" cy="${y + 8}" r="7.5" fill="#fff" stroke="${on ? C.brand : C.muted}" stroke-width="1.5"/>` +
    (on ? `<circle cx="${x + 8}" cy="${y + 8}" r="4" fill="${C.brand}"/>` : '');
}
export function input(x, y, w, value, o = {}) {
  return rect(x, y, w, 32, {rx: 3, fill: '#fff', stroke: C.border}) +
    text(x + 10, y + 21, value, {fill: o.placeholder ? C.muted : C.text, mono: o.mono, italic: o.placeholder});
}
/** Copy icon: two overlapping squares. */
export function copyIcon(x, y) {
  return rect(x + 4, y, 10, 12, {rx: 1.5, fill: '#fff', stroke: C.brand, sw: 1.5}) + rect(x, y + 4, 10, 12, {rx: 1.5, fill: '#fff', stroke: C.brand, sw: 1.5});
}
export const tick = (x, y) => `<path d="M${x} ${y}l4 4 8-9" fill="none" stroke="${C.ok}" stroke-width="2.5"/>`;

/** Red highlight frame around a UI element. */
export const highlight = (b, pad = 4) => rect(b.x - pad, b.y - pad, b.w + 2 * pad, b.h + 2 * pad, {rx: 6, stroke: C.mark, sw: 3});
/** Numbered callout badge. */
export function callout(n, x, y) {
  return `<circle cx="${x}" cy="${y}" r="14" fill="${C.mark}" stroke="#fff" stroke-width="2"/>` +
    text(x, y + 5.5, String(n), {fill: '#fff', weight: 700, size: 16, anchor: 'middle'});
}
/** Highlight plus badge at one of the box's sides. */
export function mark(n, b, side = 'right', pad = 4) {
  const pos = {
    right: [b.x + b.w + pad + 20, b.y + b.h / 2],
    left: [b.x - pad - 20, b.y + b.h / 2],
    top: [b.x + b.w - 6, b.y - pad - 16],
    topleft: [b.x + 6, b.y - pad - 16],
    bottom: [b.x + b.w - 6, b.y + b.h + pad + 16],
    inside: [b.x + b.w - 18, b.y + b.h / 2],
    inner: [b.x + b.w - 22, b.y + 22],
  }[side];
  return highlight(b, pad) + callout(n, pos[0], pos[1]);
}

/** Wraps a drawing into a complete SVG document. */
export function svgDoc({w = 800, h, title, desc, body}) {
  const H = h + 28; // a strip under the drawing says what it is
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="t d" viewBox="0 0 ${w} ${H}" width="${w}" height="${H}" font-family="${FONT}" font-size="14" fill="${C.text}">
<title id="t">${esc(title)}</title>
<desc id="d">${esc(desc)}</desc>
<clipPath id="frame"><rect width="${w}" height="${H}" rx="8"/></clipPath>
<g clip-path="url(#frame)">
${rect(0, 0, w, H, {fill: '#fff'})}
${body}
${rect(0, h, w, 28, {fill: C.navBg})}${line(0, h, w, h, C.border)}
${text(w - 14, h + 19, 'Illustration, not a screenshot', {size: 14, fill: C.muted, anchor: 'end', italic: true})}
</g>
${rect(0.5, 0.5, w - 1, H - 1, {rx: 8, stroke: C.border})}
</svg>
`;
}
