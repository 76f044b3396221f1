// goodpractice catalogue: filter and sort the case studies in place.
// The page lists every case study without this script. The choice is kept in the URL query
// (?q=iasi&theme=social-economy&sort=start) so a filtered view can be shared.
//
// Where the records come from is one function, readRecords(); filtering, counting and sorting
// work on records only, whatever produced them (today the cards in the page).
(function () {
  "use strict";
  var form = document.getElementById("gp-filters");
  var list = document.getElementById("gp-cards");
  var count = document.getElementById("gp-count");
  if (!form || !list || !count) return;

  // The count is a live region: it is announced once the choice settles, not at every key
  // press in the text box or arrow key in a list (issue 14).
  var SETTLE_MS = 700;
  var TEXT_MS = 150;
  var language = document.documentElement.lang || "en";
  var templates = JSON.parse(form.getAttribute("data-counts") || "{}");
  var activeTemplate = form.getAttribute("data-active") || "({chosen})";
  var plural = new Intl.PluralRules(language);
  var number = new Intl.NumberFormat(language);
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
  var sort = form.querySelector("select[name=sort]");
  var text = form.querySelector("input[name=q]");
  var active = document.getElementById("gp-filters-active");
  var announcing = null;
  var typing = null;
  var records = [];

  function fold(value) {
    return value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(value) {
    return fold(value).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // --- The records -------------------------------------------------------------------------

  // One record per case study: its facet keys, the folded text the box searches (title,
  // summary, places, period, themes), its sort keys, and the element that shows it.
  function readRecords() {
    return Array.prototype.map.call(list.querySelectorAll(":scope > .gp-card"), function (card) {
      var facets = {};
      selects.forEach(function (select) {
        var name = select.getAttribute("data-facet");
        facets[name] = (card.getAttribute("data-" + name) || "").split(" ").filter(Boolean);
      });
      var shown = card.querySelectorAll(".gp-card__title, .gp-card__summary, .gp-card__facts dd");
      return {
        element: card,
        facets: facets,
        text: fold(Array.prototype.map.call(shown, function (e) { return e.textContent; }).join(" ")),
        sort: {
          title: card.getAttribute("data-sort-title") || "",
          start: card.getAttribute("data-start") || "",
          added: card.getAttribute("data-added") || ""
        }
      };
    });
  }

  // --- Filtering, counting, sorting: records in, records out --------------------------------

  function readState() {
    var state = { words: words(text ? text.value : ""), facets: {}, sort: sort.value };
    selects.forEach(function (select) {
      if (select.value) state.facets[select.getAttribute("data-facet")] = select.value;
    });
    return state;
  }

  // Does the record match the state, leaving out one facet (to count that facet's options)?
  function matches(record, state, leaveOut) {
    for (var name in state.facets) {
      if (name !== leaveOut && record.facets[name].indexOf(state.facets[name]) === -1) return false;
    }
    return state.words.every(function (word) { return record.text.indexOf(word) !== -1; });
  }

  // For every facet, how many records each of its options would give with the rest of the
  // choice kept: an option of 0 could only empty the list.
  function optionCounts(all, state) {
    var counts = {};
    selects.forEach(function (select) {
      var name = select.getAttribute("data-facet");
      var byKey = (counts[name] = {});
      all.forEach(function (record) {
        if (!matches(record, state, name)) return;
        record.facets[name].forEach(function (key) { byKey[key] = (byKey[key] || 0) + 1; });
      });
    });
    return counts;
  }

  var compare = {
    title: function (a, b) { return a.sort.title.localeCompare(b.sort.title); },
    // Most recent first; case studies without a period go last.
    start: function (a, b) { return b.sort.start.localeCompare(a.sort.start); },
    added: function (a, b) { return b.sort.added.localeCompare(a.sort.added); }
  };

  function select(all, state) {
    return all
      .filter(function (record) { return matches(record, state); })
      .sort(compare[state.sort] || compare.title);
  }

  // --- The page ----------------------------------------------------------------------------

  function hasOption(control, value) {
    return Array.prototype.some.call(control.options, function (o) { return o.value === value; });
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    selects.concat([sort]).forEach(function (control) {
      var value = params.get(control.name);
      if (value !== null && hasOption(control, value)) control.value = value;
    });
    if (text) text.value = (params.get("q") || "").slice(0, text.maxLength > 0 ? text.maxLength : 200);
  }

  function writeUrl() {
    var params = new URLSearchParams();
    var typed = text ? text.value.trim() : "";
    if (typed) params.set("q", typed);
    selects.forEach(function (control) {
      if (control.value) params.set(control.name, control.value);
    });
    if (sort.value !== sort.options[0].value) params.set("sort", sort.value);
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
    carryToOtherLanguages(query);
  }

  // Filter keys are the same in every language: the language switcher keeps the view.
  function carryToOtherLanguages(query) {
    Array.prototype.forEach.call(document.querySelectorAll("a[hreflang]"), function (link) {
      var base = link.getAttribute("data-gp-href");
      if (base === null) {
        base = link.getAttribute("href");
        link.setAttribute("data-gp-href", base);
        // Material's language selector rebuilds the target URL without the query: follow
        // this link's own href instead (it is the same page, with the filters).
        link.addEventListener("click", function (event) {
          if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
          event.preventDefault();
          event.stopPropagation();
          window.location.href = link.href;
        });
      }
      link.setAttribute("href", base + (query ? "?" + query : ""));
    });
  }

  function countText(n) {
    if (n === 0 && templates.zero) return templates.zero;
    var template = templates[plural.select(n)] || templates.other || "{count}";
    return template.replace("{count}", number.format(n));
  }

  function showCounts(counts, state) {
    selects.forEach(function (control) {
      var name = control.getAttribute("data-facet");
      Array.prototype.forEach.call(control.options, function (option) {
        if (!option.value) return;
        var n = counts[name][option.value] || 0;
        option.textContent = option.getAttribute("data-label") + " (" + number.format(n) + ")";
        option.disabled = n === 0 && state.facets[name] !== option.value;
      });
    });
    // The folded filters say what is chosen: "(alese: Călărași, Economie socială)".
    var chosen = selects
      .filter(function (control) { return control.value; })
      .map(function (control) {
        return control.options[control.selectedIndex].getAttribute("data-label");
      });
    if (active) active.textContent = chosen.length ? activeTemplate.replace("{chosen}", chosen.join(", ")) : "";
  }

  function say(value, delay) {
    window.clearTimeout(announcing);
    var apply = function () { if (count.textContent !== value) count.textContent = value; };
    if (delay) announcing = window.setTimeout(apply, delay);
    else apply();
  }

  function apply(delay) {
    var state = readState();
    var shown = select(records, state);
    records.forEach(function (record) { record.element.hidden = true; });
    shown.forEach(function (record) {
      record.element.hidden = false;
      list.appendChild(record.element);
    });
    showCounts(optionCounts(records, state), state);
    say(countText(shown.length), delay);
    writeUrl();
  }

  records = readRecords();
  readUrl();
  apply(0);
  form.addEventListener("change", function (event) {
    if (event.target !== text) apply(SETTLE_MS);
  });
  if (text) {
    text.addEventListener("input", function () {
      window.clearTimeout(typing);
      typing = window.setTimeout(function () { apply(SETTLE_MS); }, TEXT_MS);
    });
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(0); });
  // The reset event fires before the fields are reset.
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(0); }, 0); });
})();
