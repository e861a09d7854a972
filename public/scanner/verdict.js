// A verdict as door staff take it in: colour, a symbol, words, a sound and a vibration.

export function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function clock(value) {
  const m = /T(\d{2}:\d{2})/.exec(value || "");
  return m ? m[1] : value;
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

/** Shows `result` (an API answer, or a decision made offline) in `box`, with the page's
 * words: `text(key)` and `say(key, vars)`. */
export function showVerdict(box, result, decidedOffline, text, say) {
  const code = result.verdict;
  const good = code === "admitted";
  const cls = good ? "ok" : code === "already_checked_in" ? "warn" : "bad";
  const card = element("div", `verdict verdict-${cls}`);
  card.dataset.verdict = code;
  if (decidedOffline) card.dataset.offline = "true";
  const title = element("p", "verdict-title");
  const icon = element("span", "verdict-icon", good ? "✓" : cls === "warn" ? "!" : "✗");
  icon.setAttribute("aria-hidden", "true");
  title.append(icon, ` ${result.title || text(code) || code}`);
  card.append(title);
  const who = result.attendee;
  if (who) {
    const line = element("p");
    line.append(element("strong", "", who.name));
    const role = text(`role-${who.badge_role || "attendee"}`) || who.badge_role;
    const bits = [who.organisation ? `, ${who.organisation}` : "", ` — ${role}`];
    if (who.ticket) bits.push(` · ${who.ticket}`);
    bits.push(` · ${text(`attendance-${who.attendance}`) || who.attendance}`);
    line.append(bits.join(""));
    card.append(line);
  }
  const first = result.first || (result.first_checkin_at ? { at: result.first_checkin_at, gate: result.gate } : null);
  if (first) card.append(element("p", "", say("first", { at: clock(first.at), gate: first.gate || "" })));
  card.append(element("p", "", result.help ?? text(`${code}-help`)));
  if (decidedOffline) card.append(element("p", "verdict-offline", say("decided-offline")));
  box.replaceChildren(card);
  signal(good);
}
