// The history as the page shows it: entries grouped by request, filtered, counted per month, written out as CSV.

/** Entries (newest first) grouped by request id, in order of each request's newest entry. */
export function groupByRequest(entries) {
  const groups = new Map();
  for (const entry of entries) {
    let group = groups.get(entry.requestId);
    if (!group) {
      group = { requestId: entry.requestId, time: entry.time, organizationName: entry.organizationName, organizationType: entry.organizationType,
        purpose: entry.purpose, grantId: entry.grantId, grantAuthority: entry.grantAuthority, channel: entry.channel, entries: [], flags: [] };
      groups.set(entry.requestId, group);
    }

    group.entries.push(entry);
    for (const flag of entry.flags) {
      if (!group.flags.some((f) => f.time === flag.time && f.kind === flag.kind)) {
        group.flags.push(flag);
      }
    }
  }

  return [...groups.values()];
}

/** A request the citizen made about their own record (not a relative's disclosure): hidden unless asked for. */
export function isOwnRead(group) {
  return group.organizationType === "CITIZEN" && !group.entries.some((e) => e.throughRelative);
}

export function organizationKey(group) {
  return group.organizationName ?? group.organizationType ?? "";
}

/** The requests that pass every filter; a request passes the field filter when any of its entries read that field. */
export function applyFilters(groups, filters) {
  const from = filters.from ? Date.parse(`${filters.from}T00:00:00`) : null;
  const to = filters.to ? Date.parse(`${filters.to}T00:00:00`) + 86_400_000 : null;
  return groups.filter((group) => {
    const time = Date.parse(group.time);
    return (filters.own || !isOwnRead(group))
      && (!filters.organization || organizationKey(group) === filters.organization)
      && (!filters.field || group.entries.some((e) => e.field === filters.field))
      && (from === null || time >= from)
      && (to === null || time < to);
  });
}

/** Requests per calendar month (local time) and organisation type: { months: [...], types: [...], count(month, type) }. */
export function readsPerMonth(groups) {
  const counts = new Map();
  const months = new Set();
  const types = new Set();
  for (const group of groups) {
    const date = new Date(group.time);
    const month = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
    const type = group.organizationType ?? "";
    months.add(month);
    types.add(type);
    counts.set(`${month}|${type}`, (counts.get(`${month}|${type}`) ?? 0) + 1);
  }

  return { months: [...months].sort(), types: [...types].sort(), count: (month, type) => counts.get(`${month}|${type}`) ?? 0 };
}

export const csvColumns = ["time", "requestId", "organizationName", "organizationType", "field", "decision", "mask", "purpose",
  "grantId", "grantAuthority", "channel", "throughRelative", "flags"];

function csvCell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  // A cell a spreadsheet would run as a formula is quoted with a leading apostrophe (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader() {
  return `${csvColumns.join(",")}\r\n`;
}

export function csvRow(entry) {
  return `${csvColumns.map((column) => csvCell(column === "flags" ? entry.flags.map((f) => f.kind).join(" ") : entry[column])).join(",")}\r\n`;
}
