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
  // overrides/main.html starts Pagefind on the search page with the same options.
  var EXCERPT_WORDS = 24;
  var root = document.getElementById("gp-search");
  var header = document.getElementById("gp-header-q");
  var loading = null;

  // Each language has its own Pagefind bundle (build/search_index.py). Importing it and
  // calling init() starts its worker and loads the language's WebAssembly and metadata.
  function loadPagefind(bundle) {
    // The search page's head may have started it already (overrides/main.html), once.
    if (!loading && root && window.gpPagefindStart) {
      loading = window.gpPagefindStart;
      window.gpPagefindStart = null;
      loading.catch(function () { loading = null; });
    }
    if (!loading) {
      loading = import(bundle).then(function (module) {
        return module.options({ baseUrl: siteRoot.pathname, excerptLength: EXCERPT_WORDS }).then(function () {
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
  // A typed query is announced once the reader stops typing, not at every key (issue 14).
  var SETTLE_MS = 700;
  // Where a case study's own terms (places, aliases) start in its indexed text
  // (overrides/main.html): excerpts are taken from the prose before them.
  var TERMS_ANCHOR = "gp-search-terms";
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
  var placeLevels = (root.getAttribute("data-place-levels") || "").split(" ").filter(Boolean);
  var pagefind = null;
  var initialFilters = {};
  var generation = 0;
  var results = [];
  var shown = 0;
  var announcing = null;
  var totals = null; // every value of every filter, with its count over the whole index

  // The filters of a facet: the place facet is one Pagefind filter per level.
  function filtersOf(facet) {
    return facet === "place" ? placeLevels : [facet];
  }

  function allFilters() {
    return facetNames.reduce(function (all, facet) { return all.concat(filtersOf(facet)); }, []);
  }

  // The status is a live region: it changes once per settled query, so a screen reader
  // hears one count, not one per key press.
  function say(text, delay) {
    window.clearTimeout(announcing);
    var apply = function () { if (status.textContent !== text) status.textContent = text; };
    if (delay) announcing = window.setTimeout(apply, delay);
    else apply();
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

  function pluralMessage(prefix, n, query) {
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

  function searchOptions(chosen, leaveOut) {
    var options = { filters: {} };
    Object.keys(chosen).forEach(function (name) {
      if (name !== leaveOut) options.filters[name] = { any: chosen[name] };
    });
    return options;
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

  // Markup with <mark> around matches: keep the text and the marks only.
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

  // The densest run of matched words in the prose: Pagefind's own excerpt rule, but it stops
  // where a case study's terms start, so the excerpt is a sentence, not a list of labels.
  // "" when the query matched only those terms (the summary and place then say enough).
  function proseExcerpt(data) {
    var words = (data.raw_content || data.content || "").split(/[\r\n\s]+/g);
    var end = words.length;
    (data.anchors || []).forEach(function (anchor) {
      if (anchor.id === TERMS_ANCHOR) end = Math.min(end, anchor.location);
    });
    var scores = [];
    (data.weighted_locations || []).forEach(function (word) {
      if (word.location < end) {
        scores[word.location] = (scores[word.location] || 0) + (word.balanced_score || 1);
      }
    });
    if (scores.length === 0) return "";
    var length = Math.min(EXCERPT_WORDS, end);
    var sum = 0;
    var i;
    for (i = 0; i < length; i += 1) sum += scores[i] || 0;
    var best = sum;
    var bestAt = 0;
    for (i = 1; i + length <= end; i += 1) {
      sum += (scores[i + length - 1] || 0) - (scores[i - 1] || 0);
      if (sum > best) { best = sum; bestAt = i; }
    }
    var marked = {};
    (data.locations || []).forEach(function (location) { marked[location] = true; });
    return words.slice(bestAt, bestAt + length).map(function (word, offset) {
      return marked[bestAt + offset] ? "<mark>" + word + "</mark>" : word;
    }).join(" ");
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
    var excerpt = proseExcerpt(data);
    if (excerpt) {
      var paragraph = element("p", "gp-result__excerpt");
      paragraph.appendChild(excerptNodes(excerpt));
      item.appendChild(paragraph);
    }
    return item;
  }

  function showMore() {
    var ticket = generation;
    var next = results.slice(shown, shown + PAGE_SIZE);
    shown += next.length;
    // Only while there are more: with 0 or 10 of 10 results there is nothing to ask for.
    more.hidden = shown >= results.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (all) {
      if (ticket !== generation) return; // a newer search has replaced these results
      all.forEach(function (data) { list.appendChild(renderResult(data)); });
    });
  }

  // The count beside each value: the results it would give with the other filters kept. A
  // value of 0 is hidden (unless chosen): it could only empty the list. A facet left with
  // nothing to offer is hidden too.
  function updateCounts(counts) {
    Array.prototype.forEach.call(filterBox.querySelectorAll(".gp-facet"), function (details) {
      var offered = 0;
      Array.prototype.forEach.call(details.querySelectorAll("input[type=checkbox]"), function (box) {
        var name = box.getAttribute("data-filter");
        var n = ((counts || {})[name] || {})[box.value] || 0;
        var label = box.parentNode;
        label.querySelector(".gp-facet__count").textContent = "(" + number.format(n) + ")";
        label.hidden = n === 0 && !box.checked;
        if (!label.hidden) offered += 1;
      });
      Array.prototype.forEach.call(details.querySelectorAll("fieldset"), function (fieldset) {
        fieldset.hidden = !fieldset.querySelector("label:not([hidden])");
      });
      details.hidden = offered === 0;
    });
  }

  // Counts for the current query and filters; a filter with a choice counts its own values
  // without that choice, so a second region can still be added to the first.
  function countsFor(text, chosen, search) {
    var counts = Object.assign({}, search.filters || {});
    var own = Object.keys(chosen).filter(function (name) { return chosen[name].length > 0; });
    return Promise.all(own.map(function (name) {
      return pagefind.search(text || null, searchOptions(chosen, name)).then(function (other) {
        counts[name] = (other && other.filters && other.filters[name]) || {};
      });
    })).then(function () { return counts; });
  }

  // Typing waits for a pause (debounce); the first search and a chosen filter do not.
  function run(now) {
    var ticket = ++generation;
    // A new query cancels the count still waiting to be said for the one before: on a slow
    // phone that count could otherwise be read out while the reader is still typing.
    window.clearTimeout(announcing);
    var query = cleanQuery(input.value);
    var chosen = chosenFilters();
    var filtering = Object.keys(chosen).length > 0;
    var settle = now ? 0 : SETTLE_MS;
    writeUrl(query, chosen);
    if (!query && !filtering) {
      list.textContent = "";
      more.hidden = true;
      if (totals) updateCounts(totals);
      say("");
      busy(false);
      return Promise.resolve();
    }
    var words = searchWords(query);
    if (query && words.length === 0) {
      results = [];
      list.textContent = "";
      more.hidden = true;
      updateCounts({});
      say(fill(messages.none, { query: query }), settle);
      busy(false);
      return Promise.resolve();
    }
    busy(true);
    // Only the first search says it is searching (the index may take a moment to load);
    // a typed one keeps the live region quiet until its count is known.
    if (now && !status.textContent) say(messages.loading);
    var found = null;
    var text = query.replace(/<[^>]*>?/g, " ").trim();
    var options = searchOptions(chosen);
    var searching = now
      ? pagefind.search(text || null, options)
      : pagefind.debouncedSearch(text || null, options, 100);
    return searching.then(function (search) {
      found = search;
      if (search === null || !query || search.results.length === 0) return true;
      // The first page's texts are asked for together (one round of fetches, not two): the
      // top one also tells whether the matches are plausible; showMore finds them loaded.
      var texts = search.results.slice(0, PAGE_SIZE).map(function (r) { return r.data(); });
      texts.forEach(function (text) { text.catch(function () {}); });
      return texts[0].then(function (top) { return plausible(top, words); });
    }).then(function (ok) {
      var search = found;
      if (search === null || ticket !== generation) return undefined; // a newer query won
      results = ok ? search.results : [];
      shown = 0;
      list.textContent = "";
      var counting = ok && filterBox.querySelector("input")
        ? countsFor(text, chosen, search)
        : Promise.resolve({});
      var rendering = results.length ? showMore() : Promise.resolve();
      if (results.length === 0) more.hidden = true;
      return Promise.all([counting, rendering]).then(function (done) {
        if (ticket !== generation) return;
        updateCounts(done[0]);
        busy(false);
        if (results.length === 0) {
          say(query ? fill(messages.none, { query: query }) : messages["catalogue.count.zero"], settle);
          return;
        }
        say(query
          ? pluralMessage("result", results.length, query)
          : pluralMessage("catalogue.count", results.length, ""), settle);
        // For scripts/bench_search.py: when the results of a search were on screen.
        if (window.performance && performance.mark) performance.mark("gp-search-results");
      });
    });
  }

  // The first search ran before the filters were built: count for them now, without
  // drawing the results again (the index chunks are cached).
  function refreshCounts() {
    var ticket = generation;
    var text = cleanQuery(input.value).replace(/<[^>]*>?/g, " ").trim();
    var chosen = chosenFilters();
    if (!text && Object.keys(chosen).length === 0) {
      updateCounts(totals);
      return Promise.resolve();
    }
    return pagefind.search(text || null, searchOptions(chosen))
      .then(function (search) { return countsFor(text, chosen, search); })
      .then(function (counts) {
        if (ticket === generation) updateCounts(results.length ? counts : {});
      });
  }

  function checkbox(name, value, index, chosen, count) {
    var label = element("label", "gp-facet__value");
    var check = document.createElement("input");
    check.type = "checkbox";
    check.value = value;
    check.id = "gp-facet-" + name + "-" + index;
    check.setAttribute("data-filter", name);
    check.checked = (chosen[name] || []).indexOf(value) !== -1;
    label.appendChild(check);
    label.appendChild(element("span", "gp-facet__label", value));
    label.appendChild(document.createTextNode(" "));
    label.appendChild(element("span", "gp-facet__count", "(" + number.format(count) + ")"));
    return label;
  }

  // One disclosure per facet; the place facet holds one group per level (country, region,
  // county, locality), each with its own legend.
  function buildFilters(available, chosen) {
    facetNames.forEach(function (facet) {
      var groups = filtersOf(facet).filter(function (name) {
        return Object.keys(available[name] || {}).length > 0;
      });
      if (groups.length === 0) return;
      var details = element("details", "gp-facet gp-disclosure");
      details.open = groups.some(function (name) { return (chosen[name] || []).length > 0; });
      details.appendChild(element("summary", "gp-facet__summary", messages["facet." + facet]));
      groups.forEach(function (name) {
        var values = Object.keys(available[name]);
        values.sort(function (a, b) { return a.localeCompare(b, language, { numeric: true }); });
        var fieldset = element("fieldset", "gp-facet__fieldset");
        var legend = facet === "place" ? messages["facet." + name.replace("_", ".")] : messages["facet." + facet];
        fieldset.appendChild(element("legend", facet === "place" ? "gp-facet__legend" : "gp-visually-hidden", legend));
        var box = element("div", "gp-facet__values");
        values.forEach(function (value, index) {
          box.appendChild(checkbox(name, value, index, chosen, available[name][value]));
        });
        fieldset.appendChild(box);
        details.appendChild(fieldset);
      });
      filterBox.appendChild(details);
    });
    filterBox.hidden = filterBox.children.length === 0;
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    var chosen = {};
    allFilters().forEach(function (name) {
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
      totals = available;
      buildFilters(available, initialFilters);
      return refreshCounts();
    })
    .catch(failed);
})();
