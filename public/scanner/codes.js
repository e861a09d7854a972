// Badge codes as src/domain/badge.rs writes them: "S1." + base64url(1 | varint event |
// varint registration | varint version | Ed25519 signature (64 bytes) of what precedes it).

export function base64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The claim a code carries, its signature not yet checked; null for anything else. */
export function parseCode(raw) {
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

/** Whether the event's public key (base64url) signed this claim, with WebCrypto. */
export async function signedBy(publicKey, claim) {
  try {
    if (!keyCache || keyCache.text !== publicKey) {
      const key = await crypto.subtle.importKey("raw", base64url(publicKey), { name: "Ed25519" }, false, ["verify"]);
      keyCache = { text: publicKey, key };
    }
    return await crypto.subtle.verify({ name: "Ed25519" }, keyCache.key, claim.signature, claim.signed);
  } catch {
    return false; // no Ed25519 in this browser: nothing can be vouched for offline
  }
}
