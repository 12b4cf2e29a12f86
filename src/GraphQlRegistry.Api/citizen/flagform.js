// Flagging: one small form under the request, keyboard-first (radio buttons, a capped text area, submit, cancel).

import { make } from "/my/dom.js";

export function openFlagForm(button, group, t, submit) {
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
    await submit(id, kind, reason || null);
  });
  button.after(form);
  button.setAttribute("aria-expanded", "true");
  form.querySelector("input").focus();
}
