// goodpractice: the service worker of the offline copy (issue 12), written to the site root by
// `goodpractice build` (build/offline.py fills in CONFIG). It precaches nothing by itself: the
// page's gp-offline.js fills a cache with the files a trainer asked to keep. Every request
// goes to the network first, so a connected reader always gets the current site; only when the
// network fails does a kept copy answer, and the page then says which copy it is showing.
"use strict";

const CONFIG = /* CONFIG */ {};
const SCOPE = new URL("./", self.location.href).href;
// Caches of this site only: several sites may share one origin (user.github.io/<site>/).
const CACHE_PREFIX = CONFIG.cachePrefix + new URL(SCOPE).pathname;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  event.respondWith(networkFirst(request));
});

async function networkFirst(request) {
  try {
    // A page is always checked with the server, never taken from the HTTP cache unasked: a
    // connected reader sees the site as it is now.
    return await fetch(request, request.mode === "navigate" ? { cache: "no-cache" } : {});
  } catch (error) {
    const kept = await fromKept(request.url);
    if (kept) return kept;
    if (request.mode === "navigate") {
      // A page that was not kept: an offline page says so and lists what was (that of the
      // page's language if it was kept, else that of another).
      const path = request.url.slice(SCOPE.length);
      for (const prefix of languagePrefixes(path)) {
        const target = SCOPE + prefix + CONFIG.offlinePage;
        if (await fromKept(target)) {
          return Response.redirect(target + "?missing=" + encodeURIComponent(path), 302);
        }
      }
    }
    throw error;
  }
}

// Every language's prefix ("en/"; "" for the default), that of ``path`` first.
function languagePrefixes(path) {
  const own = CONFIG.prefixes
    .filter((prefix) => prefix && path.startsWith(prefix))
    .sort((a, b) => b.length - a.length)[0] || "";
  return [own].concat(CONFIG.prefixes.filter((prefix) => prefix !== own));
}

async function fromKept(url) {
  let path = url.slice(SCOPE.length).split("#")[0].split("?")[0];
  // Offline, search reads the index of the kept pages in place of the whole site's.
  if (path.startsWith(CONFIG.searchDir)) {
    path = CONFIG.keptSearchDir + path.slice(CONFIG.searchDir.length);
  }
  const names = (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX));
  for (const name of names) {
    const hit = await (await caches.open(name)).match(SCOPE + path);
    if (hit) return hit;
  }
  return undefined;
}
