// A chart as an accessible SVG figure: the SVG is an image named by its title and described by its description,
// with a caption below; charts are drawn server-side and readable without JavaScript (their data table sits beside).
import type { ComponentChildren } from 'preact';

export const INK = '#1a1a1a';

/** A round upper end for an axis and its tick step: 1, 2 or 5 times a power of ten. */
export function niceScale(max: number, ticks: number): { top: number; step: number } {
  const raw = Math.max(max, 1) / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return { top: Math.ceil(max / step) * step || step, step };
}

export function SvgFigure({
  id,
  title,
  description,
  caption,
  width,
  height,
  figureClass,
  captionClass,
  fontFamily,
  scroll = false,
  children,
}: {
  id: string;
  title: string;
  description: string;
  caption: string;
  width: number;
  height: number;
  figureClass: string;
  captionClass?: string;
  /** Set where the SVG leaves the app's stylesheet (a printed or saved report). */
  fontFamily?: string;
  /** Wide charts scroll sideways on narrow screens instead of shrinking. */
  scroll?: boolean;
  children: ComponentChildren;
}) {
  const svg = (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      font-size="12"
      font-family={fontFamily}
      fill={INK}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
  return (
    <figure class={figureClass} id={id}>
      {scroll ? <div class="app-table-scroll">{svg}</div> : svg}
      <figcaption class={`utrecht-paragraph${captionClass ? ` ${captionClass}` : ''}`}>{caption}</figcaption>
    </figure>
  );
}
