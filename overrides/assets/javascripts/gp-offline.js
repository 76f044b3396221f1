// goodpractice: working offline (issue 12).
// - The "Keep for offline use" control (partials/gp-offline.html) registers the service worker
//   (sw.js at the site root) and fills a cache with the files of its language's manifest
//   (offline/manifest.json): only what the trainer asked to keep, nothing before.
// - On every page of a language with a kept copy it checks the manifest: when the site has
//   changed it says so and offers to update; when there is no network it says the page is
//   the copy kept on a given day. The service worker always asks the network first.
// - On the USB copy (file://) it does nothing but complete the "search online" link.
// Nothing from the manifest is inserted as HTML: text goes in with textContent.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var siteRoot = new URL("../../", script.src);
  var language = document.documentElement.lang || "en";
  var storeKey = "gp-offline:" + siteRoot.pathname + ":" + language;
  var canKeep =
    "serviceWorker" in navigator && "caches" in window && location.protocol !== "file:";

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }

  function size(bytes) {
    var megabytes = bytes / 1000000;
    return new Intl.NumberFormat(language, {
      style: "unit",
      unit: "megabyte",
      maximumFractionDigits: megabytes < 10 ? 1 : 0,
    }).format(megabytes);
  }

  function day(iso) {
    return new Date(iso).toLocaleDateString(language, {
      day: "numeric",
      month: "long",
      year: "numeric",
    });
  }

  function load() {
    try {
      return JSON.parse(localStorage.getItem(storeKey) || "null");
    } catch (error) {
      return null;
    }
  }

  function save(record) {
    try {
      if (record) localStorage.setItem(storeKey, JSON.stringify(record));
      else localStorage.removeItem(storeKey);
    } catch (error) {
      /* private mode: the copy still works, the pages just cannot say which one it is */
    }
  }

  function fetchManifest(url) {
    return fetch(url, { cache: "no-store" }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    });
  }

  function cachePrefix(manifest) {
    return manifest.cache + siteRoot.pathname + ":" + manifest.language + ":";
  }

  // --- The control -------------------------------------------------------------------------

  function setUp(block) {
    var messages = JSON.parse(block.getAttribute("data-gp-messages") || "{}");
    var manifestUrl = new URL(block.getAttribute("data-gp-manifest"), location.href);
    var keepButton = block.querySelector("[data-gp-offline-keep]");
    var removeButton = block.querySelector("[data-gp-offline-remove]");
    var status = block.querySelector("[data-gp-offline-status]");
    var slot = document.querySelector(".gp-offline-slot");
    if (slot) slot.appendChild(block);
    block.hidden = false;
    if (!canKeep) {
      keepButton.hidden = true;
      status.textContent = location.protocol === "file:" ? "" : messages.unsupported;
      return;
    }

    function showKept(record) {
      status.textContent = fill(messages.kept, { date: day(record.date), size: size(record.bytes) });
      keepButton.textContent = messages.update;
      removeButton.hidden = false;
    }

    var record = load();
    if (record) showKept(record);
    else {
      fetchManifest(manifestUrl).then(
        function (manifest) {
          status.textContent = fill(messages.will_keep, {
            count: new Intl.NumberFormat(language).format(manifest.files.length),
            size: size(manifest.bytes),
          });
        },
        function () {}
      );
    }

    keepButton.addEventListener("click", function () {
      keepButton.disabled = true;
      keep(manifestUrl, messages, status).then(
        function (kept) {
          keepButton.disabled = false;
          showKept(kept);
          removeBanner();
        },
        function (error) {
          keepButton.disabled = false;
          status.textContent = fill(messages.failed, { error: error.message || String(error) });
        }
      );
    });

    removeButton.addEventListener("click", function () {
      remove().then(function () {
        status.textContent = messages.removed;
        keepButton.textContent = block.getAttribute("data-gp-keep-label") || keepButton.textContent;
        removeButton.hidden = true;
        removeBanner();
      });
    });
    block.setAttribute("data-gp-keep-label", keepButton.textContent);
  }

  function keep(manifestUrl, messages, status) {
    var manifest;
    var name;
    return fetchManifest(manifestUrl)
      .then(function (found) {
        manifest = found;
        name = cachePrefix(manifest) + manifest.version;
        return navigator.serviceWorker.register(new URL("sw.js", siteRoot).href, {
          scope: siteRoot.pathname,
        });
      })
      .then(function () {
        // Ask the browser not to clear the copy when the device runs short of space.
        if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
        return caches.open(name);
      })
      .then(function (cache) {
        var done = 0;
        var queue = manifest.files.slice();
        var total = queue.length;
        function next() {
          var path = queue.shift();
          if (path === undefined) return Promise.resolve();
          var request = new Request(new URL(path, siteRoot).href, { cache: "reload" });
          return cache.add(request).then(function () {
            done += 1;
            status.textContent = fill(messages.keeping, { done: done, total: total });
            return next();
          });
        }
        // A few files at a time: quick on a phone without flooding a slow connection.
        return Promise.all([next(), next(), next(), next()]);
      })
      .then(function () {
        return caches.keys();
      })
      .then(function (names) {
        var older = names.filter(function (other) {
          return other.indexOf(cachePrefix(manifest)) === 0 && other !== name;
        });
        return Promise.all(older.map(function (other) { return caches.delete(other); }));
      })
      .then(function () {
        var record = {
          version: manifest.version,
          date: new Date().toISOString(),
          bytes: manifest.bytes,
          manifest: manifestUrl.href,
          messages: messages,
          pages: manifest.pages,
        };
        save(record);
        return record;
      })
      .catch(function (error) {
        if (name) caches.delete(name);
        throw error;
      });
  }

  function remove() {
    var record = load();
    save(null);
    return caches.keys().then(function (names) {
      var prefix = "gp-offline:" + siteRoot.pathname + ":" + language + ":";
      return Promise.all(
        names
          .filter(function (name) { return name.indexOf(prefix) === 0; })
          .map(function (name) { return caches.delete(name); })
      ).then(function () { return record; });
    });
  }

  // --- What a page says about the copy -----------------------------------------------------

  function banner(text, action) {
    removeBanner();
    var box = document.createElement("div");
    box.className = "gp-offline-banner";
    box.setAttribute("role", "status");
    var line = document.createElement("p");
    line.textContent = text;
    box.appendChild(line);
    if (action) box.appendChild(action);
    var content = document.querySelector(".md-content__inner") || document.body;
    content.insertBefore(box, content.firstChild);
  }

  function removeBanner() {
    var old = document.querySelector(".gp-offline-banner:not(.gp-offline-missing)");
    if (old) old.parentNode.removeChild(old);
  }

  function checkCopy(record) {
    var messages = record.messages || {};
    fetchManifest(record.manifest).then(
      function (manifest) {
        if (manifest.version === record.version) return;
        record.newer = true;
        save(record);
        var update = document.createElement("button");
        update.type = "button";
        update.className = "md-button";
        update.textContent = messages.update;
        update.addEventListener("click", function () {
          update.disabled = true;
          var line = update.previousSibling;
          keep(new URL(record.manifest), messages, line).then(function () {
            removeBanner();
            location.reload();
          }, function (error) {
            update.disabled = false;
            line.textContent = fill(messages.failed, { error: error.message || String(error) });
          });
        });
        banner(fill(messages.outdated, { date: day(record.date) }), update);
      },
      function () {
        var text = fill(messages.offline, { date: day(record.date) });
        if (record.newer) text += " " + fill(messages.outdated, { date: day(record.date) });
        banner(text);
      }
    );
  }

  // The offline page, reached for a page that was not kept (sw.js adds ?missing=...).
  function showMissing(record) {
    var missing = new URLSearchParams(location.search).get("missing");
    if (missing === null || !record) return;
    var box = document.createElement("div");
    box.className = "gp-offline-banner gp-offline-missing";
    box.setAttribute("role", "alert");
    var line = document.createElement("p");
    line.textContent = record.messages.missing;
    box.appendChild(line);
    var list = document.createElement("ul");
    (record.pages || []).forEach(function (page) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = new URL(page.path, siteRoot).href;
      link.textContent = page.title;
      item.appendChild(link);
      list.appendChild(item);
    });
    box.appendChild(list);
    var content = document.querySelector(".md-content__inner") || document.body;
    content.insertBefore(box, content.firstChild);
  }

  // The offline page: the size of the zip for a stick.
  function showBundleSize(block) {
    var label = document.querySelector("[data-gp-offline-bundle-size]");
    if (!label || !block || location.protocol === "file:") return;
    fetchManifest(new URL(block.getAttribute("data-gp-manifest"), location.href)).then(
      function (manifest) {
        label.textContent = "(" + size(manifest.bundle.bytes) + ")";
      },
      function () {}
    );
  }

  // The USB copy's "search needs the online site" page: search online for the same words.
  function completeSearchLink() {
    var link = document.querySelector("[data-gp-offline-search-online]");
    var query = new URLSearchParams(location.search).get("q");
    if (link && query) {
      var target = new URL(link.href);
      target.searchParams.set("q", query);
      link.href = target.href;
    }
  }

  var block = document.querySelector("[data-gp-offline]");
  if (block) setUp(block);
  completeSearchLink();
  showBundleSize(block);
  if (canKeep) {
    var record = load();
    if (record) {
      showMissing(record);
      checkCopy(record);
    }
  }
})();
