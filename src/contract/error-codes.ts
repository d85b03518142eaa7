/**
 * The one error table: each error code with its HTTP status, the CLI's exit code and a short title
 * in English and Chinese. The API's error handler (src/server/app.ts) and the CLI
 * (src/cli/exit-code.ts) both read it; no route maps an error itself. Exit 2 means the input is
 * wrong (fix it and run again), 1 that the program failed.
 */
export const ERROR_CODES = {
  "bad-input": { status: 400, exit: 2, title: { en: "the input has problems", zh: "输入有误" } },
  "bad-request": { status: 400, exit: 2, title: { en: "the request is malformed", zh: "请求格式有误" } },
  "bad-json": {
    status: 400,
    exit: 2,
    title: { en: "the body is not valid JSON", zh: "请求体不是有效的 JSON" },
  },
  "gas-basis-mismatch": {
    status: 400,
    exit: 2,
    title: {
      en: "a gas volume and its density differ in reference conditions",
      zh: "气体体积与密度的参考状态不一致",
    },
  },
  "non-finite-quantity": {
    status: 400,
    exit: 2,
    title: { en: "a quantity is not a finite number", zh: "数值不是有限数" },
  },
  "not-a-geotiff": {
    status: 400,
    exit: 2,
    title: { en: "not a readable GeoTIFF", zh: "不是可读取的 GeoTIFF" },
  },
  "not-signed-in": { status: 401, exit: 1, title: { en: "sign in first", zh: "请先登录" } },
  forbidden: { status: 403, exit: 1, title: { en: "refused", zh: "拒绝访问" } },
  csrf: {
    status: 403,
    exit: 1,
    title: { en: "a write from another site is refused", zh: "拒绝来自其他网站的写入请求" },
  },
  "rate-limited": {
    status: 429,
    exit: 1,
    title: { en: "too many attempts; wait and try again", zh: "尝试次数过多，请稍后再试" },
  },
  "not-found": { status: 404, exit: 2, title: { en: "not found", zh: "未找到" } },
  "unknown-route": {
    status: 404,
    exit: 2,
    title: { en: "no such route (method and path)", zh: "没有该接口（请求方法与路径）" },
  },
  "method-not-allowed": {
    status: 405,
    exit: 2,
    title: { en: "the route does not take this method", zh: "该接口不接受此请求方法" },
  },
  "not-finished": { status: 409, exit: 1, title: { en: "not finished yet", zh: "尚未完成" } },
  conflict: {
    status: 409,
    exit: 2,
    title: { en: "the record's state does not allow this now", zh: "记录当前状态不允许此操作" },
  },
  "map-exists": {
    status: 409,
    exit: 2,
    title: { en: "a map of that year exists; replace it explicitly", zh: "该年份已有地图；需明确确认替换" },
  },
  "too-large": {
    status: 413,
    exit: 2,
    title: { en: "the body or file is too large", zh: "请求体或文件过大" },
  },
  "unsupported-media-type": {
    status: 415,
    exit: 2,
    title: { en: "the body's content type is not taken", zh: "不接受该请求体内容类型" },
  },
  "not-enough-maps": {
    status: 422,
    exit: 2,
    title: { en: "not enough maps for the analysis", zh: "地图年份不足，无法分析" },
  },
  "zoning-does-not-fit": {
    status: 422,
    exit: 2,
    title: { en: "the zoning rules do not fit the legend", zh: "分区规则与图例不符" },
  },
  "map-does-not-fit": {
    status: 422,
    exit: 2,
    title: { en: "the map does not fit the area", zh: "地图与矿区不符" },
  },
  "wrong-inventory": {
    status: 422,
    exit: 2,
    title: { en: "the inventory is of another mine or year", zh: "清单的矿山或年份不符" },
  },
  "stored-invalid": {
    status: 500,
    exit: 1,
    title: { en: "a stored row does not fit its schema", zh: "存储的数据与其模式不符" },
  },
  internal: { status: 500, exit: 1, title: { en: "internal error", zh: "内部错误" } },
} as const satisfies Readonly<
  Record<string, { status: number; exit: 1 | 2; title: { en: string; zh: string } }>
>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** True when `code` is in the table. */
export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === "string" && Object.hasOwn(ERROR_CODES, code);

/** The code an error carries (its `code` property) when the table knows it, else "internal". */
export function errorCodeOf(error: unknown): ErrorCode {
  const code = (error as { code?: unknown } | null)?.code;
  return isErrorCode(code) ? code : "internal";
}
