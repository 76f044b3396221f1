// goodpractice catalogue: filter and sort every case study, over the compact index that
// gp-catalogue-data.js fetches once. Without this script the catalogue is its numbered static
// pages; the filter form is shown only here. Until a reader filters or sorts, the page's own
// cards stay (nothing is fetched); then the matching cards replace them, a page at a time.
// The choice is kept in the URL query (?theme=social-economy&sort=start) so it can be shared.
(function () {
  "use strict";
  var form = document.getElementById("gp-filters");
  var list = document.getElementById("gp-cards");
  var count = document.getElementById("gp-count");
  var data = window.gpCatalogueData;
  if (!form || !list || !count || !data) return;

  var PAGE = 50; // cards shown at a time, as on a static page (core/pages/paging.py)
  var language = document.documentElement.lang || "en";
  var templates = JSON.parse(form.getAttribute("data-counts") || "{}");
  var messages = JSON.parse(form.getAttribute("data-messages") || "{}");
  var indexUrl = form.getAttribute("data-index");
  var summariesUrl = form.getAttribute("data-summaries");
  var plural = new Intl.PluralRules(language);
  var number = new Intl.NumberFormat(language);
  var more = document.getElementById("gp-more");
  var pages = document.getElementById("gp-pages");
  var staticCards = Array.prototype.slice.call(list.children);
  var staticCount = count.textContent;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
  var sort = form.querySelector("select[name=sort]");
  var matched = [];
  var shown = 0;
  var summaries = null;
  var generation = 0;

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (o) { return o.value === value; });
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    selects.concat([sort]).forEach(function (select) {
      var value = params.get(select.name);
      if (value !== null && hasOption(select, value)) select.value = value;
    });
  }

  function writeUrl() {
    var params = new URLSearchParams();
    selects.forEach(function (select) {
      if (select.value) params.set(select.name, select.value);
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

  function active() {
    return sort.value !== sort.options[0].value || selects.some(function (s) { return s.value; });
  }

  function matches(card) {
    return selects.every(function (select) {
      if (!select.value) return true;
      var name = select.getAttribute("data-facet").replace(/-/g, "_");
      return (card.facets[name] || []).indexOf(select.value) !== -1;
    });
  }

  var compare = {
    title: function (a, b) { return a.position - b.position; },
    start: function (a, b) {
      // Most recent first; case studies without a period go last.
      return b.start.localeCompare(a.start) || a.position - b.position;
    },
    added: function (a, b) { return b.added.localeCompare(a.added) || a.position - b.position; }
  };

  function countText(n) {
    if (n === 0 && templates.zero) return templates.zero;
    var template = templates[plural.select(n)] || templates.other || "{count}";
    return template.replace("{count}", number.format(n));
  }

  function say(text) {
    if (count.textContent !== text) count.textContent = text;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fact(facts, label, value) {
    var row = document.createElement("div");
    row.appendChild(element("dt", null, label));
    row.appendChild(element("dd", null, value));
    facts.appendChild(row);
  }

  // The markup of overrides/goodpractice/card.html: change both together.
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
    var facts = element("dl", "gp-card__facts");
    if (card.place) fact(facts, messages.place, card.place);
    if (card.period) fact(facts, messages.period, card.period);
    fact(facts, messages.themes, card.themes.join(", "));
    item.appendChild(facts);
    if (card.textLanguage) item.appendChild(element("p", "gp-card__note", messages.untranslated));
    return item;
  }

  function showMore(focus) {
    var next = matched.slice(shown, shown + PAGE);
    var first = null;
    next.forEach(function (card) {
      var item = cardElement(card);
      first = first || item;
      list.appendChild(item);
    });
    shown += next.length;
    more.hidden = shown >= matched.length;
    if (focus && first) first.querySelector("a").focus();
  }

  // Summaries come in their own file, after the cards: filled in when they arrive.
  function fillSummaries(all) {
    summaries = all;
    Array.prototype.forEach.call(list.querySelectorAll(".gp-card"), function (item, i) {
      var card = matched[i];
      var summary = item.querySelector(".gp-card__summary");
      if (card && summary && !summary.textContent) summary.textContent = all[card.position];
    });
  }

  function restore() {
    list.replaceChildren.apply(list, staticCards);
    if (pages) pages.hidden = false;
    more.hidden = true;
    say(staticCount);
  }

  function apply() {
    var ticket = ++generation;
    writeUrl();
    if (!active()) {
      restore();
      return Promise.resolve();
    }
    list.setAttribute("aria-busy", "true");
    return data.cards(indexUrl).then(function (cards) {
      if (ticket !== generation) return; // a newer choice replaced this one
      matched = cards.filter(matches).sort(compare[sort.value] || compare.title);
      shown = 0;
      list.textContent = "";
      if (pages) pages.hidden = true;
      showMore(false);
      say(countText(matched.length));
      list.setAttribute("aria-busy", "false");
      if (!summaries) data.summaries(summariesUrl).then(fillSummaries).catch(function () {});
    }).catch(function (error) {
      list.setAttribute("aria-busy", "false");
      restore();
      say(messages.error);
      if (window.console) window.console.warn("catalogue index unavailable:", error);
    });
  }

  // Fetch the index as soon as the reader reaches for the filters, not after the choice.
  function warm() { data.cards(indexUrl).catch(function () {}); }

  form.hidden = false;
  readUrl();
  if (active()) apply();
  form.addEventListener("focusin", warm, { once: true });
  form.addEventListener("pointerdown", warm, { once: true });
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  // The reset event fires before the fields are reset.
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  more.addEventListener("click", function () { showMore(true); });
})();
