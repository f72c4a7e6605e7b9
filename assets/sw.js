// The portal's service worker: reading offline (docs/offline.md).
//
// - At install, the app of this release (PRECACHE: the hashed JS, wasm
//   and CSS, config.json, the manifest, the icon); its shell page, app.html,
//   when a view first needs it (keepShell).
// - Pages the visitor opens, the documents under data/ and the images are
//   kept as they are read, each kind with a bound (oldest dropped first).
// - Pages and documents ask the network first (news must not be stale) and
//   fall back to the copy only when the network fails or is slow
//   (TIMEOUT); hashed files and images come from the copy first.
// - The statistics document is never kept: offline, the visitor box says
//   its figures are old, as it does for any failure.
// - A page never opened, offline: a Vietnamese page listing what can be read.
//
// This file is not hashed, so a release reaches visitors only if its bytes
// change: scripts/stamp-sw.sh writes VERSION and PRECACHE into the built
// copy. Unstamped (trunk serve), it unregisters itself.
"use strict";
var VERSION = "dev";
var PRECACHE = [];

var SCOPE = self.registration.scope;
// Two sites on one origin (/ and /portal/) keep apart.
var PREFIX = "khcn " + SCOPE + " ";
var SHELL = PREFIX + "vo " + VERSION;
// Kept across releases (the pages stay readable after an update); the
// number changes when what they hold changes shape.
var PAGES = PREFIX + "trang 1";
var DOCS = PREFIX + "tai-lieu 1";
var IMAGES = PREFIX + "anh 1";
// About the last 50 articles, a few category and schedule pages, and the
// documents and images those pages read.
var LIMIT = {};
LIMIT[PAGES] = 60;
LIMIT[DOCS] = 120;
LIMIT[IMAGES] = 100;
// A larger answer is passed on but not kept.
var MAX_BYTES = 2e6;
var TIMEOUT = 3500;
var HASHED = /-[0-9a-f]{10,16}(_bg)?\.(js|wasm|css)$/;
// A part of the app's wasm (docs/wasm-parts.md): hashed too, but not
// precached (most visits never need it); kept with this release's files
// once a view has fetched it, so that view opens offline too.
var PART = /(^|\/)part-[^/]*-[0-9a-f]{10,16}_bg\.wasm$/;

var STATS = new URL("data/thong-ke.json", SCOPE).href;
// config.json names the statistics document; read from this release's copy.
var statsKnown = caches
  .match(new URL("config.json", SCOPE).href)
  .then(function (r) { return r && r.json(); })
  .then(function (c) {
    if (c && c.sources && typeof c.sources.stats === "string") STATS = new URL(c.sources.stats, SCOPE).href;
  })
  .catch(function () {});

// Unstamped, as `trunk serve` copies it: no worker at all (docs/offline.md).
var UNSTAMPED = VERSION === "dev";

self.addEventListener("install", function (event) {
  if (UNSTAMPED) return self.skipWaiting();
  event.waitUntil(precache(false));
});

// The shell, which names this release's files, from the site; the hashed
// files from the HTTP cache the page has just filled, as they are (they never
// change under their name), else from the site; the others (config.json,
// the manifest, the icon: copies behind the network) only from the HTTP
// cache, never asked for twice: missing ones are looked for again when the
// worker takes the page (remember).
function precache(againOptional) {
  return caches.open(SHELL).then(function (cache) {
    return Promise.all(PRECACHE.map(function (url, i) {
      // The shell too (i 0): fetched when a view first needs it (keepShell),
      // not on every first visit.
      var optional = !HASHED.test(url);
      if (againOptional && !optional) return;
      var init = optional ? { cache: "only-if-cached", mode: "same-origin" } : { cache: "force-cache" };
      return cache.match(url).then(function (had) {
        return had || fetch(new Request(url, init)).then(function (r) {
          if (r.ok) return cache.put(url, r);
          if (!optional) throw new Error(url + ": " + r.status);
        }, function (error) {
          if (!optional) throw error;
        });
      });
    }));
  });
}

self.addEventListener("activate", function (event) {
  var current = [SHELL, PAGES, DOCS, IMAGES];
  // Controlling nothing yet, an unstamped worker is removed at once.
  if (UNSTAMPED) return event.waitUntil(self.registration.unregister());
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && current.indexOf(name) < 0;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () {
    // Views kept by their address need this release's shell at once.
    return caches.open(PAGES).then(function (pages) { return pages.keys(); }).then(function (kept) {
      return Promise.all(kept.map(function (r) { return caches.match(r); })).then(function (copies) {
        if (copies.some(function (c) { return c && c.headers.has("X-Tieu-De"); })) return keepShell();
      });
    });
  }).catch(function () {}).then(function () { return self.clients.claim(); }));
});

// Whether the last request failed for want of a network; pages ask on load
// (their own answer may have come from the copy) and hear of each change.
var offline = false;
function setOffline(now) {
  if (now === offline) return;
  offline = now;
  self.clients.matchAll({ type: "window" }).then(function (clients) {
    clients.forEach(function (c) { c.postMessage({ ngoaiTuyen: now }); });
  });
}

self.addEventListener("message", function (event) {
  var data = event.data;
  if (data === "skipWaiting") self.skipWaiting();
  else if (data === "trang-thai" && event.source) event.source.postMessage({ ngoaiTuyen: offline });
  else if (data && typeof data.trang === "string") event.waitUntil(remember(data));
});

// A view the app drew at an address that was no page load (a link inside the
// app changes the address only): its address is kept, with the view's
// title; offline, the app shell draws it again from the documents kept.
// The first page of a visit (loaded before the worker) is kept as it is
// instead (`tai`, from the HTTP cache): its documents came inside it.
function remember(data) {
  var url = data.trang.split("#")[0];
  if (url.indexOf(SCOPE) !== 0) return;
  return Promise.all([data.tai ? precache(true) : keepShell(), caches.open(PAGES).then(function (pages) {
    return pages.match(url).then(function (copy) {
      // A page as the site sent it is better than the shell.
      if (copy && !copy.headers.has("X-Tieu-De")) return;
      if (data.tai) {
        return fetch(url, { cache: "force-cache" }).then(function (r) {
          if (keepable(PAGES, r)) return keep(PAGES, new Request(url), r);
        });
      }
      // Only the mark: the shell is that of the release serving it (copyOf).
      var mark = { headers: { "Content-Type": "text/html", "X-Tieu-De": encodeURIComponent(String(data.tieuDe || "")) } };
      return keep(PAGES, new Request(url), new Response("", mark));
    });
  })]).catch(function () {});
}

function network(request) {
  return fetch(request).then(function (r) {
    setOffline(false);
    return r;
  }, function (error) {
    // A request the page gave up on says nothing about the network.
    if (!request.signal || !request.signal.aborted) setOffline(true);
    throw error;
  });
}

// Keeps a whole, complete answer (a body cut short never gets here; one too
// large is not kept), as the newest of its kind, then drops the oldest above
// the bound.
function keep(store, request, response) {
  var body;
  return response.blob().then(function (blob) {
    body = blob;
    if (body.size > MAX_BYTES) throw body.size;
    return store === DOCS ? body.text() : "";
  }).then(function (text) {
    // A document that does not parse is never kept: offline, the older copy
    // (if any) is better than a broken one.
    if (store === DOCS) JSON.parse(text);
    var embedded = store === PAGES && body.text().then(function (html) {
      return statsKnown.then(function () { return keepEmbedded(html); });
    });
    return Promise.all([embedded, caches.open(store).then(function (cache) {
      return cache.delete(request).then(function () {
        var init = { status: response.status, statusText: response.statusText, headers: response.headers };
        return cache.put(request, new Response(body, init));
      }).then(function () {
        return cache.keys();
      }).then(function (keys) {
        return Promise.all(keys.slice(0, Math.max(0, keys.length - LIMIT[store])).map(function (key) {
          return cache.delete(key);
        }));
      });
    })]);
  }).catch(function () {});
}

// A prerendered page carries the documents it was drawn from (data-tai-lieu,
// docs/formats/prerendered-page.md); kept as documents too, unless a copy is
// there already (likely fresher), they let the app draw its other views
// offline: the navigation, the sidebar.
function keepEmbedded(html) {
  var found = /<script type="application\/json" data-tai-lieu="([^"]+)">([\s\S]*?)<\/script>/g;
  var match, all = [];
  while ((match = found.exec(html))) {
    all.push(keepDocument(new URL(match[1].replace(/&amp;/g, "&"), SCOPE).href, match[2]));
  }
  return Promise.all(all);
}

function keepDocument(url, text) {
  if (url.indexOf(SCOPE) !== 0 || url === STATS) return;
  return caches.match(url).then(function (copy) {
    var r = new Response(text, { headers: { "Content-Type": "application/json" } });
    if (!copy) return keep(DOCS, new Request(url), r);
  });
}

function keepable(store, response) {
  return response.ok && response.type === "basic" &&
    (store !== PAGES || /html/.test(response.headers.get("Content-Type") || ""));
}

// This release's app shell, fetched the first time a view kept by its
// address needs it (remember, and a new release over such views): caching it
// at install would add it to every first visit (issue 13: at most 5 KB).
function keepShell() {
  return caches.open(SHELL).then(function (shell) {
    return shell.match(PRECACHE[0]).then(function (had) {
      return had || fetch(PRECACHE[0], { cache: "no-cache" }).then(function (r) {
        if (!r.ok) return;
        return r.clone().text().then(function (text) {
          // A newer release's shell names other files; its own worker keeps it.
          var ours = PRECACHE.every(function (u) { return !HASHED.test(u) || text.indexOf(u) >= 0; });
          if (ours) return shell.put(PRECACHE[0], r);
        });
      });
    });
  });
}

// The copy of a request; for a view kept by its address alone (remember),
// this release's app shell, whose files are kept beside it.
function copyOf(request) {
  return caches.match(request).then(function (copy) {
    if (!copy || !copy.headers.has("X-Tieu-De")) return copy;
    return caches.open(SHELL).then(function (shell) { return shell.match(PRECACHE[0]); });
  });
}

// The network's answer, whatever its status; the copy if the network fails,
// or if it has not answered within TIMEOUT and there is a copy.
function networkFirst(event, store) {
  var request = event.request;
  var fresh = network(request).then(function (r) {
    if (keepable(store, r)) event.waitUntil(keep(store, request, r.clone()));
    return r;
  });
  // Alive until the network answers, even when the copy answered first:
  // a late answer is still kept for next time.
  event.waitUntil(fresh.catch(function () {}));
  return new Promise(function (resolve, reject) {
    var done = false;
    function answer(r) {
      if (!done) { done = true; resolve(r); }
    }
    var timer = setTimeout(function () {
      copyOf(request).then(function (copy) { if (copy) answer(copy); });
    }, TIMEOUT);
    fresh.then(function (r) {
      clearTimeout(timer);
      answer(r);
    }, function (error) {
      clearTimeout(timer);
      copyOf(request).then(function (copy) {
        if (copy) answer(copy);
        else if (!done) { done = true; reject(error); }
      });
    });
  });
}

function cacheFirst(event, store) {
  return caches.match(event.request).then(function (copy) {
    return copy || network(event.request).then(function (r) {
      if (store && keepable(store, r)) event.waitUntil(keep(store, event.request, r.clone()));
      return r;
    });
  });
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

// Offline, at an address never read: what this device can show instead.
function offlinePage(url) {
  return caches.open(PAGES).then(function (cache) {
    return cache.keys();
  }).then(function (keys) {
    return Promise.all(keys.reverse().map(function (key) {
      return caches.match(key).then(function (r) {
        var named = r && r.headers.get("X-Tieu-De");
        return named ? escapeHtml(decodeURIComponent(named)) : r ? r.text().then(function (html) {
          // Titles in a page come as HTML already.
          var title = /<title>([^<]*)<\/title>/.exec(html);
          return title && title[1];
        }) : "";
      }).then(function (title) {
        // "Article - Site": the article's own words are enough here.
        return title && { href: key.url, title: title.replace(/ - [^-]*$/, "") };
      });
    }));
  }).then(function (pages) {
    var seen = {};
    var items = pages.filter(function (p) {
      return p && !seen[p.title] && (seen[p.title] = true);
    }).map(function (p) {
      return '<li><a href="' + escapeHtml(p.href) + '">' + p.title + "</a></li>";
    });
    var css = PRECACHE.filter(function (u) { return /\.css$/.test(u); })[0];
    var html = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">' +
      "<title>Bạn đang ngoại tuyến - Cổng thông tin điện tử Khoa học và Công nghệ Quảng Trị</title>" +
      '<link rel="icon" href="' + SCOPE + 'icons/icon.svg" type="image/svg+xml">' +
      (css ? '<link rel="stylesheet" href="' + SCOPE + css + '">' : "") +
      '</head><body><header class="site-header"><div class="site-header-inner">' +
      '<a class="site-header-brand" href="' + SCOPE + '"><span class="site-header-emblem" aria-hidden="true">KH&amp;CN</span>' +
      '<span class="site-header-name">Cổng thông tin điện tử Khoa học và Công nghệ Quảng Trị</span></a></div></header>' +
      '<main id="noi-dung" class="offline-page"><h1>Bạn đang ngoại tuyến</h1>' +
      "<p>Không kết nối được tới cổng thông tin, nên trang này chưa mở được. Khi có mạng, hãy " +
      '<a href="' + escapeHtml(url) + '">tải lại trang</a>.</p>' +
      (items.length
        ? '<h2>Các trang đã đọc, vẫn xem được khi ngoại tuyến</h2><ul class="offline-list">' + items.join("") + "</ul>"
        : "<p>Thiết bị này chưa lưu trang nào của cổng thông tin để đọc ngoại tuyến.</p>") +
      "</main></body></html>";
    return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (UNSTAMPED || request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  var path = request.url.slice(SCOPE.length).split(/[?#]/)[0];
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(event, PAGES).catch(function () { return offlinePage(request.url); }));
  } else if (PART.test(path)) {
    event.respondWith(cacheFirst(event, SHELL));
  } else if (HASHED.test(path)) {
    event.respondWith(cacheFirst(event));
  } else if (request.destination === "image") {
    event.respondWith(cacheFirst(event, IMAGES));
  } else if (/\.(json|webmanifest)$/.test(path)) {
    event.respondWith(statsKnown.then(function () {
      return request.url.split(/[?#]/)[0] === STATS ? network(request) : networkFirst(event, DOCS);
    }));
  }
});
