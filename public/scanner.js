// The door scanner, on top of the /scan page's plain forms (which work without it):
// - asks the server through the check-in API and shows the verdict without reloading;
// - reads QR codes with the camera (scanner/camera.js);
// - keeps the event's badge list (synced every minute) and, when the network drops, decides
//   alone: the badge's Ed25519 signature, then the lists (scanner/ledger.js); admissions are
//   queued with a nonce and uploaded when the network is back (idempotent);
// - finds a lost badge by name in the list when offline;
// - says each verdict with colour, words, a sound and a vibration (scanner/verdict.js).
// Every word shown comes from the page (Fluent), in the page's language.
import { camera, cameraUsable } from "./scanner/camera.js";
import { ledger } from "./scanner/ledger.js";
import { element, showVerdict } from "./scanner/verdict.js";

const SYNC_MS = 60000;
const UPLOAD_MS = 10000;
const TIMEOUT_MS = 4000;

const form = document.querySelector("form.scan-code");
const textsEl = document.getElementById("scan-texts");
if (form && textsEl && window.fetch && window.localStorage) start();

function start() {
  const text = (key) => textsEl.getAttribute(`data-${key}`) || "";
  const say = (key, vars = {}) =>
    Object.entries(vars).reduce((s, [k, v]) => s.split(`{${k}}`).join(String(v)), text(key));
  // A count's wording in the page's language: `key-one` or `key-other` (CLDR plural rules).
  const plurals = new Intl.PluralRules(document.documentElement.lang || "fr");
  const sayCount = (key, vars) => say(`${key}-${plurals.select(vars.n) === "one" ? "one" : "other"}`, vars);
  const verdictBox = document.getElementById("verdict");
  const statusEl = document.getElementById("scan-status");
  const field = form.elements.code;
  const post = {
    event: form.elements.event.value,
    gate: form.elements.gate.value,
    session: form.elements.session ? Number(form.elements.session.value) : 0,
    csrf: form.elements.csrf.value,
  };
  const book = ledger(post);
  let online = navigator.onLine !== false;
  const show = (result, offline) => showVerdict(verdictBox, result, offline, text, say);
  const newNonce = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

  // ---- the server
  async function api(path, options = {}) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      return await fetch(path, {
        credentials: "same-origin",
        signal: controller.signal,
        ...options,
        headers: { Accept: "application/json", "X-CSRF-Token": post.csrf, ...(options.headers || {}) },
      });
    } finally {
      clearTimeout(timer);
    }
  }

  const postJson = (path, body) =>
    api(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

  function scanOf(nonce) {
    const scan = { gate: post.gate, event: post.event, nonce, scanned_at: Math.floor(Date.now() / 1000) };
    if (post.session) scan.session_id = post.session;
    return scan;
  }

  function setOnline(state, note) {
    online = state;
    const queued = book.queue().length;
    const kit = book.kit();
    const parts = [say(state ? "online" : "offline", { n: queued })];
    parts.push(kit ? sayCount("kit", { n: kit.badges.length, at: kit.synced_at }) : say("no-kit"));
    if (note) parts.push(note);
    const line = parts.join(" ");
    // A live region: only a real change is announced.
    if (statusEl.textContent !== line) statusEl.textContent = line;
    statusEl.dataset.online = String(state);
    statusEl.dataset.queued = String(queued);
    statusEl.hidden = false;
  }

  async function syncKit() {
    try {
      const res = await api(`/api/v1/events/${encodeURIComponent(post.event)}/scan-kit`);
      if (!res.ok) return;
      book.replaceKit(await res.json());
      setOnline(true);
    } catch {
      setOnline(false);
    }
  }

  let uploading = false;
  async function upload() {
    const batch = book.queue().slice(0, 500);
    if (uploading || batch.length === 0) return;
    uploading = true;
    try {
      const res = await postJson("/api/v1/checkins/batch", { scans: batch });
      if (res.ok) {
        const { results } = await res.json();
        book.dequeue(batch.map((q) => q.nonce));
        const conflicts = results.filter((r) => r.conflict).length;
        setOnline(true, sayCount("uploaded", { n: results.length, conflicts }));
      } else if (res.status >= 400 && res.status < 500 && res.status !== 429) {
        // Refused as a whole (signed out, or a malformed queue): kept on this scanner.
        setOnline(true, say("refused"));
      }
    } catch {
      setOnline(false);
    } finally {
      uploading = false;
    }
  }

  // ---- a badge code, typed, scanned or filmed
  let busy = false;
  async function check(code) {
    if (busy || !code.trim()) return;
    busy = true;
    const scan = { ...scanOf(newNonce()), code: code.trim() };
    try {
      let result = null;
      if (online) {
        try {
          const res = await postJson("/api/v1/checkins", scan);
          if (res.ok) result = await res.json();
          else if (res.status < 500) {
            const body = await res.json().catch(() => ({}));
            // Signed out, too fast, or refused: the server's own words, nothing recorded.
            result = { verdict: "error", title: (body.error && body.error.message) || String(res.status), help: "" };
          }
        } catch {
          setOnline(false);
        }
      }
      if (result) {
        show(result, false);
        setOnline(true);
      } else {
        const decided = await book.decide(scan.code, say("no-kit"));
        // Queued with the nonce already sent: if that request did reach the server, the
        // upload finds it and counts it once.
        if (decided.verdict === "admitted") book.enqueue(scan);
        show(decided, true);
        setOnline(false);
      }
    } finally {
      busy = false;
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const code = field.value;
    field.value = "";
    field.focus();
    check(code);
  });

  // ---- a lost badge, found by name in the badge list while offline
  const searchForm = document.querySelector('form[role="search"]');
  const found = element("div");
  found.id = "offline-results";
  found.setAttribute("aria-live", "polite");
  const fold = (t) => (t || "").normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();

  function admitLost(badge) {
    const decided = book.decideLost(badge.id);
    if (decided.verdict === "admitted") book.enqueue({ ...scanOf(newNonce()), registration_id: badge.id });
    show(decided, true);
    setOnline(false);
    field.focus();
  }

  function searchOffline(query) {
    const kit = book.kit();
    const words = fold(query).split(/\s+/).filter(Boolean);
    const matches = (kit ? kit.badges : [])
      .filter((b) => words.every((w) => fold(`${b.name} ${b.organisation}`).includes(w)))
      .slice(0, 30);
    document.querySelectorAll(".scan-results, .scan-results + p").forEach((el) => el.remove());
    if (!matches.length) {
      found.replaceChildren(element("p", "", kit ? text("no-match") : say("no-kit")));
      return;
    }
    const list = element("ul", "scan-results");
    for (const badge of matches) {
      const item = element("li");
      item.append(element("strong", "", badge.name), badge.organisation ? `, ${badge.organisation} ` : " ");
      const button = element("button", "", text("check-in"));
      button.type = "button";
      button.append(element("span", "sr-only", ` ${badge.name}`));
      button.addEventListener("click", () => admitLost(badge));
      item.append(button);
      list.append(item);
    }
    found.replaceChildren(list);
  }

  if (searchForm) {
    searchForm.after(found);
    searchForm.addEventListener("submit", (e) => {
      if (online && navigator.onLine !== false) return; // the server searches
      e.preventDefault();
      searchOffline(searchForm.elements.q.value);
    });
  }

  // ---- the camera
  const cameraBlock = document.getElementById("camera");
  if (cameraBlock && cameraUsable()) {
    cameraBlock.hidden = false;
    camera({
      toggle: document.getElementById("camera-toggle"),
      video: document.getElementById("camera-video"),
      onCode: check,
      labels: (on) => text(on ? "camera-stop" : "camera-start"),
      onFail: () => {
        statusEl.textContent = text("camera-failed");
        statusEl.hidden = false;
      },
    });
  }

  // ---- keeping in step with the server; the service worker keeps this page for a reload
  // without network
  async function keepThisPage() {
    await navigator.serviceWorker.register("/scan-worker.js", { scope: "/scan" });
    await navigator.serviceWorker.ready;
    // The worker keeps pages it serves; this first one was loaded before it ran.
    const res = await fetch(location.href, { credentials: "same-origin" });
    if (!res.ok || res.redirected) return;
    const cache = await caches.open("summit-scan-v1"); // the worker's cache (scan-worker.js)
    await cache.put(location.pathname + location.search, res.clone());
    await cache.put("/scan", res);
  }
  if (navigator.serviceWorker && window.caches) keepThisPage().catch(() => {});
  window.addEventListener("online", () => syncKit().then(upload));
  window.addEventListener("offline", () => setOnline(false));
  setOnline(online);
  syncKit().then(upload);
  setInterval(syncKit, SYNC_MS);
  setInterval(() => {
    if (book.queue().length) upload().then(() => online && syncKit());
  }, UPLOAD_MS);
}
