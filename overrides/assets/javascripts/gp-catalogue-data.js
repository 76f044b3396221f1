// goodpractice catalogue data: every case study of the page's language, from the compact
// index the build writes (src/goodpractice/core/pages/catalogue_index.py). Each file is
// fetched once per page and its name carries a hash of its content, so the browser's cache
// keeps it across pages and visits. The catalogue's script (gp-catalogue.js) reads it only
// through the two functions below:
//
//   gpCatalogueData.cards(url)     -> Promise of [{position, id, href, title, place, period,
//                                     start, added, textLanguage, themes, facets, evidence}],
//                                     in title order; facets: {theme: ["social-economy", ...],
//                                     ...}; evidence: {level, label, description} or null
//   gpCatalogueData.summaries(url) -> Promise of [summary, ...], in the same order
(function () {
  "use strict";
  var files = {};
  var made = {};

  function fetchJson(url) {
    if (!files[url]) {
      files[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(url + ": HTTP " + response.status);
        return response.json();
      });
      // A failed fetch (offline for a moment) is tried again next time.
      files[url].catch(function () { delete files[url]; delete made[url]; });
    }
    return files[url];
  }

  function record(index, names, base, row, position) {
    var facets = {};
    names.forEach(function (name, i) {
      facets[name] = row[7][i].map(function (code) { return index.facets[name][code]; });
    });
    var themes = names.indexOf("theme");
    var level = facets.evidence && facets.evidence[0];
    var badge = level && index.evidence ? index.evidence[level] : null;
    return {
      position: position,
      id: row[0],
      href: new URL(row[0] + "/", base).href,
      title: row[1],
      place: row[2] >= 0 ? index.places[row[2]] : "",
      period: row[3] >= 0 ? index.periods[row[3]] : "",
      start: row[4],
      added: row[5],
      textLanguage: row[6],
      themes: themes < 0 ? [] : row[7][themes].map(function (code) { return index.themes[code]; }),
      facets: facets,
      evidence: badge ? { level: level, label: badge[0], description: badge[1] } : null
    };
  }

  function cards(url) {
    var absolute = new URL(url, window.location.href).href;
    if (!made[absolute]) {
      made[absolute] = fetchJson(absolute).then(function (index) {
        var names = Object.keys(index.facets);
        return index.cards.map(function (row, position) {
          return record(index, names, absolute, row, position);
        });
      });
    }
    return made[absolute];
  }

  function summaries(url) {
    return fetchJson(new URL(url, window.location.href).href);
  }

  window.gpCatalogueData = { cards: cards, summaries: summaries };
})();
