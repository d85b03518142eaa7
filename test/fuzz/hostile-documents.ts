/** YAML/JSON documents that are broken, hostile or built to exhaust a parser. */
export function hostileYaml(): Record<string, string> {
  const alias = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 12; i++)
    alias.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(", ")}]`,
    );
  return {
    empty: "",
    "only-comment": "# nothing\n",
    scalar: "42\n",
    list: "- 1\n- 2\n",
    "null-document": "~\n",
    "alias-bomb": `${alias.join("\n")}\n`,
    "deep-flow": `${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
    "deep-json": `{"kind": ${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}}`,
    "duplicate-keys": "kind: mine-inventory\nkind: land-use-budget\n",
    "tab-indent": "kind: mine-inventory\nyears:\n\t- year: 2020\n",
    "unknown-kind": "kind: banana\n",
    "no-kind": "name: x\n",
    "two-documents": "kind: mine-inventory\n---\nkind: land-use-budget\n",
    "js-function-tag": "kind: !!js/function 'function(){return 1}'\n",
    "unclosed-quote": 'kind: "mine-inventory\n',
    binary: "\u0000\u0001\u0002\u0003\uffff\ufffe",
    "json-nan": '{"kind": "mine-inventory", "x": NaN}',
    "json-trailing-comma": '{"kind": "mine-inventory",}',
    "bom-valid": "\ufeffkind: mine-inventory\n",
    "huge-string": `kind: mine-inventory\nname: "${"x".repeat(5_000_000)}"\n`,
    "proto-key":
      '{"kind": "mine-inventory", "__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}',
  };
}

/** GeoJSON boundaries and zones that are not polygons a mine can have. */
export function hostileGeoJson(): Record<string, string> {
  const ring = (coords: unknown) =>
    JSON.stringify({
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { name: "f" }, geometry: { type: "Polygon", coordinates: coords } },
      ],
    });
  return {
    banana: JSON.stringify({ type: "Banana" }),
    "deep-nesting": `{"type":"Polygon","coordinates":${"[".repeat(200_000)}${"]".repeat(200_000)}}`,
    "coordinate-1e999": ring([
      [
        [0, 0],
        [1, 0],
        [1, Infinity],
        [0, 0],
      ],
    ]).replace("null", "1e999"),
    "coordinate-text": ring([
      [
        [0, 0],
        [1, 0],
        [1, "a"],
        [0, 0],
      ],
    ]),
    "open-ring": ring([
      [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
    ]),
    "empty-coordinates": ring([]),
    "point-not-polygon": JSON.stringify({ type: "Point", coordinates: [0, 0] }),
    "position-of-one": ring([[[0], [1], [2], [0]]]),
    "features-not-a-list": JSON.stringify({ type: "FeatureCollection", features: { a: 1 } }),
    "geometry-null": JSON.stringify({
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: {}, geometry: null }],
    }),
    "not-json": "{ this is not json",
    empty: "",
    "array-root": "[]",
  };
}
