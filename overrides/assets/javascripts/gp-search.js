// goodpractice search page: queries the Pagefind index of the page's language (<html lang>)
// and lists title, summary, place and an excerpt of each result. The query and the chosen
// filters are kept in the URL (?q=...&theme=...), so a search can be shared and reloaded.
// Nothing from the index or the query is inserted as HTML except Pagefind's <mark> tags.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  // The site root, for result addresses: this script is at assets/javascripts/.
  var siteRoot = new URL("../../", script.src);
  var root = document.getElementById("gp-search");
  var header = document.getElementById("gp-header-q");
  var loading = null;

  // Each language has its own Pagefind bundle (build/search_index.py). Importing it and
  // calling init() starts its worker and loads the language's WebAssembly and metadata.
  function loadPagefind(bundle) {
    if (!loading) {
      loading = import(bundle).then(function (module) {
        return module.options({ baseUrl: siteRoot.pathname, excerptLength: 24 }).then(function () {
          module.init();
          return module;
        });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // The header's box, on every page: warm the index as soon as it gets focus, and fetch the
  // chunks of the words being typed, so the search page finds them in the browser's cache.
  if (header && !root) {
    var bundle = new URL("../pagefind/pagefind.js", header.form.action).href;
    header.addEventListener("focus", function () { loadPagefind(bundle).catch(function () {}); });
    header.addEventListener("input", function () {
      var words = header.value.trim();
      if (words) loadPagefind(bundle).then(function (p) { p.preload(words); }).catch(function () {});
    });
  }
  if (!root) return;

  var PAGE_SIZE = 10;
  var language = document.documentElement.lang || "en";
  var messages = JSON.parse(root.getAttribute("data-messages") || "{}");
  var plural = new Intl.PluralRules(language);
  var number = new Intl.NumberFormat(language);
  var input = document.getElementById("gp-search-input");
  var form = input.form;
  var maxLength = parseInt(input.getAttribute("maxlength"), 10) || 200;
  var status = document.getElementById("gp-search-status");
  var list = document.getElementById("gp-search-results");
  var more = document.getElementById("gp-search-more");
  var filterBox = document.getElementById("gp-search-filters");
  var facetNames = (root.getAttribute("data-facets") || "").split(" ").filter(Boolean);
  var pagefind = null;
  var initialFilters = {};
  var lastCounts = null;
  var generation = 0;
  var results = [];
  var shown = 0;

  function say(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  // aria-busy tells assistive technology (and tests) when the results are complete.
  function busy(state) {
    list.setAttribute("aria-busy", state ? "true" : "false");
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }

  function plural_message(prefix, n, query) {
    var key = prefix + "." + plural.select(n);
    var template = messages[key] || messages[prefix + ".other"] || "{count}";
    return fill(template, { count: number.format(n), query: query });
  }

  function cleanQuery(raw) {
    return raw.replace(/\s+/g, " ").trim().slice(0, maxLength);
  }

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // The words worth sending to the index: markup is never part of what readers search for
  // here, and a query without a letter or a digit cannot match anything.
  function searchWords(query) {
    return fold(query.replace(/<[^>]*>?/g, " "))
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  }

  // When a word is not in the index, Pagefind retries shorter and shorter prefixes of it, so
  // 'onerror' ends up matching every 'o'. A top result whose highlighted words share fewer
  // than three leading letters with every query word is such a match: report no results.
  function plausible(data, words) {
    var marks = (data.excerpt || "").match(/<mark>[^<]*<\/mark>/g);
    if (!marks) return true;
    return marks.some(function (mark) {
      var found = fold(mark.replace(/<\/?mark>/g, ""));
      return words.some(function (word) {
        var same = 0;
        while (same < word.length && word[same] === found[same]) same += 1;
        return same >= Math.min(3, word.length);
      });
    });
  }

  function chosenFilters() {
    // Until the filter boxes are built, the filters are those the URL named.
    if (!filterBox.querySelector("input")) return initialFilters;
    var chosen = {};
    Array.prototype.forEach.call(
      filterBox.querySelectorAll("input[type=checkbox]:checked"),
      function (box) {
        var name = box.getAttribute("data-filter");
        (chosen[name] = chosen[name] || []).push(box.value);
      }
    );
    return chosen;
  }

  function writeUrl(query, chosen) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    Object.keys(chosen).forEach(function (name) {
      chosen[name].forEach(function (value) { params.append(name, value); });
    });
    var text = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (text ? "?" + text : ""));
  }

  // Pagefind's excerpt is HTML with <mark> around matches: keep the text and the marks only.
  function excerptNodes(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var out = document.createDocumentFragment();
    Array.prototype.forEach.call(template.content.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent || ""));
      }
    });
    return out;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderResult(data) {
    var item = element("li", "gp-result");
    var title = element("h2", "gp-result__title");
    var link = element("a", null, (data.meta && data.meta.title) || data.url);
    link.href = data.url;
    title.appendChild(link);
    item.appendChild(title);
    if (data.meta && data.meta.summary) {
      item.appendChild(element("p", "gp-result__summary", data.meta.summary));
    }
    if (data.meta && data.meta.place) {
      var place = element("p", "gp-result__place");
      place.appendChild(element("strong", null, messages["result.place"] + ": "));
      place.appendChild(document.createTextNode(data.meta.place));
      item.appendChild(place);
    }
    if (data.excerpt) {
      var excerpt = element("p", "gp-result__excerpt");
      excerpt.appendChild(excerptNodes(data.excerpt));
      item.appendChild(excerpt);
    }
    return item;
  }

  function showMore() {
    var ticket = generation;
    var next = results.slice(shown, shown + PAGE_SIZE);
    shown += next.length;
    more.hidden = shown >= results.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (all) {
      if (ticket !== generation) return; // a newer search has replaced these results
      all.forEach(function (data) { list.appendChild(renderResult(data)); });
    });
  }

  function updateCounts(counts) {
    Array.prototype.forEach.call(filterBox.querySelectorAll("input[type=checkbox]"), function (box) {
      var n = ((counts || {})[box.getAttribute("data-filter")] || {})[box.value] || 0;
      box.parentNode.querySelector(".gp-facet__count").textContent = "(" + number.format(n) + ")";
    });
  }

  // Typing waits for a pause (debounce); the first search and a submitted form do not.
  function run(now) {
    var ticket = ++generation;
    var query = cleanQuery(input.value);
    var chosen = chosenFilters();
    var filtering = Object.keys(chosen).length > 0;
    writeUrl(query, chosen);
    if (!query && !filtering) {
      list.textContent = "";
      more.hidden = true;
      say("");
      busy(false);
      return Promise.resolve();
    }
    var words = searchWords(query);
    list.textContent = "";
    if (query && words.length === 0) {
      results = [];
      more.hidden = true;
      updateCounts({});
      say(fill(messages.none, { query: query }));
      busy(false);
      return Promise.resolve();
    }
    busy(true);
    say(messages.loading);
    var options = { filters: {} };
    Object.keys(chosen).forEach(function (name) { options.filters[name] = { any: chosen[name] }; });
    var found = null;
    var text = query.replace(/<[^>]*>?/g, " ").trim();
    var searching = now
      ? pagefind.search(text || null, options)
      : pagefind.debouncedSearch(text || null, options, 100);
    return searching.then(function (search) {
      found = search;
      if (search === null || !query || search.results.length === 0) return true;
      return search.results[0].data().then(function (top) { return plausible(top, words); });
    }).then(function (ok) {
      var search = found;
      if (search === null || ticket !== generation) return undefined; // a newer query won
      results = ok ? search.results : [];
      shown = 0;
      list.textContent = "";
      lastCounts = ok ? search.filters : {};
      updateCounts(lastCounts);
      if (results.length === 0) {
        say(query ? fill(messages.none, { query: query }) : messages["catalogue.count.zero"]);
        more.hidden = true;
        busy(false);
        return undefined;
      }
      say(query
        ? plural_message("result", results.length, query)
        : plural_message("catalogue.count", results.length, ""));
      return showMore().then(function () {
        busy(false);
        // For scripts/bench_search.py: when the results of a search were on screen.
        if (window.performance && performance.mark) performance.mark("gp-search-results");
      });
    });
  }

  // The first search ran before the filters were loaded, so its counts are empty: ask again
  // (the index chunks are cached) and only update the numbers beside the filters.
  function refreshCounts() {
    var query = cleanQuery(input.value).replace(/<[^>]*>?/g, " ").trim();
    var chosen = chosenFilters();
    if (!lastCounts || (!query && Object.keys(chosen).length === 0)) return Promise.resolve();
    var options = { filters: {} };
    Object.keys(chosen).forEach(function (name) { options.filters[name] = { any: chosen[name] }; });
    var ticket = generation;
    return pagefind.search(query || null, options).then(function (search) {
      if (ticket === generation && results.length > 0) updateCounts(search.filters);
    });
  }

  function buildFilters(available, chosen) {
    facetNames.forEach(function (name) {
      var values = Object.keys(available[name] || {});
      if (values.length === 0) return;
      values.sort(function (a, b) { return a.localeCompare(b, language, { numeric: true }); });
      // Collapsed unless in use, so results stay near the top on a phone.
      var details = element("details", "gp-facet");
      details.open = (chosen[name] || []).length > 0;
      details.appendChild(element("summary", "gp-facet__summary", messages["facet." + name]));
      var fieldset = element("fieldset", "gp-facet__fieldset");
      fieldset.appendChild(element("legend", "gp-visually-hidden", messages["facet." + name]));
      var box = element("div", "gp-facet__values");
      values.forEach(function (value, index) {
        var label = element("label", "gp-facet__value");
        var check = document.createElement("input");
        check.type = "checkbox";
        check.value = value;
        check.id = "gp-facet-" + name + "-" + index;
        check.setAttribute("data-filter", name);
        check.checked = (chosen[name] || []).indexOf(value) !== -1;
        label.appendChild(check);
        label.appendChild(document.createTextNode(" " + value + " "));
        label.appendChild(element("span", "gp-facet__count", "(" + available[name][value] + ")"));
        box.appendChild(label);
      });
      fieldset.appendChild(box);
      details.appendChild(fieldset);
      filterBox.appendChild(details);
    });
    filterBox.hidden = filterBox.children.length === 0;
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    var chosen = {};
    facetNames.forEach(function (name) {
      var values = params.getAll(name);
      if (values.length) chosen[name] = values;
    });
    input.value = cleanQuery(params.get("q") || "");
    return chosen;
  }

  function failed(error) {
    busy(false);
    say(messages.error);
    if (window.console) window.console.warn("search unavailable:", error);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (pagefind) run(true).catch(failed);
  });
  more.addEventListener("click", function () { showMore().catch(failed); });

  initialFilters = readUrl();
  loadPagefind(new URL(root.getAttribute("data-bundle"), window.location.href).href)
    .then(function (module) {
      pagefind = module;
      input.addEventListener("input", function () { run().catch(failed); });
      filterBox.addEventListener("change", function () { run(true).catch(failed); });
      // Results first; the filter list (every value of every facet) can come after.
      return run(true).then(function () { return pagefind.filters(); });
    })
    .then(function (available) {
      buildFilters(available, initialFilters);
      return refreshCounts();
    })
    .catch(failed);
})();
