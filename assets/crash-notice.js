// The portal's last word when its WebAssembly stops.
//
// A trap in the wasm (a RuntimeError: "unreachable", "memory access out of
// bounds") leaves the instance unusable: buttons then do nothing and links
// fall back to full page loads. The wasm cannot report its own death, so this
// small script, loaded before it and kept apart from it, watches for
// WebAssembly errors that nothing caught and tells the visitor, in Vietnamese,
// with a button to reload. A wasm that fails to load or compile is reported
// the same way. No inline script or handler: the page's CSP forbids them.
(function () {
  "use strict";
  var shown = false;

  function isWasmError(error) {
    return typeof WebAssembly === "object" && error != null &&
      (error instanceof WebAssembly.RuntimeError ||
       error instanceof WebAssembly.CompileError ||
       error instanceof WebAssembly.LinkError);
  }

  function showNotice() {
    if (shown || !document.body) return;
    shown = true;
    var box = document.createElement("div");
    box.className = "crash-notice";
    box.setAttribute("role", "alert");
    var text = document.createElement("p");
    text.textContent = "Cổng thông tin gặp sự cố và đã ngừng hoạt động trên trang này. " +
      "Các nút và liên kết có thể không phản hồi. Vui lòng tải lại trang.";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "crash-notice-reload";
    button.textContent = "Tải lại trang";
    button.addEventListener("click", function () { location.reload(); });
    box.appendChild(text);
    box.appendChild(button);
    document.body.appendChild(box);
  }

  window.addEventListener("error", function (event) {
    if (isWasmError(event.error)) showNotice();
  });
  window.addEventListener("unhandledrejection", function (event) {
    if (isWasmError(event.reason)) showNotice();
  });
})();
