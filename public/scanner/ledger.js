// What the scanner keeps in the browser's storage: the event's kit (src/offline.rs), whom it
// let in since the last sync, and the queue of admissions still to upload. It judges badges
// with them when the network is gone.
import { parseCode, signedBy } from "./codes.js";

const QUEUE_KEY = "summit-queue";

function load(key, fallback) {
  try {
    return JSON.parse(localStorage.getItem(key)) ?? fallback;
  } catch {
    return fallback;
  }
}

const save = (key, value) => localStorage.setItem(key, JSON.stringify(value));

// The time as the server writes it on this page: 24-hour clock in the event's zone (the
// page's `data-tz`), so "synced at" and "first let in at" read alike in both languages.
export const localClock = () => {
  const options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  const tz = document.getElementById("scan-texts")?.dataset.tz;
  try {
    return new Date().toLocaleTimeString(document.documentElement.lang || [], tz ? { ...options, timeZone: tz } : options);
  } catch {
    return new Date().toLocaleTimeString(document.documentElement.lang || [], options);
  }
};

/** The ledger of one scanner post (`{event, gate, session}`). */
export function ledger(post) {
  const kitKey = `summit-kit:${post.event}`;
  const seenKey = `summit-seen:${post.event}`;

  function remember(id, scope, gate) {
    const seen = load(seenKey, []);
    seen.push({ id, scope, gate, at: localClock() });
    save(seenKey, seen);
  }

  /** The verdict for registration `id` (badge `version`, or null for a lost badge found by
   * name) with the kit's lists and what this scanner let in since; an admission is kept. */
  function judge(kit, id, version) {
    const badge = kit.badges.find((b) => b.id === id);
    if (!badge && (kit.revoked.includes(id) || id <= kit.known_up_to)) return { verdict: "revoked" };
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
    const first =
      kit.checked_in.find((c) => c.id === id && c.scope === scope) ||
      load(seenKey, []).find((c) => c.id === id && c.scope === scope);
    if (first) return { verdict: "already_checked_in", attendee: badge, first };
    remember(id, scope, post.gate);
    return { verdict: "admitted", attendee: badge };
  }

  return {
    kit: () => load(kitKey, null),
    queue: () => load(QUEUE_KEY, []),

    /** A fresh kit: what this scanner let in is now in its list, or still queued. */
    replaceKit(kit) {
      save(kitKey, { ...kit, synced_at: localClock() });
      save(seenKey, []);
      for (const item of load(QUEUE_KEY, []).filter((q) => q.event === post.event && q.admitted)) {
        const id = item.registration_id || (parseCode(item.code || "") || {}).id;
        if (id) remember(id, item.session_id || 0, item.gate);
      }
    },

    enqueue(scan) {
      save(QUEUE_KEY, [...load(QUEUE_KEY, []), { ...scan, admitted: true }]);
    },

    dequeue(nonces) {
      const sent = new Set(nonces);
      save(QUEUE_KEY, load(QUEUE_KEY, []).filter((q) => !sent.has(q.nonce)));
    },

    /** A scanned code, judged without the server. */
    async decide(code, noKit) {
      const kit = load(kitKey, null);
      if (!kit) return { verdict: "invalid", help: noKit };
      const claim = parseCode(code);
      if (!claim) return { verdict: "invalid" };
      if (claim.event !== kit.event.id) return { verdict: "wrong_event" };
      if (!(await signedBy(kit.public_key, claim))) return { verdict: "invalid" };
      return judge(kit, claim.id, claim.version);
    },

    /** A lost badge, found by name in the kit. */
    decideLost(id) {
      const kit = load(kitKey, null);
      return kit ? judge(kit, id, null) : { verdict: "invalid" };
    },
  };
}
