// The citizens' page: sign in, show the record and the history, filter, chart, download, flag.

import { RegistryApi, historySelection, meQuery, flagMutation } from "/my/api.js";
import { languages, fieldLabel } from "/my/i18n.js";
import { groupByRequest, applyFilters, readsPerMonth, organizationKey, csvHeader, csvRow } from "/my/history.js";
import { monthlyChart } from "/my/chart.js";
import { startOidcSignIn, completeOidcSignIn } from "/my/signin.js";
import { $, make } from "/my/dom.js";
import { renderRecord } from "/my/record.js";
import { openFlagForm } from "/my/flagform.js";

const state = { language: "vi", api: null, me: null, entries: [], config: null };
const text = () => languages[state.language];

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
    renderRecord(state.me, text());
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
      make("button", { type: "button", class: "flag-open", "aria-expanded": "false", onclick: (event) => openFlagForm(event.currentTarget, group, t, sendFlag) }, t.flagAction)));
  return card;
}

async function sendFlag(requestId, kind, reason) {
  const t = text();
  try {
    await state.api.query(flagMutation, { requestId, kind, reason });
    announce(t.flagDone);
    await reloadHistory();
    const badge = document.querySelector(`li[data-request-id="${requestId}"] .flag`);
    badge?.setAttribute("tabindex", "-1");
    badge?.focus();
  } catch (error) {
    announce(t.flagFailed + error.message);
  }
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
