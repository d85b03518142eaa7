import { App as AntApp, Button, Popconfirm, Select, Space, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type Lang } from "../../../presentation/i18n/lang.ts";
import { type Area } from "../../api/queries.ts";
import { nameIn } from "../../app/Shell.tsx";
import { QueryError } from "../../components/QueryError.tsx";
import {
  useAreaVerifiers,
  useAssignVerifier,
  useUnassignVerifier,
  useVerificationBodies,
} from "./admin-api.ts";
import { NS } from "./ns.ts";
import { WriteError } from "./WriteError.tsx";

/**
 * An area's verification bodies: those assigned, each with its removal (confirmed), and a choice
 * of the enabled bodies, searchable by name, to assign another.
 */
export function AreaVerifiers({ area, lang }: { area: Area; lang: Lang }): ReactNode {
  const { t } = useTranslation(NS);
  const { message } = AntApp.useApp();
  const bodies = useVerificationBodies();
  const assigned = useAreaVerifiers(area.id);
  const assign = useAssignVerifier();
  const unassign = useUnassignVerifier();
  const [chosen, setChosen] = useState<string | undefined>();
  const taken = new Set((assigned.data ?? []).map((b) => b.id));
  const free = (bodies.data ?? []).filter((b) => !taken.has(b.id));
  // Nothing left to choose (every enabled body is assigned, or none is registered): said, not an empty choice.
  const noneLeft = bodies.data !== undefined && assigned.data !== undefined && free.length === 0;
  const error = bodies.error ?? assigned.error;
  return (
    <div className="area-verifiers" data-area={area.id}>
      {error && <QueryError error={error} />}
      <WriteError error={assign.error ?? unassign.error} />
      <ul className="verifier-list">
        {assigned.data?.length === 0 && (
          <li className="no-verifier">
            <Typography.Text type="secondary">{t("webViews:admin.noVerifier")}</Typography.Text>
          </li>
        )}
        {assigned.data?.map((b) => (
          <li key={b.id} className="verifier" data-body={b.id}>
            <span className="verifier-name">{nameIn(lang, b)}</span>
            <Popconfirm
              title={t("webViews:admin.unassignConfirm", { name: nameIn(lang, b) })}
              okButtonProps={{ className: "verifier-remove-ok" }}
              onConfirm={() =>
                unassign.mutateAsync(
                  { id: area.id, organisationId: b.id },
                  { onSuccess: () => void message.success(t("webViews:admin.verifierUnassigned")) },
                )
              }
            >
              <Button
                size="small"
                type="link"
                danger
                className="verifier-remove"
                loading={unassign.isPending && unassign.variables?.organisationId === b.id}
              >
                {t("webViews:admin.unassign")}
              </Button>
            </Popconfirm>
          </li>
        ))}
      </ul>
      {noneLeft ? (
        <Typography.Text type="secondary" className="verifier-none-left">
          {t(bodies.data.length === 0 ? "webViews:admin.noBodies" : "webViews:admin.allBodiesAssigned")}
        </Typography.Text>
      ) : (
        <Space.Compact>
          <Select
            className="verifier-select"
            style={{ minWidth: 180 }}
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("webViews:admin.chooseBody")}
            aria-label={t("webViews:admin.chooseBody")}
            popupMatchSelectWidth={false}
            loading={bodies.isPending}
            value={chosen}
            onChange={(v: string) => setChosen(v)}
            options={free.map((b) => ({ value: b.id, label: nameIn(lang, b) }))}
          />
          <Button
            className="verifier-assign"
            disabled={!chosen}
            loading={assign.isPending}
            onClick={() =>
              chosen &&
              assign.mutate(
                { id: area.id, organisationId: chosen },
                {
                  onSuccess: () => {
                    setChosen(undefined);
                    void message.success(t("webViews:admin.verifierAssigned"));
                  },
                },
              )
            }
          >
            {t("webViews:admin.assign")}
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}
