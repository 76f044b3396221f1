// Compare case studies (issue 13). On the catalogue, each card gets a "Compare" box and a bar
// links the chosen ones to /compare/?cases=a,b (the choice is kept for this tab only, in
// sessionStorage). On the compare page, the table of the cases the address names is built from
// their JSON files (compare/data/<id>.json, this site) with textContent only: nothing from the
// data is read as HTML.
(function () {
  "use strict";

  var KEY = "gp-compare";
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  function json(id) {
    var node = document.getElementById(id);
    try {
      return node ? JSON.parse(node.textContent) : null;
    } catch (e) {
      return null;
    }
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function fill(template, count) {
    return template.replace("{count}", String(count));
  }

  // --- The catalogue: choose up to four ----------------------------------------------------

  function chosen() {
    try {
      var list = JSON.parse(window.sessionStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list.filter(function (id) { return ID.test(id); }) : [];
    } catch (e) {
      return [];
    }
  }

  function keep(list) {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(list));
    } catch (e) { /* private mode: the choice lives as long as the page */ }
  }

  function catalogue(bar) {
    var messages = JSON.parse(bar.getAttribute("data-messages") || "{}");
    var base = bar.getAttribute("data-href");
    var max = 4;
    var status = document.getElementById("gp-comparebar-status");
    var open = document.getElementById("gp-comparebar-open");
    var clear = document.getElementById("gp-comparebar-clear");
    var list = chosen();
    var boxes = [];

    function update() {
      var n = list.length;
      var text = n === 0 ? messages["bar.none"] : n === 1 ? messages["bar.one"]
        : n >= max ? fill(messages["bar.full"], n) : fill(messages["bar.few"], n);
      // Redrawn cards call this too: the live region speaks only when the choice changed.
      if (status.textContent !== text) status.textContent = text;
      bar.setAttribute("data-chosen", n > 0 ? "true" : "false");
      open.hidden = n < 2;
      clear.hidden = n === 0;
      open.setAttribute("href", base + "?cases=" + list.join(","));
      boxes.forEach(function (box) {
        box.checked = list.indexOf(box.value) !== -1;
        box.disabled = !box.checked && n >= max;
      });
      keep(list);
    }

    function addBox(card) {
      var id = card.getAttribute("data-practice");
      if (!ID.test(id) || card.querySelector(".gp-card__compare")) return;
      var title = card.querySelector(".gp-card__title");
      var label = el("label", null, "gp-card__compare");
      var box = el("input");
      box.type = "checkbox";
      box.value = id;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + messages["select"]));
      var hidden = el("span", title ? " " + title.textContent.trim() : "", "gp-visually-hidden");
      label.appendChild(hidden);
      box.addEventListener("change", function () {
        var at = list.indexOf(id);
        if (box.checked && at === -1 && list.length < max) list.push(id);
        if (!box.checked && at !== -1) list.splice(at, 1);
        update();
      });
      boxes.push(box);
      card.appendChild(label);
    }

    function addBoxes() {
      Array.prototype.forEach.call(document.querySelectorAll(".gp-card[data-practice]"), addBox);
    }

    addBoxes();
    // gp-catalogue.js draws the cards of a filtered list itself: they get their box too.
    var cards = document.getElementById("gp-cards");
    if (cards && window.MutationObserver) {
      new MutationObserver(function () { addBoxes(); update(); })
        .observe(cards, { childList: true });
    }
    clear.addEventListener("click", function () {
      list = [];
      update();
    });
    bar.hidden = false;
    update();
  }

  // --- The compare page --------------------------------------------------------------------

  function comparePage(root) {
    var messages = json("gp-compare-messages") || {};
    var data = json("gp-compare-data");
    var status = document.getElementById("gp-compare-status");
    var max = parseInt(root.getAttribute("data-max"), 10) || 4;
    if (!data) {
      status.textContent = messages["error"] || "";
      return;
    }
    var asked = (new URLSearchParams(window.location.search).get("cases") || "")
      .split(",").map(function (id) { return id.trim(); }).filter(Boolean);
    var ids = [];
    var notes = [];
    asked.forEach(function (id) {
      if (ids.indexOf(id) !== -1) return;
      if (ID.test(id) && data.ids.indexOf(id) !== -1) ids.push(id);
      else notes.push(messages["unknown"].replace("{id}", id.slice(0, 80)));
    });
    if (ids.length > max) {
      ids = ids.slice(0, max);
      notes.push(messages["too_many"]);
    }
    if (ids.length < 2) {
      notes.push(messages["too_few"]);
      status.textContent = notes.join(" ");
      return;
    }
    status.textContent = [messages["loading"]].concat(notes).join(" ");
    // Only the chosen cases' facts, from this site (compare/data/<id>.json).
    var folder = root.getAttribute("data-folder");
    Promise.all(ids.map(function (id) {
      return fetch(folder + id + ".json", { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(String(r.status));
        return r.json();
      });
    })).then(function (cases) {
      var byId = {};
      ids.forEach(function (id, n) { byId[id] = cases[n]; });
      status.textContent = notes.join(" ");
      table(root, messages, data.rows, ids, byId);
    }).catch(function () {
      status.textContent = messages["error"];
    });
  }

  function table(root, messages, rows, ids, cases) {
    var place = document.getElementById("gp-compare-table");
    var grid = el("table", null, "gp-compare__grid");
    grid.appendChild(el("caption", messages["caption"]));
    var head = el("thead");
    var row = el("tr");
    var corner = el("th", messages["fact"]);
    corner.scope = "col";
    row.appendChild(corner);
    ids.forEach(function (id) {
      var item = cases[id];
      var th = el("th");
      th.scope = "col";
      var link = el("a", item.title);
      link.href = item.href;
      if (item.lang && item.lang !== document.documentElement.lang) link.lang = item.lang;
      th.appendChild(link);
      row.appendChild(th);
    });
    head.appendChild(row);
    grid.appendChild(head);
    var body = el("tbody");
    rows.forEach(function (pair) {
      var key = pair[0];
      if (!ids.some(function (id) { return cases[id].facts[key]; })) return;
      var tr = el("tr");
      var th = el("th", pair[1]);
      th.scope = "row";
      tr.appendChild(th);
      ids.forEach(function (id) {
        var values = cases[id].facts[key] || ["—"];
        var td = el("td");
        if (values.length === 1) td.textContent = values[0];
        else {
          var ul = el("ul");
          values.forEach(function (value) { ul.appendChild(el("li", value)); });
          td.appendChild(ul);
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    grid.appendChild(body);
    // Wider than a phone: the box scrolls, so it is a labelled, focusable region.
    var box = el("div", null, "gp-compare__scroll");
    box.setAttribute("role", "region");
    box.setAttribute("tabindex", "0");
    box.setAttribute("aria-label", messages["caption"]);
    box.appendChild(grid);
    place.appendChild(box);
    document.title = messages["title"] + ": " + ids.map(function (id) { return cases[id].title; }).join(" · ");
    document.getElementById("gp-compare-actions").hidden = false;
    document.getElementById("gp-compare-print").addEventListener("click", function () {
      window.print();
    });
  }

  function start() {
    var bar = document.getElementById("gp-comparebar");
    if (bar) catalogue(bar);
    var root = document.getElementById("gp-compare");
    if (root) comparePage(root);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
