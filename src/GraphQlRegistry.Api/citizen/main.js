// The citizens' page: sign in, show the record and the history, filter, chart, download, flag.

import { RegistryApi, historySelection, meQuery, flagMutation } from "/my/api.js";
import { languages, fieldLabel } from "/my/i18n.js";
import { groupByRequest, applyFilters, readsPerMonth, organizationKey, csvHeader, csvRow } from "/my/history.js";
import { monthlyChart } from "/my/chart.js";
import { startOidcSignIn, completeOidcSignIn } from "/my/signin.js";

const state = { language: "vi", api: null, me: null, entries: [], config: null };
const text = () => languages[state.language];
const $ = (selector) => document.querySelector(selector);

function make(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") {
      node.className = value;
    } else if (key.startsWith("on")) {
      node.addEventListener(key.slice(2), value);
    } else if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(key, value === true ? "" : value);
    }
  }

  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function announce(message) {
  $("#status").textContent = message;
}

function formatTime(iso) {
  return new Date(iso).toLocaleString(text().locale, { dateStyle: "medium", timeStyle: "short" });
}

// :: Static texts of the page, switched with the language.
function applyTexts() {
  const t = text();
  document.documentElement.lang = state.language;
  document.title = t.title;
  for (const node of document.querySelectorAll("[data-text]")) {
    node.textContent = t[node.dataset.text];
  }

  $("#language").textContent = t.language;
  $("#language").setAttribute("aria-label", t.languageLabel);
  $("#language").setAttribute("lang", state.language === "vi" ? "en" : "vi");
}

function render() {
  applyTexts();
  if (state.me) {
    renderRecord();
    renderFilters();
    renderHistory();
  }
}

// :: Sign-in.
async function signIn(token) {
  announce(text().loading);
  const api = new RegistryApi(token);
  try {
    const body = await api.query(meQuery);
    state.api = api;
    state.me = body.data.me;
    state.entries = [];
    await api.eachHistoryPage(historySelection, (nodes) => state.entries.push(...nodes));
  } catch (error) {
    state.api = null;
    state.me = null;
    announce(text().signInFailed + error.message);
    return;
  }

  $("#signin").hidden = true;
  $("#signed-in").hidden = false;
  $("#sign-out").hidden = false;
  render();
  announce("");
  $("#record-title").focus();
}

async function reloadHistory() {
  const entries = [];
  await state.api.eachHistoryPage(historySelection, (nodes) => entries.push(...nodes));
  state.entries = entries;
  renderFilters();
  renderHistory();
}

function signOut() {
  state.api = null;
  state.me = null;
  state.entries = [];
  $("#signed-in").hidden = true;
  $("#sign-out").hidden = true;
  $("#signin").hidden = false;
  $("#token").value = "";
  announce("");
}

// :: The record: every field of `me`, as the registry holds it.
function valueText(value) {
  const t = text();
  if (value === null || value === undefined) {
    return t.none;
  }

  return t.values[value] ?? String(value);
}

function nestedList(object) {
  const list = make("dl", { class: "nested" });
  for (const [key, value] of Object.entries(object)) {
    // One level of nesting is a list; a deeper one (the household head's id and name) is one line.
    list.append(make("dt", {}, text().fields[key] ?? key),
      make("dd", {}, value !== null && typeof value === "object" ? Object.values(value).map(valueText).join(" · ") : valueText(value)));
  }

  return list;
}

function renderRecord() {
  const record = $("#record");
  record.replaceChildren();
  for (const [key, value] of Object.entries(state.me)) {
    const shown = key === "dateOfDeath" && value === null ? text().alive
      : value !== null && typeof value === "object" ? nestedList(value) : valueText(value);
    record.append(make("div", { class: "record-field" }, make("dt", {}, text().fields[key] ?? key), make("dd", {}, shown)));
  }
}

// :: Filters.
function currentFilters() {
  return {
    organization: $("#filter-organization").value,
    field: $("#filter-field").value,
    from: $("#filter-from").value,
    to: $("#filter-to").value,
    own: $("#filter-own").checked,
  };
}

function fillSelect(select, values, label) {
  const chosen = select.value;
  select.replaceChildren(make("option", { value: "" }, text().filterAll),
    ...values.map((value) => make("option", { value }, label(value))));
  select.value = values.includes(chosen) ? chosen : "";
}

function renderFilters() {
  const groups = groupByRequest(state.entries);
  const organizations = [...new Set(groups.map(organizationKey))].filter(Boolean).sort();
  const fields = [...new Set(state.entries.map((e) => e.field).filter(Boolean))].sort();
  fillSelect($("#filter-organization"), organizations, (o) => text().orgTypes[o] ?? o);
  fillSelect($("#filter-field"), fields, (f) => `${fieldLabel(text(), f)} (${f})`);
}

// :: The history: chart and timeline.
function renderHistory() {
  const t = text();
  const all = groupByRequest(state.entries);
  const shown = applyFilters(all, currentFilters());
  const chart = monthlyChart(readsPerMonth(shown), (type) => t.orgTypes[type] ?? type, t.chartTitle);
  $("#chart").replaceChildren(shown.length === 0 ? make("p", {}, t.chartEmpty) : chart.svg, shown.length === 0 ? "" : chart.legend);
  $("#shown").textContent = t.shown(shown.length, applyFilters(all, { own: currentFilters().own }).length);
  const timeline = $("#timeline");
  timeline.replaceChildren(...shown.map(requestCard));
  if (shown.length === 0) {
    timeline.append(make("li", { class: "empty" }, t.noEntries));
  }
}

function requestCard(group) {
  const t = text();
  const organization = group.organizationName ?? (group.organizationType === "CITIZEN" ? t.ownRead : t.none);
  // The history is newest first; within a request the fields read in the order the response resolved them.
  const rows = [...group.entries].reverse().map((entry) => make("tr", { class: `decision-${entry.decision}` },
    make("th", { scope: "row" }, fieldLabel(t, entry.field), make("span", { class: "coordinate" }, entry.field ?? ""),
      entry.throughRelative ? make("span", { class: "badge relative", title: t.throughRelativeHint }, t.throughRelative) : null),
    make("td", {}, t.decisions[entry.decision] ?? entry.decision),
    make("td", {}, t.masks[entry.mask] ?? entry.mask)));
  const flags = group.flags.map((flag) => make("p", { class: "badge flag" }, `${t.flagged}: ${t.kinds[flag.kind]}${flag.reason ? ` — ${flag.reason}` : ""}`));
  const card = make("li", { class: "request", "data-request-id": group.requestId },
    make("article", { "aria-labelledby": `r-${group.requestId}` },
      make("h3", { id: `r-${group.requestId}` }, make("time", { datetime: group.time }, formatTime(group.time)), " · ", organization),
      make("dl", { class: "facts" },
        make("dt", {}, t.organization), make("dd", {}, group.organizationType ? `${organization} (${t.orgTypes[group.organizationType] ?? group.organizationType})` : t.none),
        make("dt", {}, t.purpose), make("dd", {}, group.purpose ?? t.none),
        make("dt", {}, t.grant), make("dd", {}, group.grantId ? `${group.grantId} (${t.authorities[group.grantAuthority] ?? group.grantAuthority ?? ""})` : t.none),
        make("dt", {}, t.channel), make("dd", {}, t.channels[group.channel] ?? group.channel ?? t.none),
        make("dt", {}, t.request), make("dd", { class: "request-id" }, group.requestId)),
      make("div", { class: "table-scroll" },
        make("table", {},
          make("thead", {}, make("tr", {}, make("th", { scope: "col" }, t.field), make("th", { scope: "col" }, t.decision), make("th", { scope: "col" }, t.mask))),
          make("tbody", {}, ...rows))),
      ...flags,
      make("button", { type: "button", class: "flag-open", "aria-expanded": "false", onclick: (event) => openFlagForm(event.currentTarget, group) }, t.flagAction)));
  return card;
}

// :: Flagging: one small form under the request, keyboard-first.
function openFlagForm(button, group) {
  const t = text();
  const existing = button.parentElement.querySelector("form.flag-form");
  if (existing) {
    existing.remove();
    button.setAttribute("aria-expanded", "false");
    return;
  }

  const id = group.requestId;
  const form = make("form", { class: "flag-form" },
    make("fieldset", {},
      make("legend", {}, t.flagLegend),
      make("p", { class: "kind-label" }, t.flagKind),
      ...["NOT_REQUESTED", "NOT_AGREED"].map((kind, index) => make("label", { class: "radio" },
        make("input", { type: "radio", name: `kind-${id}`, value: kind, checked: index === 0 }), ` ${t.kinds[kind]}`)),
      make("label", { for: `reason-${id}` }, t.flagReason),
      make("textarea", { id: `reason-${id}`, name: "reason", maxlength: "280", rows: "3" }),
      make("div", { class: "actions" },
        make("button", { type: "submit" }, t.flagSubmit),
        make("button", { type: "button", onclick: () => { form.remove(); button.setAttribute("aria-expanded", "false"); button.focus(); } }, t.flagCancel))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const kind = form.querySelector(`input[name="kind-${id}"]:checked`).value;
    const reason = form.querySelector("textarea").value.trim();
    try {
      await state.api.query(flagMutation, { requestId: id, kind, reason: reason || null });
      announce(t.flagDone);
      await reloadHistory();
      document.querySelector(`li[data-request-id="${id}"] .flag`)?.setAttribute("tabindex", "-1");
      document.querySelector(`li[data-request-id="${id}"] .flag`)?.focus();
    } catch (error) {
      announce(t.flagFailed + error.message);
    }
  });
  button.after(form);
  button.setAttribute("aria-expanded", "true");
  form.querySelector("input").focus();
}

// :: Downloads: the whole history, read again page by page at the moment of the download, written as it arrives.
async function download(format) {
  const t = text();
  const parts = format === "csv" ? [csvHeader()] : ["["];
  let count = 0;
  announce(t.downloading(0));
  await state.api.eachHistoryPage(historySelection, (nodes) => {
    for (const node of nodes) {
      parts.push(format === "csv" ? csvRow(node) : `${count === 0 ? "" : ","}\n${JSON.stringify(node)}`);
      count += 1;
    }

    announce(t.downloading(count));
  });
  if (format === "json") {
    parts.push("\n]\n");
  }

  const blob = new Blob(parts, { type: format === "csv" ? "text/csv;charset=utf-8" : "application/json" });
  const link = make("a", { href: URL.createObjectURL(blob), download: `access-history.${format}` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  announce(t.downloaded(count));
}

// :: Start-up.
async function start() {
  state.language = localStorage.getItem("registry-my-language") === "en" ? "en" : "vi";
  applyTexts();
  const config = await (await fetch("/my/config.json")).json();
  state.config = config;
  $("#token-form").hidden = !config.tokenSignIn;
  $("#oidc").hidden = !config.oidc;
  $("#no-sign-in").hidden = config.tokenSignIn || Boolean(config.oidc);

  $("#language").addEventListener("click", () => {
    state.language = state.language === "vi" ? "en" : "vi";
    localStorage.setItem("registry-my-language", state.language);
    render();
  });
  $("#token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    signIn($("#token").value.trim());
  });
  $("#oidc").addEventListener("click", () => startOidcSignIn(config.oidc).catch((error) => announce(text().signInFailed + error.message)));
  $("#sign-out").addEventListener("click", signOut);
  for (const id of ["#filter-organization", "#filter-field", "#filter-from", "#filter-to", "#filter-own"]) {
    $(id).addEventListener("change", renderHistory);
  }

  $("#filters").addEventListener("reset", () => setTimeout(renderHistory));
  $("#download-csv").addEventListener("click", () => download("csv"));
  $("#download-json").addEventListener("click", () => download("json"));

  if (config.oidc) {
    const token = await completeOidcSignIn(config.oidc).catch((error) => {
      announce(text().signInFailed + error.message);
      return null;
    });
    if (token) {
      await signIn(token);
    }
  }
}

start();
