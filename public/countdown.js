// The join page before its window opens, on top of what works without JavaScript (the
// opening time in the event's zone and a "Check again" link):
// - shows the opening in the visitor's own time zone when that reads differently;
// - counts down visibly every second, against the server's clock (a wrong clock on the
//   visitor's device does not skew it);
// - announces through a polite live region only in the last five minutes, once a minute, and
//   at the opening: a screen reader is not interrupted every second, or every minute of a
//   long wait;
// - goes to the join address when the window opens (the server then sends on to the stream).
// Every word comes from the page (Fluent), in the page's language.
const box = document.querySelector("[data-countdown]");
if (box) start(box);

function start(box) {
  const data = box.dataset;
  const say = (text, vars) =>
    Object.entries(vars).reduce((s, [k, v]) => s.split(`{${k}}`).join(String(v)), text);
  const lang = data.lang || document.documentElement.lang || "fr";
  const opensAt = Date.parse(data.opensAt);
  const serverNow = Number(data.now);
  if (Number.isNaN(opensAt) || Number.isNaN(serverNow)) return;
  const skew = serverNow - Date.now();
  const now = () => Date.now() + skew;
  // A second past the opening, so the server surely agrees the window is open.
  const goAt = opensAt + 1000;

  showVisitorZone(data.zone, opensAt, lang, say);

  const live = document.querySelector("[data-countdown-live]");
  const hint = document.querySelector("[data-check-again-hint]");
  if (hint) hint.textContent = data.byItself;
  const plurals = new Intl.PluralRules(lang);
  let announcedMinutes = null;
  box.hidden = false;

  const tick = () => {
    const left = goAt - now();
    if (left <= 0) {
      box.textContent = data.opening;
      if (live) live.textContent = data.opening;
      window.location.assign(data.go);
      return;
    }
    box.textContent = say(data.left, { left: duration(left, data.day) });
    const minutes = Math.ceil(left / 60000);
    if (live && minutes <= 5 && minutes !== announcedMinutes) {
      announcedMinutes = minutes;
      const form = plurals.select(minutes) === "one" ? data.announceOne : data.announceOther;
      live.textContent = say(form, { n: minutes });
    }
    // Recomputed from the clock each time: a throttled background tab catches up at once.
    window.setTimeout(tick, Math.min(1000, left));
  };
  tick();
}

// "2 d 03 h 05 min 09 s", leading units dropped while they are zero.
function duration(ms, dayUnit) {
  let s = Math.ceil(ms / 1000);
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const hours = Math.floor(s / 3600);
  s -= hours * 3600;
  const minutes = Math.floor(s / 60);
  const seconds = s - minutes * 60;
  const two = (n) => String(n).padStart(2, "0");
  const parts = [];
  if (days) parts.push(`${days} ${dayUnit}`);
  if (days || hours) parts.push(`${days ? two(hours) : hours} h`);
  if (days || hours || minutes) parts.push(`${days || hours ? two(minutes) : minutes} min`);
  parts.push(`${days || hours || minutes ? two(seconds) : seconds} s`);
  return parts.join(" ");
}

// The opening in the visitor's zone, only if it reads differently from the event's.
function showVisitorZone(eventZone, opensAt, lang, say) {
  const label = document.querySelector("[data-visitor-label]");
  const value = document.querySelector("[data-visitor-time]");
  if (!label || !value || !window.Intl) return;
  let mine;
  try {
    mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return;
  }
  if (!mine || mine === eventZone) return;
  const style = { dateStyle: "full", timeStyle: "short" };
  let there, here;
  try {
    there = new Intl.DateTimeFormat(lang, { ...style, timeZone: eventZone }).format(opensAt);
    here = new Intl.DateTimeFormat(lang, { ...style, timeZone: mine }).format(opensAt);
  } catch {
    return;
  }
  if (there === here) return;
  const zoneName = new Intl.DateTimeFormat(lang, { timeZone: mine, timeZoneName: "short" })
    .formatToParts(opensAt)
    .find((p) => p.type === "timeZoneName");
  label.textContent = say(label.textContent, { zone: mine });
  value.textContent = zoneName ? `${here} (${zoneName.value})` : here;
  label.hidden = false;
  value.hidden = false;
}
