import { Form, Modal, Typography } from "antd";
import { type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useResetPassword, type UserRow } from "./admin-api.ts";
import { NS } from "./ns.ts";
import { PasswordTwice } from "./PasswordTwice.tsx";
import { WriteError } from "./WriteError.tsx";

/** An administrator sets a user's password anew (the user must change it at the next sign-in). */
export function ResetPassword({
  user,
  onClose,
  reset,
}: {
  user: UserRow | undefined;
  onClose: () => void;
  reset: ReturnType<typeof useResetPassword>;
}): ReactNode {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm<{ password: string }>();
  return (
    <Modal
      open={user !== undefined}
      title={user ? `${t("webViews:admin.resetPassword")}: ${user.username}` : ""}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ id: "reset-ok", loading: reset.isPending }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("webViews:admin.resetNote")}</Typography.Paragraph>
      <WriteError error={reset.error} />
      <Form
        form={form}
        layout="vertical"
        name="reset-password"
        requiredMark={false}
        onFinish={(v) => user && reset.mutate({ id: user.id, password: v.password }, { onSuccess: onClose })}
      >
        <PasswordTwice prefix="reset" />
      </Form>
    </Modal>
  );
}
