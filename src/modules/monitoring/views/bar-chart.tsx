/**
 * A horizontal bar chart as server-rendered SVG. It is an image with a title; the numbers are in the table beside it,
 * so the chart adds a picture and never carries information alone.
 */
export const BarChart = ({
  id,
  title,
  bars,
}: {
  id: string;
  title: string;
  bars: { label: string; value: number | null; display: string }[];
}) => {
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const rowHeight = 28;
  const labelWidth = 190;
  const barWidth = 300;
  const height = bars.length * rowHeight + 8;
  return (
    <svg
      viewBox={`0 0 ${labelWidth + barWidth + 80} ${height}`}
      role="img"
      aria-labelledby={`${id}-titel`}
      class="cl-chart"
    >
      <title id={`${id}-titel`}>{title}</title>
      {bars.map((bar, index) => {
        const y = index * rowHeight + 4;
        const width = Math.round(((bar.value ?? 0) / max) * barWidth);
        return (
          <g>
            <text x={labelWidth - 8} y={y + 17} text-anchor="end" class="cl-chart__label">
              {bar.label}
            </text>
            <rect
              x={labelWidth}
              y={y + 3}
              width={Math.max(1, width)}
              height={rowHeight - 8}
              class="cl-chart__bar"
            />
            <text x={labelWidth + Math.max(1, width) + 6} y={y + 17} class="cl-chart__label">
              {bar.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
