// The transfer self-assessment on a case page, "Would it work here?" (issue 13). The answers
// are kept in this browser only (localStorage, one entry per case study) and never sent: the
// form has no action and no submit button. The summary lists the gaps to close; "Print the
// summary" prints the checklist and its summary only (goodpractice.css, html.gp-printing-fit).
(function () {
  "use strict";

  var PREFIX = "gp-fit:";

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function load(key) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key) || "{}");
      return value && typeof value === "object" ? value : {};
    } catch (e) {
      return {};
    }
  }

  function save(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* storage refused: the answers live as long as the page */ }
  }

  function setup(section) {
    var id = section.getAttribute("data-gp-fit");
    var labels = JSON.parse(section.getAttribute("data-gp-fit-labels") || "{}");
    var form = section.querySelector("form");
    var summary = document.getElementById("gp-fit-summary");
    var body = document.getElementById("gp-fit-summary-body");
    var key = PREFIX + id;
    var criteria = Array.prototype.map.call(section.querySelectorAll(".gp-fit__criterion"), function (set) {
      return {
        id: set.id.replace(/^gp-fit-/, ""),
        label: set.querySelector("legend").textContent.trim(),
        radios: set.querySelectorAll("input[type=radio]"),
        note: set.querySelector("textarea")
      };
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function answers() {
      var out = {};
      criteria.forEach(function (c) {
        Array.prototype.forEach.call(c.radios, function (r) { if (r.checked) out[c.id] = r.value; });
        if (c.note.value.trim()) out[c.id + "-note"] = c.note.value.slice(0, c.note.maxLength > 0 ? c.note.maxLength : 500);
      });
      return out;
    }

    function group(title, items) {
      if (!items.length) return;
      body.appendChild(el("h4", title));
      var ul = el("ul");
      items.forEach(function (item) {
        var li = el("li", item.label + " — " + labels["answer." + item.answer]);
        if (item.note) li.appendChild(el("span", " (" + item.note + ")", "gp-fit__summary-note"));
        ul.appendChild(li);
      });
      body.appendChild(ul);
    }

    function render() {
      var given = answers();
      var gaps = [], unknown = [], ready = [], open = [];
      criteria.forEach(function (c) {
        var item = { label: c.label, answer: given[c.id], note: given[c.id + "-note"] || "" };
        if (item.answer === "no" || item.answer === "partly") gaps.push(item);
        else if (item.answer === "unknown") unknown.push(item);
        else if (item.answer === "yes") ready.push(item);
        else open.push(c.label);
      });
      body.textContent = "";
      if (open.length === criteria.length) {
        body.appendChild(el("p", labels["summary.none"]));
        return;
      }
      if (!gaps.length) body.appendChild(el("p", labels["summary.no_gaps"]));
      group(labels["summary.gaps"], gaps);
      group(labels["summary.unknown"], unknown);
      group(labels["summary.ready"], ready);
      if (open.length) body.appendChild(el("p", labels["summary.unanswered"] + " " + open.join("; ")));
    }

    var stored = load(key);
    criteria.forEach(function (c) {
      Array.prototype.forEach.call(c.radios, function (r) { r.checked = stored[c.id] === r.value; });
      if (typeof stored[c.id + "-note"] === "string") c.note.value = stored[c.id + "-note"];
    });
    form.addEventListener("change", function () { save(key, answers()); render(); });
    form.addEventListener("input", function () { save(key, answers()); render(); });
    document.getElementById("gp-fit-print").addEventListener("click", function () {
      document.documentElement.classList.add("gp-printing-fit");
      window.print();
    });
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove("gp-printing-fit");
    });
    document.getElementById("gp-fit-clear").addEventListener("click", function () {
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing stored */ }
      form.reset();
      render();
    });
    summary.hidden = false;
    render();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-gp-fit]"), setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
