import { defineMessages } from "./define-messages.ts";

/**
 * Organisations, users and roles (issue 12): the names of organisation kinds, department
 * responsibilities, levels, roles and account states, the columns of `minecarbon orgs list`,
 * `regions list` and `users list`, and what those commands say.
 */
export const access = defineMessages({
  "col.id": ["id", "编号"],
  "col.code": ["code", "代码"],
  "col.kind": ["kind", "类型"],
  "col.name": ["name", "名称"],
  "col.nameZh": ["Chinese name", "中文名称"],
  "col.region": ["region", "行政区划"],
  "col.level": ["level", "级别"],
  "col.parent": ["parent", "上级"],
  "col.departmentKind": ["responsibility", "职能"],
  "col.creditCode": ["credit code", "统一社会信用代码"],
  "col.status": ["status", "状态"],
  "col.username": ["username", "用户名"],
  "col.organisation": ["organisation", "所属单位"],
  "col.roles": ["roles", "角色"],
  "col.created": ["created", "创建时间"],
  "kind.department": ["government department", "政府部门"],
  "kind.enterprise": ["enterprise", "企业"],
  "kind.verification-body": ["verification body", "核查机构"],
  "departmentKind.natural-resources": ["natural resources", "自然资源"],
  "departmentKind.ecology-environment": ["ecology and environment", "生态环境"],
  "departmentKind.other": ["other", "其他"],
  "level.national": ["national", "国家级"],
  "level.province": ["province", "省级"],
  "level.city": ["city", "市级"],
  "level.county": ["county", "县级"],
  "role.administrator": ["administrator", "系统管理员"],
  "role.regulator": ["regulator", "监管人员"],
  "role.enterprise-editor": ["enterprise editor", "企业填报人员"],
  "role.enterprise-submitter": ["enterprise submitter", "企业报送人员"],
  "role.verifier": ["verifier", "核查人员"],
  "role.public": ["public", "公众"],
  "status.active": ["active", "启用"],
  "status.disabled": ["disabled", "已停用"],
  "status.mustChangePassword": ["must change password", "须修改密码"],
  "say.regionAdded": [
    "added region {{code}} {{name}} (below {{parent}})",
    "已添加行政区划 {{code}} {{name}}（上级 {{parent}}）",
  ],
  "say.orgAdded": ["added organisation {{id}}: {{name}}", "已添加单位 {{id}}：{{name}}"],
  "say.orgDisabled": [
    "disabled organisation {{id}}: {{name}}; its users can no longer log in",
    "已停用单位 {{id}}：{{name}}；其用户不能再登录",
  ],
  "say.orgEnabled": ["enabled organisation {{id}}: {{name}}", "已启用单位 {{id}}：{{name}}"],
  "say.userAdded": ["added user {{username}} (id {{id}})", "已添加用户 {{username}}（编号 {{id}}）"],
  "say.userDisabled": [
    "disabled user {{username}}; ended {{sessions}} open session(s)",
    "已停用用户 {{username}}；已结束 {{sessions}} 个会话",
  ],
  "say.rolesSet": ["{{username}} now holds: {{roles}}", "{{username}} 现有角色：{{roles}}"],
  "say.userEnabled": ["enabled user {{username}}", "已启用用户 {{username}}"],
  "say.passwordReset": [
    "set a new password for {{username}}, to be changed at the next login; ended {{sessions}} open session(s)",
    "已为 {{username}} 设置新密码，下次登录时须修改；已结束 {{sessions}} 个会话",
  ],
  "say.listSeparator": [", ", "、"],
  "say.nothing": ["(none)", "（无）"],
  "prompt.password": ["Password for {{username}}: ", "{{username}} 的密码："],
  "prompt.again": ["The same password again: ", "再次输入同一密码："],
  // The password rules' refusals (src/app/auth/passwords.ts passwordProblems), recognised by
  // domain-text.ts from their English form.
  "passwordRule.short": [
    "A password needs at least {{min}} characters (this one has {{got}}).",
    "密码至少需要 {{min}} 个字符（此密码有 {{got}} 个）。",
  ],
  "passwordRule.long": ["A password has at most {{max}} characters.", "密码最多 {{max}} 个字符。"],
  "passwordRule.kinds": [
    "A password needs characters of at least three kinds: lower case, upper case, digits, others.",
    "密码需包含以下至少三类字符：小写字母、大写字母、数字、其他字符。",
  ],
  "passwordRule.username": ["A password must not contain the username.", "密码不得包含用户名。"],
  "passwordRule.spaces": ["A password must not start or end with a space.", "密码不得以空格开头或结尾。"],
});
