// The citizen's own record: every field of `me`, as the registry holds it.

import { $, make } from "/my/dom.js";

function valueText(value, t) {
  if (value === null || value === undefined) {
    return t.none;
  }

  return t.values[value] ?? String(value);
}

function nestedList(object, t) {
  const list = make("dl", { class: "nested" });
  for (const [key, value] of Object.entries(object)) {
    // One level of nesting is a list; a deeper one (the household head's id and name) is one line.
    list.append(make("dt", {}, t.fields[key] ?? key),
      make("dd", {}, value !== null && typeof value === "object" ? Object.values(value).map((v) => valueText(v, t)).join(" · ") : valueText(value, t)));
  }

  return list;
}

export function renderRecord(me, t) {
  const record = $("#record");
  record.replaceChildren();
  for (const [key, value] of Object.entries(me)) {
    const shown = key === "dateOfDeath" && value === null ? t.alive
      : value !== null && typeof value === "object" ? nestedList(value, t) : valueText(value, t);
    record.append(make("div", { class: "record-field" }, make("dt", {}, t.fields[key] ?? key), make("dd", {}, shown)));
  }
}
