import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Form, Input, Select } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { LEGEND_PRESETS } from "../../../domain/landuse/legend.ts";
import { ApiError } from "../../api/client.ts";
import { useCreateArea, keys } from "../../api/queries.ts";
import { viewPath } from "../../app/views.ts";
import { fieldErrors } from "./field-errors.ts";
import { legendPresetText } from "./legend-preset-text.ts";

interface Values {
  name: string;
  nameZh?: string;
  legend: string;
}

/** Creates a mining area (name, Chinese name, legend preset) and opens its data view. */
export function CreateArea(): ReactNode {
  const { t } = useTranslation(["common", "web"]);
  const [form] = Form.useForm<Values>();
  const create = useCreateArea();
  const navigate = useNavigate();
  const { search } = useLocation();
  const qc = useQueryClient();
  const [error, setError] = useState<string | undefined>();
  return (
    <Form<Values>
      id="create-area"
      form={form}
      layout="vertical"
      initialValues={{ legend: "seed001" }}
      onFinish={async (v) => {
        setError(undefined);
        try {
          const a = await create.mutateAsync({
            name: v.name,
            nameZh: v.nameZh?.trim() || null,
            legend: { preset: v.legend as "seed001" },
          });
          form.resetFields();
          await qc.invalidateQueries({ queryKey: keys.areas });
          void navigate(viewPath(a.id, "data", search));
        } catch (e) {
          if (e instanceof ApiError) {
            const { fields, rest } = fieldErrors(e.details, ["name", "nameZh", "legend"] as const);
            form.setFields(fields);
            setError(rest.length || !fields.length ? [e.message, ...rest].join("; ") : undefined);
          } else setError((e as Error).message);
        }
      }}
    >
      <Form.Item
        name="name"
        label={t("name")}
        rules={[{ required: true, whitespace: true, message: t("web:required") }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="nameZh" label={t("nameZh")}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="legend" label={t("legend")}>
        <Select
          options={Object.values(LEGEND_PRESETS).map((p) => ({
            value: p.id,
            // The preset's description in the language (the domain's is English); its id stays first.
            label: `${p.id} — ${legendPresetText(t, p.id)}`,
          }))}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      {error && <Alert type="error" showIcon role="alert" title={error} className="form-error" />}
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t("create")}
      </Button>
    </Form>
  );
}
