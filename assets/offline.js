// Reading offline, the page's side (docs/offline.md): registers the service
// worker (sw.js, at the site's base, so its scope is the site under any
// sub-path) and shows two quiet notices at the bottom of the page:
// - offline (the browser says so, or the worker could not reach the site and
//   answered from its copy): gone when the connection comes back;
// - a new release waiting: "Tải lại" lets it take over, then reloads once.
// Kept out of the wasm, loaded with `defer`, no inline code (the CSP).
(function () {
  "use strict";
  var box, offlineBox, updateBox;
  var workerOffline = false;

  function notice(kind, text) {
    if (!box) {
      box = document.createElement("div");
      box.className = "portal-notices";
      document.body.appendChild(box);
    }
    var el = document.createElement("div");
    el.className = "portal-notice " + kind;
    el.setAttribute("role", "status");
    var p = document.createElement("p");
    p.textContent = text;
    el.appendChild(p);
    box.appendChild(el);
    return el;
  }

  function showOffline() {
    var off = !navigator.onLine || workerOffline;
    if (off && !offlineBox) {
      offlineBox = notice("offline-notice", "Bạn đang ngoại tuyến. Các bài đã mở trước đây vẫn đọc được.");
    } else if (!off && offlineBox) {
      offlineBox.remove();
      offlineBox = null;
    }
  }
  window.addEventListener("offline", showOffline);
  window.addEventListener("online", function () {
    workerOffline = false;
    showOffline();
  });
  showOffline();

  var sw = navigator.serviceWorker;
  if (!sw) return; // unsupported, or not a secure origin: the site works without
  // `trunk serve` (127.0.0.1:8080, Trunk.toml): its sw.js is unstamped and a
  // worker there would outlive the session, keep answering for whatever is
  // served on that port next and hide rebuilt files behind its copies.
  if (/^(localhost|127\.0\.0\.1|\[::1\])$/.test(location.hostname) && location.port === "8080") {
    sw.getRegistrations().then(function (all) {
      all.forEach(function (r) { r.unregister(); });
    });
    return;
  }

  var reloadAsked = false;
  sw.addEventListener("controllerchange", function () {
    if (reloadAsked) {
      reloadAsked = false;
      location.reload();
    }
  });
  sw.onmessage = function (event) {
    if (event.data && typeof event.data.ngoaiTuyen === "boolean") {
      workerOffline = event.data.ngoaiTuyen;
      showOffline();
    }
  };
  // This page itself may have come from the worker's copy.
  if (sw.controller) sw.controller.postMessage("trang-thai");

  function offerUpdate(worker) {
    // The first worker of a visit is no update.
    if (!worker || !sw.controller || updateBox) return;
    updateBox = notice("update-notice", "Đã có phiên bản mới của cổng thông tin.");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "update-notice-reload";
    button.textContent = "Tải lại";
    button.addEventListener("click", function () {
      reloadAsked = true;
      button.disabled = true;
      worker.postMessage("skipWaiting");
    });
    updateBox.appendChild(button);
  }

  sw.register(new URL("sw.js", document.baseURI).href).then(function (registration) {
    offerUpdate(registration.waiting);
    registration.addEventListener("updatefound", function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed") offerUpdate(worker);
      });
    });
    // A tab left open for days sees releases too: look again, at most hourly,
    // when the visitor comes back to it.
    var checked = Date.now();
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible" && Date.now() - checked > 36e5) {
        checked = Date.now();
        registration.update().catch(function () {});
      }
    });
  }).catch(function () {}); // e.g. storage off: the site works without it
})();
