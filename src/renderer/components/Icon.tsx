/** Transport icons as inline SVG (no icon font: glyphs like ⏮ are missing from many system fonts). */
const PATHS = {
  restart: 'M3 3h2v10H3zM13 3v10L6 8z',
  back: 'M12 3v10L5 8zM3 3h2v10H3z',
  play: 'M4 2.5v11L13 8z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  forward: 'M4 3v10l7-5zM11 3h2v10h-2z',
  end: 'M1 3v10l5-5zM7 3v10l5-5zM12 3h2v10h-2z',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
