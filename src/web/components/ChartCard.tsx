import { Card, Grid } from "antd";
import type { ReactNode } from "react";
import { Chart } from "./Chart.tsx";

/** A chart in a card; on a narrow screen a wide chart scrolls inside its own box, so its labels keep their room. */
export function ChartCard(props: {
  id: string;
  title: string;
  option: Parameters<typeof Chart>[0]["option"];
  height?: number;
  /** The width under which the chart scrolls in its box rather than squeezing its labels together. */
  minWidth?: number;
}): ReactNode {
  const screens = Grid.useBreakpoint();
  const narrow = props.minWidth !== undefined && !screens.md;
  const chart = (
    <Chart id={props.id} option={props.option} height={props.height ?? 320} ariaLabel={props.title} />
  );
  return (
    <Card size="small" title={props.title} id={`${props.id}-panel`} className="chart-card">
      {narrow ? (
        <div className="chart-scroll" style={{ overflowX: "auto", maxWidth: "100%" }}>
          <div style={{ minWidth: props.minWidth }}>{chart}</div>
        </div>
      ) : (
        chart
      )}
    </Card>
  );
}
