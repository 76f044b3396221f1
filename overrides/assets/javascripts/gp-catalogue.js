// goodpractice catalogue: filter and sort every case study. Without this script the catalogue
// is its numbered static pages. The choice is kept in the URL query
// (?q=iasi&theme=social-economy&sort=start) so a filtered view can be shared.
//
// Where the records come from is one function, readRecords(): the compact index of the
// language, through gp-catalogue-data.js (core/pages/catalogue_index.py), fetched only once a
// reader filters, sorts or types (the first view is the page's own cards). Filtering, counting
// and sorting work on records only; the matching cards are drawn a page at a time.
(function () {
  "use strict";
  var form = document.getElementById("gp-filters");
  var list = document.getElementById("gp-cards");
  var count = document.getElementById("gp-count");
  var data = window.gpCatalogueData;
  if (!form || !list || !count || !data) return;

  // The count is a live region: it is announced once the choice settles, not at every key
  // press in the text box or arrow key in a list (issue 14).
  var SETTLE_MS = 700;
  var TEXT_MS = 150;
  var PAGE = 50; // cards drawn at a time, as on a static page (core/pages/paging.py)
  var language = document.documentElement.lang || "en";
  var templates = JSON.parse(form.getAttribute("data-counts") || "{}");
  var messages = JSON.parse(form.getAttribute("data-messages") || "{}");
  var activeTemplate = form.getAttribute("data-active") || "({chosen})";
  var indexUrl = form.getAttribute("data-index");
  var summariesUrl = form.getAttribute("data-summaries");
  var plural = new Intl.PluralRules(language);
  var number = new Intl.NumberFormat(language);
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
  var sort = form.querySelector("select[name=sort]");
  var text = form.querySelector("input[name=q]");
  var active = document.getElementById("gp-filters-active");
  var more = document.getElementById("gp-more");
  var pages = document.getElementById("gp-pages");
  var staticCards = Array.prototype.slice.call(list.children);
  var staticCount = count.textContent;
  var announcing = null;
  var typing = null;
  var records = null; // null until the index has come
  var loading = null;
  var summaries = null;
  var shown = [];
  var drawn = 0;
  var generation = 0;

  function fold(value) {
    return value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(value) {
    return fold(value).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // --- The records -------------------------------------------------------------------------

  function searchable(card) {
    var summary = summaries ? summaries[card.position] : "";
    return fold([card.title, summary, card.place, card.period, card.themes.join(", ")].join(" "));
  }

  // One record per case study: its facet keys (by the selects' names), the folded text the box
  // searches (title, summary, places, period, themes), its sort keys, and the card it shows.
  function readRecords() {
    if (!loading) {
      loading = data.cards(indexUrl).then(function (cards) {
        records = cards.map(function (card) {
          var facets = {};
          selects.forEach(function (select) {
            var name = select.getAttribute("data-facet");
            facets[name] = card.facets[name.replace(/-/g, "_")] || [];
          });
          return {
            card: card,
            element: null,
            facets: facets,
            text: searchable(card),
            sort: { title: card.position, start: card.start, added: card.added }
          };
        });
        // Summaries come in their own file, after the cards: searched and shown once here.
        data.summaries(summariesUrl).then(function (all) {
          summaries = all;
          records.forEach(function (record) {
            record.text = searchable(record.card);
            var summary = record.element && record.element.querySelector(".gp-card__summary");
            if (summary) summary.textContent = all[record.card.position];
          });
          if (isActive(readState()) && readState().words.length) apply(0);
        }).catch(function () {});
        return records;
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // --- Filtering, counting, sorting: records in, records out --------------------------------

  function readState() {
    var state = { words: words(text ? text.value : ""), facets: {}, sort: sort.value };
    selects.forEach(function (select) {
      if (select.value) state.facets[select.getAttribute("data-facet")] = select.value;
    });
    return state;
  }

  function isActive(state) {
    return state.words.length > 0 || Object.keys(state.facets).length > 0 ||
      state.sort !== sort.options[0].value;
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
    title: function (a, b) { return a.sort.title - b.sort.title; },
    // Most recent first; case studies without a period go last.
    start: function (a, b) { return b.sort.start.localeCompare(a.sort.start) || a.sort.title - b.sort.title; },
    added: function (a, b) { return b.sort.added.localeCompare(a.sort.added) || a.sort.title - b.sort.title; }
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
    var show = function () { if (count.textContent !== value) count.textContent = value; };
    if (delay) announcing = window.setTimeout(show, delay);
    else show();
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function fact(facts, label, value) {
    var row = document.createElement("div");
    row.appendChild(element("dt", null, label));
    row.appendChild(element("dd", null, value));
    facts.appendChild(row);
  }

  // The markup of overrides/goodpractice/card.html: change both together.
  // The same markup as overrides/goodpractice/evidence-badge.html (issue 13).
  function evidenceBadge(evidence) {
    var badge = element("p", "gp-evidence gp-evidence--" + evidence.level);
    var words = element("span", "gp-evidence__badge");
    words.appendChild(element("span", "gp-evidence__name", messages.evidence + ":"));
    words.appendChild(document.createTextNode(" " + evidence.label));
    badge.appendChild(words);
    badge.appendChild(document.createTextNode(" "));
    badge.appendChild(element("span", "gp-evidence__text", evidence.description));
    return badge;
  }

  function cardElement(card) {
    var item = element("li", "gp-card");
    item.setAttribute("data-practice", card.id);
    var title = element("h2", "gp-card__title");
    var link = element("a", null, card.title);
    link.href = card.href;
    title.appendChild(link);
    var summary = element("p", "gp-card__summary", summaries ? summaries[card.position] : "");
    if (card.textLanguage) {
      title.lang = card.textLanguage;
      summary.lang = card.textLanguage;
    }
    item.appendChild(title);
    item.appendChild(summary);
    if (card.evidence) item.appendChild(evidenceBadge(card.evidence));
    var facts = element("dl", "gp-card__facts");
    if (card.place) fact(facts, messages.place, card.place);
    if (card.period) fact(facts, messages.period, card.period);
    fact(facts, messages.themes, card.themes.join(", "));
    item.appendChild(facts);
    if (card.textLanguage) item.appendChild(element("p", "gp-card__note", messages.untranslated));
    return item;
  }

  function drawMore(focus) {
    var first = null;
    shown.slice(drawn, drawn + PAGE).forEach(function (record) {
      record.element = record.element || cardElement(record.card);
      first = first || record.element;
      list.appendChild(record.element);
    });
    drawn = Math.min(shown.length, drawn + PAGE);
    more.hidden = drawn >= shown.length;
    if (focus && first) first.querySelector("a").focus();
  }

  function restore(delay) {
    list.replaceChildren.apply(list, staticCards);
    if (pages) pages.hidden = false;
    more.hidden = true;
    if (records) showCounts(optionCounts(records, readState()), readState());
    say(staticCount, delay);
  }

  function apply(delay) {
    var ticket = ++generation;
    var state = readState();
    writeUrl();
    if (!isActive(state)) {
      restore(delay);
      return;
    }
    list.setAttribute("aria-busy", "true");
    readRecords().then(function (all) {
      if (ticket !== generation) return; // a newer choice replaced this one
      state = readState();
      shown = select(all, state);
      drawn = 0;
      list.textContent = "";
      if (pages) pages.hidden = true;
      drawMore(false);
      showCounts(optionCounts(all, state), state);
      say(countText(shown.length), delay);
      list.setAttribute("aria-busy", "false");
    }).catch(function (error) {
      list.setAttribute("aria-busy", "false");
      restore(0);
      say(messages.error, 0);
      if (window.console) window.console.warn("catalogue index unavailable:", error);
    });
  }

  // Fetch the index as soon as the reader reaches for the filters, not after the choice.
  function warm() { readRecords().catch(function () {}); }

  readUrl();
  if (isActive(readState())) apply(0);
  form.addEventListener("focusin", warm, { once: true });
  form.addEventListener("pointerdown", warm, { once: true });
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
  more.addEventListener("click", function () { drawMore(true); });
})();
