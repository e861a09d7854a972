// The door scanner, on top of the /scan page's plain forms (which work without it):
// - asks the server through the check-in API and shows the verdict without reloading;
// - reads QR codes with the camera (BarcodeDetector: the browser's own, or the vendored one);
// - keeps the event's badge list (synced every minute) and, when the network drops, decides
//   alone: it checks the badge's Ed25519 signature with the event's public key, queues each
//   admission with a nonce and uploads the queue when the network is back (idempotent);
// - says each verdict with colour, words, a sound and a vibration.
// Every word shown comes from the page (Fluent), in the page's language.
(() => {
  "use strict";
  const form = document.querySelector("form.scan-code");
  const textsEl = document.getElementById("scan-texts");
  if (!form || !textsEl || !window.fetch || !window.localStorage) return;

  const text = (key) => textsEl.getAttribute(`data-${key}`) || "";
  const say = (key, vars = {}) =>
    Object.entries(vars).reduce((s, [k, v]) => s.split(`{${k}}`).join(String(v)), text(key));
  const verdictBox = document.getElementById("verdict");
  const statusEl = document.getElementById("scan-status");
  const field = form.elements.code;
  const post = {
    event: form.elements.event.value,
    gate: form.elements.gate.value,
    session: form.elements.session ? Number(form.elements.session.value) : 0,
    csrf: form.elements.csrf.value,
  };
  const KIT_KEY = `summit-kit:${post.event}`;
  const QUEUE_KEY = "summit-queue";
  const SEEN_KEY = `summit-seen:${post.event}`;
  const SYNC_MS = 60000;
  const UPLOAD_MS = 10000;
  const TIMEOUT_MS = 4000;

  const localClock = () => new Date().toLocaleTimeString(document.documentElement.lang || [], { hour: "2-digit", minute: "2-digit" });
  const load = (key, fallback) => {
    try {
      return JSON.parse(localStorage.getItem(key)) ?? fallback;
    } catch {
      return fallback;
    }
  };
  const save = (key, value) => localStorage.setItem(key, JSON.stringify(value));
  let online = navigator.onLine !== false;

  // ---- badge codes: "S1." + base64url(1 | varint event | varint registration | varint
  // version | signature(64)), as src/domain/badge.rs writes them.
  function base64url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
    try {
      const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      return Uint8Array.from(bin, (c) => c.charCodeAt(0));
    } catch {
      return null;
    }
  }

  function parseCode(raw) {
    const text = raw.trim();
    if (text.length > 160 || !text.startsWith("S1.")) return null;
    const bytes = base64url(text.slice(3));
    if (!bytes || bytes.length < 4 + 64 || bytes[0] !== 1) return null;
    const end = bytes.length - 64;
    let pos = 1;
    const numbers = [];
    for (let k = 0; k < 3; k++) {
      let n = 0;
      for (let shift = 0; ; shift += 7) {
        if (pos >= end || shift > 49) return null;
        const byte = bytes[pos++];
        n += (byte & 0x7f) * 2 ** shift;
        if (!(byte & 0x80)) break;
      }
      numbers.push(n);
    }
    if (pos !== end) return null;
    const [event, id, version] = numbers;
    return { event, id, version, signed: bytes.slice(0, end), signature: bytes.slice(end) };
  }

  let keyCache = null;
  async function verify(kit, claim) {
    try {
      if (!keyCache || keyCache.text !== kit.public_key) {
        const raw = base64url(kit.public_key);
        const key = await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
        keyCache = { text: kit.public_key, key };
      }
      return await crypto.subtle.verify({ name: "Ed25519" }, keyCache.key, claim.signature, claim.signed);
    } catch {
      return false; // no Ed25519 in this browser: nothing can be vouched for offline
    }
  }

  // ---- deciding alone, with the kit (src/offline.rs)
  async function decideOffline(code) {
    const kit = load(KIT_KEY, null);
    if (!kit) return { verdict: "invalid", help: say("no-kit") };
    const claim = parseCode(code);
    if (!claim) return { verdict: "invalid" };
    if (claim.event !== kit.event.id) return { verdict: "wrong_event" };
    if (!(await verify(kit, claim))) return { verdict: "invalid" };
    return judge(kit, claim.id, claim.version);
  }

  /** The verdict for registration `id` (badge `version`, or null for a lost badge found by
   * name) with the kit's lists and what this scanner let in since. */
  function judge(kit, id, version) {
    const badge = kit.badges.find((b) => b.id === id);
    if (!badge && (kit.revoked.includes(id) || id <= kit.known_up_to)) {
      return { verdict: "revoked" };
    }
    // A badge newer than the kit (registered or re-issued since) goes in on its signature.
    if (badge && version !== null && version < badge.version) return { verdict: "revoked", attendee: badge };
    const scope = post.session;
    if (scope) {
      const session = kit.sessions.find((s) => s.id === scope);
      const seated = badge && badge.sessions.includes(scope);
      if (!session || (session.requires_signup && !seated)) {
        return { verdict: "not_registered_for_session", attendee: badge };
      }
    }
    const seen = load(SEEN_KEY, []);
    const first =
      kit.checked_in.find((c) => c.id === id && c.scope === scope) ||
      seen.find((c) => c.id === id && c.scope === scope);
    if (first) return { verdict: "already_checked_in", attendee: badge, first };
    seen.push({ id, scope, gate: post.gate, at: localClock() });
    save(SEEN_KEY, seen);
    return { verdict: "admitted", attendee: badge };
  }

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

  function scanOf(code, nonce) {
    const scan = { code, gate: post.gate, event: post.event, nonce, scanned_at: Math.floor(Date.now() / 1000) };
    if (post.session) scan.session_id = post.session;
    return scan;
  }

  async function syncKit() {
    try {
      const res = await api(`/api/v1/events/${encodeURIComponent(post.event)}/scan-kit`);
      if (!res.ok) return;
      save(KIT_KEY, { ...(await res.json()), synced_at: localClock() });
      save(SEEN_KEY, []); // what this scanner let in is now in the kit's list or still queued
      for (const item of load(QUEUE_KEY, []).filter((q) => q.event === post.event && q.admitted)) {
        const id = item.registration_id || (parseCode(item.code || "") || {}).id;
        if (id) rememberSeen(id, item.session_id || 0, item.gate);
      }
      setOnline(true);
    } catch {
      setOnline(false);
    }
  }

  function rememberSeen(id, scope, gate) {
    const seen = load(SEEN_KEY, []);
    seen.push({ id, scope, gate, at: localClock() });
    save(SEEN_KEY, seen);
  }

  let uploading = false;
  async function upload() {
    const queue = load(QUEUE_KEY, []);
    if (uploading || queue.length === 0) return;
    uploading = true;
    try {
      const batch = queue.slice(0, 500);
      const res = await postJson("/api/v1/checkins/batch", { scans: batch });
      if (res.ok) {
        const { results } = await res.json();
        const sent = new Set(batch.map((q) => q.nonce));
        save(QUEUE_KEY, load(QUEUE_KEY, []).filter((q) => !sent.has(q.nonce)));
        const conflicts = results.filter((r) => r.conflict).length;
        setOnline(true, say("uploaded", { n: results.length, conflicts }));
      } else if (res.status >= 400 && res.status < 500 && res.status !== 429) {
        // Refused as a whole (signed out, or a malformed queue): keep it for the organisers.
        setOnline(true, say("refused"));
      }
    } catch {
      setOnline(false);
    } finally {
      uploading = false;
    }
  }

  // ---- what the door staff see and hear
  function setOnline(state, note) {
    online = state;
    const queued = load(QUEUE_KEY, []).length;
    const kit = load(KIT_KEY, null);
    const parts = [say(state ? "online" : "offline", { n: queued })];
    parts.push(kit ? say("kit", { n: kit.badges.length, at: kit.synced_at }) : say("no-kit"));
    if (note) parts.push(note);
    const line = parts.join(" ");
    // A live region: only a real change is announced.
    if (statusEl.textContent !== line) statusEl.textContent = line;
    statusEl.dataset.online = String(state);
    statusEl.dataset.queued = String(queued);
    statusEl.hidden = false;
  }

  let audio = null;
  function signal(good) {
    if (navigator.vibrate) navigator.vibrate(good ? [120] : [300, 120, 300]);
    try {
      audio = audio || new AudioContext();
      const tones = good ? [[880, 0]] : [[220, 0], [220, 0.3]];
      for (const [hz, at] of tones) {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.frequency.value = hz;
        gain.gain.value = 0.2;
        osc.connect(gain).connect(audio.destination);
        osc.start(audio.currentTime + at);
        osc.stop(audio.currentTime + at + 0.18);
      }
    } catch {
      // no sound on this device: colour, words and vibration remain
    }
  }

  function element(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function clock(value) {
    const m = /T(\d{2}:\d{2})/.exec(value || "");
    return m ? m[1] : value;
  }

  function show(result, decidedOffline) {
    const code = result.verdict;
    const good = code === "admitted";
    const cls = good ? "ok" : code === "already_checked_in" ? "warn" : "bad";
    const box = element("div", `verdict verdict-${cls}`);
    box.dataset.verdict = code;
    if (decidedOffline) box.dataset.offline = "true";
    const title = element("p", "verdict-title");
    const icon = element("span", "verdict-icon", good ? "✓" : cls === "warn" ? "!" : "✗");
    icon.setAttribute("aria-hidden", "true");
    title.append(icon, ` ${result.title || text(code) || code}`);
    box.append(title);
    const who = result.attendee;
    if (who) {
      const line = element("p");
      line.append(element("strong", "", who.name));
      const role = text(`role-${who.badge_role || "attendee"}`) || who.badge_role;
      const bits = [who.organisation ? `, ${who.organisation}` : "", ` — ${role}`];
      if (who.ticket) bits.push(` · ${who.ticket}`);
      bits.push(` · ${text(`attendance-${who.attendance}`) || who.attendance}`);
      line.append(bits.join(""));
      box.append(line);
    }
    const first = result.first || (result.first_checkin_at ? { at: result.first_checkin_at, gate: result.gate } : null);
    if (first) box.append(element("p", "", say("first", { at: clock(first.at), gate: first.gate || "" })));
    box.append(element("p", "", result.help ?? text(`${code}-help`)));
    if (decidedOffline) box.append(element("p", "verdict-offline", say("decided-offline")));
    verdictBox.replaceChildren(box);
    signal(good);
  }

  let busy = false;
  async function check(code) {
    if (busy || !code.trim()) return;
    busy = true;
    const nonce = crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
    const scan = scanOf(code.trim(), nonce);
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
        const decided = await decideOffline(scan.code);
        // Queued with the nonce already sent: if that request did reach the server, the
        // upload finds it and counts it once.
        if (decided.verdict === "admitted") {
          save(QUEUE_KEY, [...load(QUEUE_KEY, []), { ...scan, admitted: true }]);
        }
        show(decided, true);
        setOnline(false);
      }
    } finally {
      busy = false;
    }
  }

  // ---- a lost badge, found by name in the badge list while offline
  const searchForm = document.querySelector('form[role="search"]');
  const found = element("div");
  found.id = "offline-results";
  found.setAttribute("aria-live", "polite");
  if (searchForm) searchForm.after(found);
  const fold = (t) => (t || "").normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();

  function admitLost(badge) {
    const kit = load(KIT_KEY, null);
    if (!kit) return;
    const decided = judge(kit, badge.id, null);
    if (decided.verdict === "admitted") {
      const nonce = crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
      const { code, ...scan } = scanOf("", nonce);
      save(QUEUE_KEY, [...load(QUEUE_KEY, []), { ...scan, registration_id: badge.id, admitted: true }]);
    }
    show(decided, true);
    setOnline(false);
    field.focus();
  }

  function searchOffline(query) {
    const kit = load(KIT_KEY, null);
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
    searchForm.addEventListener("submit", (e) => {
      if (online && navigator.onLine !== false) return; // the server searches
      e.preventDefault();
      searchOffline(searchForm.elements.q.value);
    });
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const code = field.value;
    field.value = "";
    field.focus();
    check(code);
  });

  // ---- the camera
  const camera = document.getElementById("camera");
  const toggle = document.getElementById("camera-toggle");
  const video = document.getElementById("camera-video");
  if (window.BarcodeDetectionAPI && BarcodeDetectionAPI.setZXingModuleOverrides) {
    BarcodeDetectionAPI.setZXingModuleOverrides({
      locateFile: (path, prefix) =>
        path.endsWith(".wasm") ? "/public/vendor/barcode-detector/zxing_reader.wasm" : prefix + path,
    });
  }
  let stream = null;
  let lastCode = "";
  let lastAt = 0;

  async function watch(detector) {
    while (stream) {
      try {
        if (video.readyState >= 2) {
          const found = await detector.detect(video);
          const text = found.length ? found[0].rawValue : "";
          if (text && (text !== lastCode || Date.now() - lastAt > 3000)) {
            lastCode = text;
            lastAt = Date.now();
            await check(text);
          }
        }
      } catch {
        // a frame that could not be read: try the next one
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  async function startCamera() {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      toggle.textContent = text("camera-stop");
      toggle.setAttribute("aria-pressed", "true");
      watch(new BarcodeDetector({ formats: ["qr_code"] }));
    } catch {
      stopCamera();
      statusEl.textContent = text("camera-failed");
      statusEl.hidden = false;
    }
  }

  function stopCamera() {
    if (stream) stream.getTracks().forEach((t) => t.stop());
    stream = null;
    video.hidden = true;
    toggle.textContent = text("camera-start");
    toggle.setAttribute("aria-pressed", "false");
  }

  if (camera && navigator.mediaDevices && navigator.mediaDevices.getUserMedia && "BarcodeDetector" in window) {
    camera.hidden = false;
    toggle.addEventListener("click", () => (stream ? stopCamera() : startCamera()));
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
  window.addEventListener("online", () => {
    syncKit().then(upload);
  });
  window.addEventListener("offline", () => setOnline(false));
  setOnline(online);
  syncKit().then(upload);
  setInterval(syncKit, SYNC_MS);
  setInterval(() => {
    if (load(QUEUE_KEY, []).length) upload().then(() => online && syncKit());
  }, UPLOAD_MS);
})();
