// Starts the registries' worker (registry-worker/src/main.rs); the app runs
// `new Worker("tra-cuu-worker_loader.js")`. A request posted while the wasm
// loads would find no listener and be lost: it waits here, and main()
// answers it first. A wasm that cannot be fetched or started rejects a
// promise, which the page never hears of; thrown from a timer, it is an
// `error` event on the page's Worker, and the page says so ("Thử lại").
"use strict";
self.traCuuSom = [];
self.onmessage = function (event) { self.traCuuSom.push(event.data); };
importScripts("./tra-cuu-worker.js");
wasm_bindgen({ module_or_path: "./tra-cuu-worker_bg.wasm" }).catch(function (error) {
  setTimeout(function () { throw error; });
});
