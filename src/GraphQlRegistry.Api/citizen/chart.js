// Reads per month by organisation type as an inline SVG of stacked bars: no library, no script in the SVG.

const palette = ["#1b5e9a", "#b35806", "#1a7f37", "#8e24aa", "#b2182b", "#00838f", "#5d4037", "#455a64", "#ad1457", "#33691e", "#283593", "#6d4c41", "#37474f"];
const svgNs = "http://www.w3.org/2000/svg";

function element(name, attributes, text) {
  const node = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, String(value));
  }

  if (text !== undefined) {
    node.textContent = text;
  }

  return node;
}

/** An SVG chart with a title and a description for screen readers, and the same numbers as a table beside it. */
export function monthlyChart(data, typeLabel, title) {
  const barWidth = 28;
  const gap = 14;
  const height = 160;
  const left = 34;
  const width = Math.max(240, left + data.months.length * (barWidth + gap) + gap);
  const totals = data.months.map((month) => data.types.reduce((sum, type) => sum + data.count(month, type), 0));
  const max = Math.max(1, ...totals);
  // Drawn at its natural size and only ever scaled down (a phone), so one month is not one giant bar.
  const svg = element("svg", { viewBox: `0 0 ${width} ${height + 40}`, width, role: "img", "aria-labelledby": "chart-title", class: "chart" });
  svg.append(element("title", { id: "chart-title" }, title));
  svg.append(element("line", { x1: left, y1: height, x2: width, y2: height, stroke: "#555" }));
  svg.append(element("text", { x: left - 6, y: 12, "text-anchor": "end", class: "axis" }, String(max)));
  svg.append(element("text", { x: left - 6, y: height, "text-anchor": "end", class: "axis" }, "0"));
  data.months.forEach((month, index) => {
    const x = left + gap + index * (barWidth + gap);
    let y = height;
    data.types.forEach((type, typeIndex) => {
      const count = data.count(month, type);
      if (count > 0) {
        const barHeight = (count / max) * (height - 10);
        y -= barHeight;
        const bar = element("rect", { x, y, width: barWidth, height: barHeight, fill: palette[typeIndex % palette.length] });
        bar.append(element("title", {}, `${month} · ${typeLabel(type)}: ${count}`));
        svg.append(bar);
      }
    });
    svg.append(element("text", { x: x + barWidth / 2, y: height + 16, "text-anchor": "middle", class: "axis" }, month));
  });

  const legend = document.createElement("ul");
  legend.className = "legend";
  data.types.forEach((type, index) => {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = palette[index % palette.length];
    item.append(swatch, ` ${typeLabel(type)}`);
    legend.append(item);
  });
  return { svg, legend, palette };
}
