import { Empty } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";

/**
 * An empty state that says what its reader can do: to who may act (`mayAct`, from `useMay`), what to
 * do and a link to where it is done; to who may not, that nothing has been entered yet and by whom
 * it would be — never an instruction they could not follow.
 */
export function NothingYet({
  id,
  mayAct,
  act,
  wait,
  to,
  linkText,
}: {
  id?: string;
  mayAct: boolean;
  /** What to do, for who may. */
  act: string;
  /** What is missing and who would enter it, for who may not. */
  wait: string;
  /** Where it is done (a view's path), with the link's text. */
  to?: string;
  linkText?: string;
}): ReactNode {
  return (
    <div id={id} className="nothing-yet" data-may-act={String(mayAct)}>
      <Empty description={mayAct ? act : wait}>
        {mayAct && to && linkText && <Link to={to}>{linkText}</Link>}
      </Empty>
    </div>
  );
}
