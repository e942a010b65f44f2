/** WCAG 2.1 relative luminance and contrast ratio of sRGB colours written "#rrggbb". */

export function parseHex(hex: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : undefined;
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio (1–21) of two "#rrggbb" colours. */
export function contrastRatio(a: string, b: string): number {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) throw new RangeError(`not a #rrggbb colour: ${ca ? b : a}`);
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour mixed with black by `share` (0–1): the darker shade for hover. */
export function darken(hex: string, share: number): string {
  const rgb = parseHex(hex);
  if (!rgb) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  return `#${rgb.map((v) => Math.round(v * (1 - share)).toString(16).padStart(2, '0')).join('')}`;
}
