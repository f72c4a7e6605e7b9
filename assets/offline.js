// Reading offline, the page's side (docs/offline.md): registers sw.js at the
// site's base and shows the offline and new-release notices. Every byte here
// is on the first visit: the why is in the docs.
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
  if (!sw) return;
  // Never under `trunk serve` (Trunk.toml's port): see docs/offline.md.
  if (/^(localhost|127\.0\.0\.1|\[::1\])$/.test(location.hostname) && location.port === "8080") {
    sw.getRegistrations().then(function (all) {
      all.forEach(function (r) { r.unregister(); });
    });
    return;
  }

  var reloadAsked = false;
  // Views the app draws after a link: the worker keeps their address.
  var told = "";
  function tell(fetchPage) {
    var key = location.href + " " + document.title;
    if (sw.controller && key !== told) {
      told = key;
      sw.controller.postMessage({ trang: location.href, tieuDe: document.title, tai: fetchPage });
    }
  }
  new MutationObserver(function () { tell(false); })
    .observe(document.head, { subtree: true, childList: true, characterData: true });
  var firstVisit = !sw.controller;
  sw.addEventListener("controllerchange", function () {
    if (reloadAsked) {
      reloadAsked = false;
      location.reload();
    } else if (firstVisit) {
      firstVisit = false;
      tell(true);
    }
  });
  sw.onmessage = function (event) {
    if (event.data && typeof event.data.ngoaiTuyen === "boolean") {
      workerOffline = event.data.ngoaiTuyen;
      showOffline();
    }
  };
  // Was this page the worker's copy?
  if (sw.controller) sw.controller.postMessage("trang-thai");

  function offerUpdate(worker) {
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

  // After the load and the app's start: their files are in the HTTP cache.
  var loaded = document.readyState === "complete", started = !!window.wasmBindings, asked = false;
  function register() {
    if (!loaded || !started || asked) return;
    asked = true;
    sw.register(new URL("sw.js", document.baseURI).href).then(watch).catch(function () {});
  }
  window.addEventListener("load", function () { loaded = true; register(); });
  window.addEventListener("TrunkApplicationStarted", function () { started = true; register(); });
  register();

  function watch(registration) {
    offerUpdate(registration.waiting);
    registration.addEventListener("updatefound", function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed") offerUpdate(worker);
      });
    });
    // A tab open for days: look again, at most hourly.
    var checked = Date.now();
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible" && Date.now() - checked > 36e5) {
        checked = Date.now();
        registration.update().catch(function () {});
      }
    });
  }
})();
