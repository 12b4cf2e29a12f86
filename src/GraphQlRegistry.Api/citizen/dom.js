// Small DOM helpers: elements are built with textContent only, never from HTML strings.

export const $ = (selector) => document.querySelector(selector);

export function make(tag, attributes = {}, ...children) {
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
