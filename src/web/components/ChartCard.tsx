import { Card, Grid } from "antd";
import { useMemo, type ReactNode } from "react";
import { Chart } from "./Chart.tsx";
import { fitNarrow } from "./fit-narrow.ts";

/**
 * A chart in a card. On a narrow screen (under antd's md, 768 px) a chart that can be fitted
 * (`fitsNarrow`: its labels off, `narrowKey` shown beneath instead) is drawn at the card's width;
 * another wide chart scrolls inside its own box, so its labels keep their room.
 */
export function ChartCard(props: {
  id: string;
  title: string;
  option: Parameters<typeof Chart>[0]["option"];
  height?: number;
  /** The width under which the chart scrolls in its box rather than squeezing its labels together. */
  minWidth?: number;
  /** Drawn at the card's width on a phone, without its labels (see `fitNarrow`). */
  fitsNarrow?: boolean;
  /** What the labels said, shown under the chart when they are off (the classes' colours). */
  narrowKey?: ReactNode;
  /** The chart's height on a phone. */
  narrowHeight?: number;
}): ReactNode {
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const fitted = phone && props.fitsNarrow === true;
  const option = useMemo(() => (fitted ? fitNarrow(props.option) : props.option), [fitted, props.option]);
  const scrolls = !fitted && props.minWidth !== undefined && !screens.md;
  const chart = (
    <Chart
      id={props.id}
      option={option}
      height={fitted ? (props.narrowHeight ?? props.height ?? 320) : (props.height ?? 320)}
      ariaLabel={props.title}
    />
  );
  return (
    <Card size="small" title={props.title} id={`${props.id}-panel`} className="chart-card">
      {scrolls ? (
        <div className="chart-scroll" style={{ overflowX: "auto", maxWidth: "100%" }}>
          <div style={{ minWidth: props.minWidth }}>{chart}</div>
        </div>
      ) : (
        chart
      )}
      {fitted && props.narrowKey}
    </Card>
  );
}
