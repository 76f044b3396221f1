// goodpractice catalogue: filter and sort the case-study cards in place.
// The page lists every case study without this script; the filter form is shown only here.
// The choice is kept in the URL query (?theme=social-economy&sort=start) so it can be shared.
(function () {
  "use strict";
  var form = document.getElementById("gp-filters");
  var list = document.getElementById("gp-cards");
  var count = document.getElementById("gp-count");
  if (!form || !list || !count) return;

  var language = document.documentElement.lang || "en";
  var templates = JSON.parse(form.getAttribute("data-counts") || "{}");
  var plural = new Intl.PluralRules(language);
  var number = new Intl.NumberFormat(language);
  var cards = Array.prototype.slice.call(list.querySelectorAll(":scope > .gp-card"));
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
  var sort = form.querySelector("select[name=sort]");

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

  function matches(card) {
    return selects.every(function (select) {
      if (!select.value) return true;
      var keys = (card.getAttribute("data-" + select.getAttribute("data-facet")) || "").split(" ");
      return keys.indexOf(select.value) !== -1;
    });
  }

  var compare = {
    title: function (a, b) {
      return a.getAttribute("data-sort-title").localeCompare(b.getAttribute("data-sort-title"));
    },
    start: function (a, b) {
      // Most recent first; case studies without a period go last.
      return (b.getAttribute("data-start") || "").localeCompare(a.getAttribute("data-start") || "");
    },
    added: function (a, b) {
      return b.getAttribute("data-added").localeCompare(a.getAttribute("data-added"));
    }
  };

  function countText(n) {
    if (n === 0 && templates.zero) return templates.zero;
    var template = templates[plural.select(n)] || templates.other || "{count}";
    return template.replace("{count}", number.format(n));
  }

  function apply() {
    var shown = 0;
    cards.forEach(function (card) {
      card.hidden = !matches(card);
      if (!card.hidden) shown += 1;
    });
    var order = cards.slice().sort(compare[sort.value] || compare.title);
    order.forEach(function (card) { list.appendChild(card); });
    var text = countText(shown);
    if (count.textContent !== text) count.textContent = text;
    writeUrl();
  }

  form.hidden = false;
  readUrl();
  apply();
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  // The reset event fires before the fields are reset.
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
})();
