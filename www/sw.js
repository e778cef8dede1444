// The service worker: after the first visit the page works offline. It caches
// the page's own files (cache first, refreshed in the background) and never
// touches requests to other origins, such as a URL the user fetches.
const CACHE = "lede-v2";
const FILES = ["./", "index.html", "app.js", "analyzer.js", "view.js", "view-dom.js", "charts.js", "fetch.js", "vendor/d3.js", "worker.js", "worker-core.js", "style.css", "icon.svg", "pkg/lede.js", "pkg/lede_bg.wasm"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(event.request, { ignoreSearch: true });
      const fresh = fetch(event.request)
        .then((response) => {
          if (response.ok) cache.put(event.request, response.clone());
          return response;
        })
        .catch(() => cached);
      return cached ?? fresh;
    }),
  );
});
