import { CheckOutlined, DeleteOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Input,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import type { z } from "zod";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LEGEND_ROLES, type ApiWarning, type legendAnswerSchema } from "../../../contract/area.ts";
import { CARBON_POOLS, DENSITY_SETS } from "../../../domain/budget/density-sets.ts";
import { densitySetText } from "./density-set-text.ts";
import { ApiError, apiFetch } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import { QueryError } from "../../components/QueryError.tsx";
import { apiWarningText } from "../../components/stale-reason.ts";
import { domainText } from "../../../presentation/i18n/domain-text.ts";
import { parseLang } from "../../../presentation/i18n/lang.ts";
import {
  checkRows,
  densitiesOf,
  isCellPath,
  isRole,
  LegendCsvError,
  legendRowsFromCsv,
  newRow,
  ROLES,
  rowIssuesFromApi,
  rowsFromClasses,
  withSuggestedRole,
  type LegendRow,
  type RowIssue,
} from "./legend-rows.ts";

type LegendAnswer = z.infer<typeof legendAnswerSchema>;

/** The legend of an area, loaded once; the editor keeps its rows in its own state afterwards. */
export function LegendEditor({ areaId }: { areaId: string }): ReactNode {
  const legend = useQuery({
    queryKey: keys.legend(areaId),
    queryFn: () => apiFetch<LegendAnswer>(`/api/areas/${encodeURIComponent(areaId)}/legend`),
    staleTime: Infinity,
  });
  if (legend.isPending) return <Skeleton active />;
  if (legend.error) return <QueryError error={legend.error} />;
  return <LegendTable areaId={areaId} initial={legend.data} />;
}

/**
 * The legend editor: one row per class with its code, names, colour and ROLE (what the class is —
 * visible and editable; the zoning rules and density sets read classes by it) and the carbon
 * densities that role takes in each density set. Rows are added, removed, or replaced by a CSV
 * import; each row carries its own role, so writing rows never keeps a role the row had before.
 * A row without a role (imported, new, or stored without one) is given the role its name suggests,
 * marked "suggested — confirm": saving waits until the user confirms it or picks another.
 * Problems are shown at their cells, found here first and then by the server; the domain's and the
 * server's English texts are shown through the catalogue (`domainText`).
 */
function LegendTable({ areaId, initial }: { areaId: string; initial: LegendAnswer }): ReactNode {
  const { t, i18n } = useTranslation(["common", "web", "terms"]);
  const lang = parseLang(i18n.language) ?? "en";
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [rows, setRows] = useState<LegendRow[]>(() => rowsFromClasses(initial.classes));
  const [issues, setIssues] = useState<RowIssue[]>([]);
  // Texts of the domain or the server are kept as written and shown in the language when drawn.
  const [formError, setFormError] = useState<{ source?: string; texts: string[] } | undefined>();
  const [imported, setImported] = useState<
    { file: string; count: number; withoutRole: number; suggested: number; ignored: string[] } | undefined
  >();
  const [saved, setSaved] = useState<number | undefined>();
  // What the server warns of the saved legend's roles (a role nothing knows, a role given twice).
  const [warnings, setWarnings] = useState<ApiWarning[]>([]);
  const issueAt = (path: string) => {
    const message = issues.find((i) => i.path === path)?.message;
    return message === undefined ? undefined : domainText(lang, message);
  };

  /** A row changed; a new name re-suggests the role of a row whose role the user has not given. */
  const edit = (id: string, patch: Partial<LegendRow>) => {
    setSaved(undefined);
    setRows((rs) =>
      rs.map((r) => {
        if (r.rowId !== id) return r;
        const next = { ...r, ...patch };
        return "name" in patch || "nameZh" in patch ? withSuggestedRole(next) : next;
      }),
    );
  };
  const suggestedCount = rows.filter((r) => r.suggested).length;

  const save = useMutation({
    mutationFn: (classes: unknown[]) =>
      // The legend written whole: every class states its role; nothing is kept from former rows.
      apiFetch<LegendAnswer>(`/api/areas/${encodeURIComponent(areaId)}/legend`, {
        method: "PUT",
        json: { classes },
      }),
    onSuccess: async (r, classes) => {
      setSaved(classes.length);
      setWarnings(r.warnings ?? []);
      setIssues([]);
      setFormError(undefined);
      message.success(t("web:legend.saved", { count: classes.length }));
      await qc.invalidateQueries({ queryKey: keys.area(areaId) });
    },
    onError: (e) => {
      setSaved(undefined);
      setWarnings([]);
      if (e instanceof ApiError && e.details.length) {
        // PUT names rows `classes[2].key`, PATCH `legend.classes[2].key`: both at the row's cell.
        const issues = rowIssuesFromApi(e.details);
        setIssues(issues);
        const elsewhere = issues.filter((d) => !isCellPath(d.path));
        setFormError({
          // A problem of the whole list of classes is said without its path.
          texts: [
            e.message,
            ...elsewhere.map((d) =>
              d.path && d.path !== "legend.classes" ? `${d.path}: ${d.message}` : d.message,
            ),
          ],
        });
      } else setFormError({ texts: [e.message] });
    },
  });

  const submit = () => {
    setSaved(undefined);
    const checked = checkRows(rows, {
      code: t("web:legend.badCode"),
      duplicate: (code) => t("web:legend.duplicateCode", { code }),
      name: t("web:legend.needName"),
      role: t("web:legend.needRole"),
      confirm: t("web:legend.needConfirm"),
      none: t("web:legend.noClasses"),
    });
    if ("issues" in checked) {
      setIssues(checked.issues);
      setFormError({ texts: [t("web:legend.fixCells", { count: checked.issues.length })] });
      return;
    }
    setIssues([]);
    setFormError(undefined);
    save.mutate(checked.classes);
  };

  const importCsv = async (file: File) => {
    try {
      const r = legendRowsFromCsv(await file.text(), file.name);
      setRows(r.rows);
      setIssues([]);
      setSaved(undefined);
      setFormError(undefined);
      setImported({
        file: file.name,
        count: r.rows.length,
        withoutRole: r.withoutRole,
        suggested: r.suggested,
        ignored: r.ignored,
      });
    } catch (e) {
      setImported(undefined);
      setFormError(
        e instanceof LegendCsvError
          ? {
              source: e.source,
              texts: e.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)),
            }
          : { texts: [(e as Error).message] },
      );
    }
  };

  const sets = Object.keys(DENSITY_SETS);
  /** A density factor by the class it was measured on (its id's last part, a role), or 0. */
  const densityName = (factor: string | 0) => {
    if (factor === 0) return "0";
    const of = factor.split(".").at(-1) ?? factor;
    return isRole(of) ? t(`terms:classRole.${of}`) : of;
  };
  const roleOptions = useMemo(
    () =>
      ROLES.map((r) => ({
        value: r,
        label: `${t(`terms:classRole.${r}`)} · ${t(`terms:roleGroup.${LEGEND_ROLES[r]}`)}`,
      })),
    [t],
  );
  const cell = (path: string, node: ReactNode) => {
    const problem = issueAt(path);
    return (
      <div className={problem ? "cell invalid" : "cell"} data-path={path}>
        {node}
        {problem && (
          <div className="field-error" role="alert">
            {problem}
          </div>
        )}
      </div>
    );
  };

  const columns: ColumnsType<LegendRow> = [
    {
      title: t("web:legend.code"),
      dataIndex: "code",
      width: 90,
      render: (_v, r, i) =>
        cell(
          `legend.classes[${i}].code`,
          <Input
            className="code"
            inputMode="numeric"
            aria-label={t("web:legend.code")}
            value={r.code}
            status={issueAt(`legend.classes[${i}].code`) ? "error" : undefined}
            onChange={(e) => edit(r.rowId, { code: e.target.value })}
          />,
        ),
    },
    {
      title: t("name"),
      dataIndex: "name",
      render: (_v, r, i) =>
        cell(
          `legend.classes[${i}].name`,
          <Input
            className="name"
            aria-label={t("name")}
            value={r.name}
            status={issueAt(`legend.classes[${i}].name`) ? "error" : undefined}
            onChange={(e) => edit(r.rowId, { name: e.target.value })}
          />,
        ),
    },
    {
      title: t("nameZh"),
      dataIndex: "nameZh",
      render: (_v, r, i) =>
        cell(
          `legend.classes[${i}].nameZh`,
          <Input
            className="nameZh"
            aria-label={t("nameZh")}
            value={r.nameZh}
            onChange={(e) => edit(r.rowId, { nameZh: e.target.value })}
          />,
        ),
    },
    {
      title: t("web:legend.role"),
      dataIndex: "role",
      width: 220,
      render: (_v, r, i) =>
        cell(
          `legend.classes[${i}].key`,
          <>
            <Select
              className={r.suggested ? "role suggested" : "role"}
              aria-label={t("web:legend.role")}
              value={r.role || undefined}
              placeholder={t("web:legend.chooseRole")}
              status={issueAt(`legend.classes[${i}].key`) ? "error" : r.suggested ? "warning" : undefined}
              options={roleOptions}
              showSearch={{ optionFilterProp: "label" }}
              popupMatchSelectWidth={false}
              style={{ width: "100%" }}
              onChange={(role) => edit(r.rowId, { role, suggested: false })}
            />
            {r.suggested && (
              <Space size={4} className="role-suggestion" style={{ marginTop: 4 }}>
                <Tooltip title={t("web:legend.suggestedHint")}>
                  <Tag color="warning" className="role-suggested">
                    {t("web:legend.suggested")}
                  </Tag>
                </Tooltip>
                <Button
                  size="small"
                  className="role-confirm"
                  icon={<CheckOutlined />}
                  onClick={() => {
                    edit(r.rowId, { suggested: false });
                    setIssues((is) => is.filter((x) => x.path !== `legend.classes[${i}].key`));
                  }}
                >
                  {t("web:legend.confirmRole")}
                </Button>
              </Space>
            )}
          </>,
        ),
    },
    {
      title: t("web:legend.colour"),
      dataIndex: "colour",
      width: 70,
      render: (_v, r, i) =>
        cell(
          `legend.classes[${i}].colour`,
          <input
            type="color"
            className="colour"
            aria-label={t("web:legend.colour")}
            value={r.colour}
            onChange={(e) => edit(r.rowId, { colour: e.target.value })}
          />,
        ),
    },
    ...sets.map((set) => ({
      title: (
        <Tooltip title={densitySetText(t, "densitySetNote", set)}>
          {/* Wraps within its own width: the set's name would otherwise widen the table. */}
          <span
            className="density-set-label"
            data-set={set}
            style={{ display: "inline-block", maxWidth: 200, whiteSpace: "normal" }}
          >
            {t("web:legend.densitySetColumn", { set: densitySetText(t, "densitySet", set) })}
          </span>
        </Tooltip>
      ),
      key: `densities-${set}`,
      render: (_v: unknown, r: LegendRow) => {
        const d = densitiesOf(set, r.role);
        if (!r.role) return "—";
        if (!d)
          return (
            <Tag className="densities none" title={t("web:legend.noDensityHint")}>
              {t("web:legend.noDensity")}
            </Tag>
          );
        return (
          <span className="densities" data-role={r.role}>
            {CARBON_POOLS.map((pool) => (
              <div key={pool} title={String(d[pool])}>
                {t("web:legend.poolDensity", { pool: t(`web:pool.${pool}`), factor: densityName(d[pool]) })}
              </div>
            ))}
          </span>
        );
      },
    })),
    {
      key: "remove",
      width: 48,
      render: (_v, r) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t("web:legend.remove")}
          onClick={() => {
            setSaved(undefined);
            setIssues([]);
            setRows((rs) => rs.filter((x) => x.rowId !== r.rowId));
          }}
        />
      ),
    },
  ];

  return (
    <form
      id="legend-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Typography.Paragraph type="secondary">{t("web:legend.help")}</Typography.Paragraph>
      {imported && (
        <Alert
          className="legend-imported"
          type={imported.withoutRole ? "warning" : "info"}
          showIcon
          closable
          onClose={() => setImported(undefined)}
          title={t("web:legend.imported", { count: imported.count, file: imported.file })}
          description={[
            imported.withoutRole - imported.suggested
              ? t("web:legend.importedWithoutRole", { count: imported.withoutRole - imported.suggested })
              : "",
            imported.suggested ? t("web:legend.importedSuggested", { count: imported.suggested }) : "",
            imported.ignored.length
              ? t("web:legend.ignoredColumns", { columns: imported.ignored.join(", ") })
              : "",
          ]
            .filter(Boolean)
            .join(" ")}
        />
      )}
      <div className="table-scroll">
        <Table<LegendRow>
          className="legend-table"
          size="small"
          rowKey="rowId"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: "max-content" }}
        />
      </div>
      {formError && (
        // The file's name, or the first text, as the title; the problems listed under it.
        <Alert
          className="form-error"
          type="error"
          showIcon
          role="alert"
          title={formError.source ? `${formError.source}:` : domainText(lang, formError.texts[0] ?? "")}
          description={
            (formError.source ? formError.texts : formError.texts.slice(1)).length > 0 && (
              <ul>
                {(formError.source ? formError.texts : formError.texts.slice(1)).map((text) => (
                  <li key={text}>{domainText(lang, text)}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Space wrap style={{ marginTop: 8 }}>
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            setSaved(undefined);
            setRows((rs) => [...rs, newRow()]);
          }}
        >
          {t("web:legend.add")}
        </Button>
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void importCsv(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} id="legend-import">
            {t("web:legend.importCsv")}
          </Button>
        </Upload>
        {suggestedCount > 0 && (
          <Button
            id="legend-confirm-all"
            icon={<CheckOutlined />}
            onClick={() => {
              setRows((rs) => rs.map((r) => (r.suggested ? { ...r, suggested: false } : r)));
              setIssues((is) => is.filter((x) => !/^legend\.classes\[\d+\]\.key$/.test(x.path)));
            }}
          >
            {t("web:legend.confirmAll")} ({suggestedCount})
          </Button>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} id="legend-save">
          {t("save")}
        </Button>
        {saved !== undefined && (
          <Typography.Text type="success" role="status" className="legend-saved">
            ✓ {t("web:legend.saved", { count: saved })}
          </Typography.Text>
        )}
      </Space>
      {warnings.length > 0 && (
        <Alert
          className="legend-warnings"
          type="warning"
          showIcon
          role="status"
          style={{ marginTop: 8 }}
          title={
            <ul>
              {warnings.map((w) => (
                <li key={w.message}>{apiWarningText(t, w)}</li>
              ))}
            </ul>
          }
        />
      )}
    </form>
  );
}
