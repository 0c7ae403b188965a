// A tile map of all municipalities: one square per municipality, grouped in blocks per police unit, coloured by the
// number of elements answered "ja". No external map service; presentation attributes only (the CSP forbids style).
import type { PageContext } from '../../web/layout.js';
import { ELEMENTS } from './elements.js';
import type { RegionCoverage, Tile } from './service.js';

// ColorBrewer YlGnBu, 5 classes: sequential and safe for the common colour-vision deficiencies. "Not answered" is a
// grey hatch, so it differs by pattern as well as by colour.
const BINS = [
  { min: 0, max: 2, colour: '#ffffcc' },
  { min: 3, max: 5, colour: '#a1dab4' },
  { min: 6, max: 8, colour: '#41b6c4' },
  { min: 9, max: 11, colour: '#2c7fb8' },
  { min: 12, max: 12, colour: '#253494' },
] as const;
const HATCH = 'url(#mm-hatch)';

export const tileFill = (score: number | null) =>
  score === null ? HATCH : (BINS.find((b) => score >= b.min && score <= b.max) ?? BINS[0]).colour;

const TILE = 13;
const GAP = 2;
const COLUMNS = 9;
const BLOCKS_PER_ROW = 5;
const BLOCK_WIDTH = COLUMNS * (TILE + GAP) + 18;
const LABEL = 18;

export function TileMap({
  page,
  tiles,
  regions,
}: {
  page: PageContext;
  tiles: Tile[];
  regions: RegionCoverage[];
}) {
  const { t } = page;
  const rowsOf = (r: RegionCoverage) => Math.ceil(r.municipalities / COLUMNS);
  const blockRows: RegionCoverage[][] = [];
  regions.forEach((r, i) => (blockRows[Math.floor(i / BLOCKS_PER_ROW)] ??= []).push(r));
  const legendHeight = 40;
  let y = legendHeight;
  const placed = blockRows.map((row) => {
    const top = y;
    y += LABEL + Math.max(...row.map(rowsOf)) * (TILE + GAP) + 14;
    return { row, top };
  });
  const width = BLOCKS_PER_ROW * BLOCK_WIDTH;
  const total = ELEMENTS.length;
  const legend = [
    ...BINS.map((b) => ({
      fill: b.colour,
      label: b.min === b.max ? String(b.min) : `${b.min}–${b.max}`,
    })),
    { fill: HATCH, label: t('mm.map.notAnswered') },
  ];
  return (
    <svg
      role="group"
      aria-labelledby="mm-map-title mm-map-desc"
      viewBox={`0 0 ${width} ${y}`}
      width="100%"
      font-family="inherit"
      font-size="11"
    >
      <title id="mm-map-title">{t('mm.map.title')}</title>
      <desc id="mm-map-desc">{t('mm.map.desc', { total })}</desc>
      <defs>
        <pattern
          id="mm-hatch"
          width="4"
          height="4"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="4" height="4" fill="#f2f2f2" />
          <line x1="0" y1="0" x2="0" y2="4" stroke="#8c8c8c" stroke-width="1.5" />
        </pattern>
      </defs>
      <text x={0} y={14} fill="#1a1a1a" font-weight="bold">
        {t('mm.map.legend', { total })}
      </text>
      {legend.map((item, i) => (
        <g>
          <rect
            x={i * 92}
            y={22}
            width={13}
            height={13}
            fill={item.fill}
            stroke="#555555"
            stroke-width="0.5"
          />
          <text x={i * 92 + 18} y={33} fill="#1a1a1a">
            {item.label}
          </text>
        </g>
      ))}
      {placed.map(({ row, top }) =>
        row.map((region, column) => {
          const x0 = column * BLOCK_WIDTH;
          const own = tiles.filter((tile) => tile.regionCode === region.code);
          return (
            <g>
              <text x={x0} y={top + 12} fill="#1a1a1a" font-weight="bold">
                {region.name}
              </text>
              {own.map((tile, i) => (
                // A group, not an image: the tiles are links (role="img" would hide them and nest controls).
                <a
                  href={`/gemeentelijke-aanpak/${tile.code}`}
                  aria-label={
                    tile.score === null
                      ? t('mm.tile.none', { name: tile.name })
                      : t('mm.tile.score', { name: tile.name, score: tile.score, total })
                  }
                >
                  <rect
                    data-municipality={tile.code}
                    x={x0 + (i % COLUMNS) * (TILE + GAP)}
                    y={top + LABEL + Math.floor(i / COLUMNS) * (TILE + GAP)}
                    width={TILE}
                    height={TILE}
                    fill={tileFill(tile.score)}
                    stroke="#555555"
                    stroke-width="0.5"
                  >
                    <title>
                      {tile.score === null
                        ? t('mm.tile.none', { name: tile.name })
                        : t('mm.tile.score', { name: tile.name, score: tile.score, total })}
                    </title>
                  </rect>
                </a>
              ))}
            </g>
          );
        }),
      )}
    </svg>
  );
}
