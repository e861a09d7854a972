// Reading badges with the camera: the browser's own BarcodeDetector where it has one, else
// the vendored polyfill (public/vendor/barcode-detector/) with its local WebAssembly reader.

if (window.BarcodeDetectionAPI && window.BarcodeDetectionAPI.setZXingModuleOverrides) {
  window.BarcodeDetectionAPI.setZXingModuleOverrides({
    locateFile: (path, prefix) =>
      path.endsWith(".wasm") ? "/public/vendor/barcode-detector/zxing_reader.wasm" : prefix + path,
  });
}

export const cameraUsable = () =>
  Boolean(navigator.mediaDevices && navigator.mediaDevices.getUserMedia && "BarcodeDetector" in window);

/** Wires the toggle button to the camera; `onCode(text)` gets each code read (the same code
 * again only after 3 s), `labels(on)` names the button, `onFail()` says the camera failed. */
export function camera({ toggle, video, onCode, labels, onFail }) {
  let stream = null;
  let last = "";
  let lastAt = 0;

  async function watch(detector) {
    while (stream) {
      try {
        if (video.readyState >= 2) {
          const found = await detector.detect(video);
          const text = found.length ? found[0].rawValue : "";
          if (text && (text !== last || Date.now() - lastAt > 3000)) {
            last = text;
            lastAt = Date.now();
            await onCode(text);
          }
        }
      } catch {
        // a frame that could not be read: try the next one
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  function stop() {
    if (stream) stream.getTracks().forEach((t) => t.stop());
    stream = null;
    video.hidden = true;
    toggle.textContent = labels(false);
    toggle.setAttribute("aria-pressed", "false");
  }

  async function start() {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      toggle.textContent = labels(true);
      toggle.setAttribute("aria-pressed", "true");
      watch(new window.BarcodeDetector({ formats: ["qr_code"] }));
    } catch {
      stop();
      onFail();
    }
  }

  toggle.addEventListener("click", () => (stream ? stop() : start()));
}
