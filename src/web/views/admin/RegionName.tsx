import { Typography } from "antd";
import type { ReactNode } from "react";
import type { Lang } from "../../../presentation/i18n/lang.ts";
import { nameIn } from "../../app/Shell.tsx";
import { useRegions } from "./admin-api.ts";

/**
 * A region by its name in the language, its GB/T 2260 code beside it in grey; the code alone while
 * the regions load or for a region the system does not know.
 */
export function RegionName({ lang, code }: { lang: Lang; code: string }): ReactNode {
  const regions = useRegions();
  const region = regions.data?.find((r) => r.code === code);
  return (
    <span className="region" data-code={code}>
      {region && <span className="region-name">{nameIn(lang, region)} </span>}
      <Typography.Text type="secondary" className="region-code">
        {code}
      </Typography.Text>
    </span>
  );
}
