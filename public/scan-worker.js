// Keeps the door scanner's page and files for when the network drops, so a scanner that is
// reloaded offline still opens and decides with its badge list (public/scanner.js). Served at
// /scan-worker.js so that its scope can be /scan; it touches nothing else.
const CACHE = "summit-scan-v1";
const FILES = [
  "/public/summit.css",
  "/public/scanner.js",
  "/public/scanner/camera.js",
  "/public/scanner/codes.js",
  "/public/scanner/ledger.js",
  "/public/scanner/verdict.js",
  "/public/vendor/barcode-detector/polyfill.js",
  "/public/vendor/barcode-detector/zxing_reader.wasm",
];
const LAST_PAGE = "/scan";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Network first, so staff always get the current page and files; the cache only when the
// network fails. The API is left to the page's script, which has its own offline answers.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  const page = request.mode === "navigate" && url.pathname === "/scan";
  if (!page && !FILES.includes(url.pathname)) return;
  const key = page ? url.pathname + url.search : url.pathname;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok && !response.redirected) {
          await cache.put(key, response.clone());
          if (page) await cache.put(LAST_PAGE, response.clone());
        }
        return response;
      } catch (err) {
        const kept = (await cache.match(key)) || (page && (await cache.match(LAST_PAGE)));
        if (kept) return kept;
        throw err;
      }
    })(),
  );
});
